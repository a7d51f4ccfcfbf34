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
# class or id tokens that name site furniture, not the document
_FURNITURE = _words(
    "nav navbar navigation menu mainmenu topmenu submenu breadcrumb breadcrumbs crumb"
    " crumbs footer foot sidebar topbar toolbar share sharebar copyright friendlink"
    " friendlinks hidden hide d-none sr-only visually-hidden invisible"
)
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


def _is_dropped(tag: Tag) -> bool:
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
    return any(t.lower() in _FURNITURE for t in tokens)


def _pieces(root: Tag) -> list[str | _Break]:
    """Text pieces and line breaks of the visible text, in document order (no recursion)."""
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
            if node is not root and _is_dropped(node):
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
