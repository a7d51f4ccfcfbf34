"""HTML pages: the encoding (BOM, declared charset, else detected) and the visible text.

Scripts, styles, forms' controls and hidden elements are dropped, and so are the page's
navigation, side bars and footers where the markup names them (``<nav>``, ``<footer>``,
``class="breadcrumb"`` …). Every block element (paragraphs, headings, list items, table
cells …) and ``<br>`` ends a line. White space is collapsed as a browser shows it; a line
break in the markup between two Chinese characters joins them.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from bs4 import BeautifulSoup
from bs4.element import (
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
    Tag,
)

from ..errors import CorruptDocument, UndecodableText
from .sniff import _head_as_ascii

MAX_HTML_BYTES = 64 * 1024 * 1024
"""Largest HTML page read (bytes)."""

_META_CHARSET = re.compile(
    rb"<meta\b[^>]{0,500}?charset\s{0,10}=\s{0,10}[\"']?\s{0,10}([A-Za-z0-9._:-]{1,40})",
    re.IGNORECASE,
)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "euc_cn", "hz"}
_IGNORED_DECLARATIONS = {"latin_1", "iso8859_1", "cp1252", "ascii", "utf_16", "utf_16_le"}
_IGNORED_DECLARATIONS |= {"utf_16_be", "utf_32", "utf_32_le", "utf_32_be"}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DROP_TAGS = _words(
    "script style noscript template head title iframe frame frameset object embed applet"
    " svg math canvas select option optgroup datalist button input textarea map area audio"
    " video source track nav aside footer dialog"
)
_BLOCK_TAGS = _words(
    "address article blockquote body caption center dd details dir div dl dt fieldset"
    " figcaption figure form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing"
    " main menu ol p plaintext pre section summary table tbody td tfoot th thead tr ul xmp"
)
_PRE_TAGS = frozenset({"pre", "listing", "plaintext", "xmp", "textarea"})
# class or id tokens that hide an element (compared whole: ``hidden-xs`` shows on a desktop)
_HIDDEN_CLASSES = _words("hidden hide d-none sr-only visually-hidden invisible")
# class or id tokens that name site furniture, compared whole
_FURNITURE = _words(
    "nav navbar navigation menu mainmenu topmenu submenu breadcrumb breadcrumbs crumb"
    " crumbs footer foot bottom sidebar side topbar toolbar share sharebar copyright"
    " friendlink friendlinks position location curpos dqwz"
)
# ... and compared with each part of a compound name (``left_side``, ``footerWrap``, ``nav-box``)
_FURNITURE_PARTS = _words(
    "nav navbar navigation menu breadcrumb breadcrumbs crumb crumbs footer sidebar side"
    " topbar toolbar share sharebar copyright friendlink friendlinks"
)
# ... and found inside one (``topnav``, ``bdsharebuttonbox``, ``sitefooter``)
_FURNITURE_STEMS = ("nav", "menu", "breadcrumb", "footer", "copyright", "sidebar", "share")
_NAME_PARTS = re.compile(r"[a-z]+|[A-Z][a-z]*|\d+")
_MAX_FURNITURE_SHARE = 0.4
"""An element named like furniture is kept when it holds more of the page's text than this."""
_HIDDEN_STYLE = re.compile(r"display\s{0,10}:\s{0,10}none|visibility\s{0,10}:\s{0,10}hidden", re.I)
_WS_RUN = re.compile(r"[ \t\n\r\f\v]+")
_CJK_EDGE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u201c\u201d]")
_SKIPPED_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)


class _Break:
    """Marker: a line ends here."""


_BREAK = _Break()


def _declared_codec(data: bytes) -> str | None:
    m = _META_CHARSET.search(_head_as_ascii(data))
    if not m:
        return None
    label = m.group(1).decode("ascii", "ignore").strip().lower()
    try:
        name = codecs.lookup(label).name.replace("-", "_")
    except LookupError:
        return None
    return None if name in _IGNORED_DECLARATIONS else name


def _bad_ratio(text: str) -> float:
    sample = text[:200000]
    return sample.count("\ufffd") / max(1, len(sample))


def decode_html(data: bytes, *, path: str | Path | None = None) -> tuple[str, str]:
    """The page's text as a string and the name of the encoding used."""
    for bom, codec, name in (
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, "replace"), name
    head = data[:2000]
    if head.count(0) > 200:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        codec = "utf-16-le" if odd > even else "utf-16-be"
        return data.decode(codec, "replace"), "utf-16"
    declared = _declared_codec(data)
    # Valid UTF-8 with Chinese in it is UTF-8, whatever the page declares (a stale
    # ``charset=gb2312`` on a re-encoded page is common); then the declaration; then GB18030.
    tries: list[tuple[str, str]] = [("utf-8", "utf-8")]
    if declared is not None:
        tries.append(("gb18030" if declared in _GB_FAMILY else declared, declared))
    tries.append(("gb18030", "gb18030"))
    if declared is not None and data.isascii():
        return data.decode("ascii"), declared.replace("_", "-")
    for codec, name in tries:
        try:
            return data.decode(codec), name.replace("_", "-")
        except (UnicodeDecodeError, LookupError):
            continue
    # A few broken bytes are common on real pages: keep the best reading when it is close.
    best: tuple[float, str, str] | None = None
    for codec, name in tries:
        try:
            text = data.decode(codec, "replace")
        except LookupError:
            continue
        ratio = _bad_ratio(text)
        if best is None or ratio < best[0]:
            best = (ratio, text, name.replace("_", "-"))
    if best is not None and best[0] < 0.01:
        return best[1], best[2]
    raise UndecodableText(
        "HTML page not decodable in its declared or a Chinese encoding", path=path
    )


def _is_furniture_name(token: str) -> bool:
    low = token.lower()
    if low in _FURNITURE:
        return True
    parts = [part.lower() for part in _NAME_PARTS.findall(token)]
    if any(part in _FURNITURE_PARTS for part in parts) or "".join(parts) in _FURNITURE:
        return True  # ``left_side``, ``footerWrap``; ``top_bar``, ``bread-crumb``
    return any(stem in low for stem in _FURNITURE_STEMS)


class _Sizes:
    """Characters of text (white space aside) under each element, counted once, when needed."""

    def __init__(self, root: Tag) -> None:
        self.root = root
        self.sizes: dict[int, int] | None = None

    def __call__(self, tag: Tag) -> int:
        if self.sizes is None:
            self.sizes = {}
            stack: list[tuple[Tag, bool]] = [(self.root, False)]
            while stack:  # post-order, without recursion
                node, done = stack.pop()
                if not done:
                    stack.append((node, True))
                    stack.extend((c, False) for c in node.contents if isinstance(c, Tag))
                    continue
                total = 0
                for child in node.contents:
                    if isinstance(child, Tag):
                        total += self.sizes.get(id(child), 0)
                    elif isinstance(child, NavigableString) and not isinstance(
                        child, _SKIPPED_STRINGS
                    ):
                        total += len(_SPACE.sub("", str(child)))
                self.sizes[id(node)] = total
        return self.sizes.get(id(tag), 0)

    @property
    def page(self) -> int:
        return self(self.root)


def _is_dropped(tag: Tag, sizes: _Sizes | None = None) -> bool:
    """True for an element whose text is not the document's (hidden, a script, furniture).

    An element whose class or id names furniture is only dropped while it holds less than
    ``_MAX_FURNITURE_SHARE`` of the page's text: a page that wraps its article in
    ``<div class="main_nav_content">`` keeps it.
    """
    name = tag.name.lower() if tag.name else ""
    if name in _DROP_TAGS:
        return True
    if name == "header" and tag.find_parent(("article", "main")) is None:
        return True
    attrs = tag.attrs
    if not attrs:
        return False
    if "hidden" in attrs:
        return True
    style = attrs.get("style")
    if isinstance(style, str) and _HIDDEN_STYLE.search(style):
        return True
    tokens: list[str] = []
    cls = attrs.get("class")
    if isinstance(cls, str):
        tokens += cls.split()
    elif isinstance(cls, list):
        tokens += [str(c) for c in cls]
    ident = attrs.get("id")
    if isinstance(ident, str):
        tokens.append(ident)
    if any(t.lower() in _HIDDEN_CLASSES for t in tokens):
        return True
    if not any(_is_furniture_name(t) for t in tokens):
        return False
    return sizes is None or sizes(tag) <= _MAX_FURNITURE_SHARE * sizes.page


_SPACE = re.compile(r"\s+")
_MAX_SPAN_COPY_CHARS = 200
"""A merged table cell longer than this is not repeated in the rows it spans."""
_MAX_SPAN_COPIES = 2_000
"""Most merged-cell copies made in one page."""


def _span(cell: Tag, attr: str) -> int:
    value = cell.get(attr)
    try:
        n = int(str(value).strip()) if value is not None else 1
    except ValueError:
        return 1
    return min(max(n, 1), 1000)


def _table_rows(table: Tag) -> list[Tag]:
    """The rows of ``table`` itself (not of tables nested in its cells)."""
    rows: list[Tag] = []
    for child in table.children:
        if not isinstance(child, Tag):
            continue
        if child.name == "tr":
            rows.append(child)
        elif child.name in ("thead", "tbody", "tfoot"):
            rows += [r for r in child.children if isinstance(r, Tag) and r.name == "tr"]
    return rows


def _fill_row_spans(soup: BeautifulSoup) -> None:
    """Repeat a cell that spans rows (``rowspan``) in each row it covers.

    A task table often merges the responsible unit of several tasks into one cell; repeated,
    every row reads as a whole row (``2 / 培育产业集群 / 市经信局 / 市商务局``). Long cells
    are not repeated.
    """
    copies = 0
    for table in soup.find_all("table"):
        if not isinstance(table, Tag):
            continue
        pending: dict[int, tuple[int, str, int]] = {}  # column -> (rows left, text, colspan)
        for row in _table_rows(table):
            cells = [c for c in row.children if isinstance(c, Tag) and c.name in ("td", "th")]
            carried = {col: v for col, v in pending.items() if v[0] > 0}
            pending = {}
            col, idx = 0, 0
            last_col = max(carried, default=-1)
            while idx < len(cells) or col <= last_col:
                if col in carried and copies < _MAX_SPAN_COPIES:
                    left, text, width = carried[col]
                    copy = soup.new_tag("td")
                    copy.string = text
                    if idx < len(cells):
                        cells[idx].insert_before(copy)
                    else:
                        row.append(copy)
                    copies += 1
                    if left > 1:
                        pending[col] = (left - 1, text, width)
                    col += width
                    continue
                if idx >= len(cells):
                    col += 1
                    continue
                cell = cells[idx]
                width = _span(cell, "colspan")
                down = _span(cell, "rowspan")
                if down > 1 and copies < _MAX_SPAN_COPIES:
                    text = _collapse(cell.get_text(" "))
                    if text and len(text) <= _MAX_SPAN_COPY_CHARS:
                        pending[col] = (down - 1, text, width)
                col += width
                idx += 1


def _pieces(root: Tag) -> list[str | _Break]:
    """Text pieces and line breaks of the visible text, in document order (no recursion)."""
    sizes = _Sizes(root)
    out: list[str | _Break] = []
    stack: list[tuple[object, bool]] = [(root, False)]
    pre_depth = 0
    while stack:
        node, closing = stack.pop()
        if isinstance(node, Tag):
            name = node.name.lower() if node.name else ""
            if closing:
                if name in _PRE_TAGS:
                    pre_depth -= 1
                if name in _BLOCK_TAGS:
                    out.append(_BREAK)
                continue
            if node is not root and _is_dropped(node, sizes):
                continue
            if name == "br":
                out.append(_BREAK)
                continue
            if name in _BLOCK_TAGS:
                out.append(_BREAK)
            if name in _PRE_TAGS:
                pre_depth += 1
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
        elif isinstance(node, NavigableString) and not isinstance(node, _SKIPPED_STRINGS):
            text = str(node)
            if pre_depth:
                first = True
                for part in text.split("\n"):
                    if not first:
                        out.append(_BREAK)
                    out.append(part)
                    first = False
            else:
                out.append(text)
    return out


def _collapse(line: str) -> str:
    def repl(m: re.Match[str]) -> str:
        s, e = m.start(), m.end()
        if (
            "\n" in m.group()
            and s > 0
            and e < len(line)
            and _CJK_EDGE.match(line[s - 1])
            and _CJK_EDGE.match(line[e])
        ):
            return ""
        return " "

    return _WS_RUN.sub(repl, line).strip(" ")


def html_text(markup: str) -> str:
    """The visible text of an HTML page, one line per block."""
    try:
        soup = BeautifulSoup(markup, "lxml")
    except Exception:
        soup = BeautifulSoup(markup, "html.parser")
    _fill_row_spans(soup)
    lines: list[str] = []
    current: list[str] = []
    for piece in [*_pieces(soup), _BREAK]:
        if isinstance(piece, _Break):
            if current:
                line = _collapse("".join(current))
                current = []
                if line.strip(" \u3000\u00a0\t"):
                    lines.append(line)
        else:
            current.append(piece)
    return "\n".join(lines) + ("\n" if lines else "")


def read_html(data: bytes, *, path: str | Path | None = None) -> tuple[str, str]:
    """The visible text of an HTML file and the encoding it was decoded with."""
    if len(data) > MAX_HTML_BYTES:
        from ..errors import FileTooLarge

        raise FileTooLarge(f"HTML over the {MAX_HTML_BYTES}-byte limit", path=path)
    markup, encoding = decode_html(data, path=path)
    try:
        text = html_text(markup)
    except RecursionError as exc:
        raise CorruptDocument("HTML nested too deeply to read", path=path) from exc
    return text, encoding
