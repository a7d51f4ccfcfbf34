"""What every match of a pattern holds or starts near: cheap tests before a pattern's search.

:func:`required_chars` reads the plain subset of regular expressions the rule data writes
(literals, groups, alternations, quantifiers, classes, escapes and lookarounds) and gives a set
of characters of which every match holds at least one, or None when it cannot tell (a global
inline flag, a conditional, or a branch with no character it must hold). A scoped
case-insensitive group, ``(?i:…)``, may hold ASCII letters only. Text without any of them
holds no match. :func:`required_strings` does the same with strings (literals in a row), a
stronger test. :func:`gated` compiles a pattern behind such a test. :func:`anchored_matches`
scans for a pattern only near the words its matches start with. :func:`literal_trie` writes
an alternation of words as a trie, which ``re`` scans for faster. :func:`first_chars` reads
the characters a match can start with, :func:`loose_gate` writes a looser ``re`` copy of a
pattern that tries a match faster, and :func:`first_char_matches` scans with both.
"""

from __future__ import annotations

import re
import sys
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

import regex

from . import patterncache, runcache
from .patterncache import KEEP_GIL

_SPECIAL: Final = "()[]{}|?*+\\.^$"
_ESCAPE_BRACES: Final = "pPN"
_ESCAPE_HEX: Final = {"x": 2, "u": 4, "U": 8}


class _Unsupported(Exception):
    """The pattern uses syntax this reader does not know."""


Chars = frozenset[str] | None
"""Characters one of which every match holds (None: no such set known)."""


_FOLDED: Final = {"i": "\u0130", "k": "\u212a", "s": "\u017f"}
"""Characters beside the two cases that a case-insensitive ASCII letter matches."""


def _folded(c: str) -> frozenset[str]:
    """What ``c`` matches inside ``(?i:…)``."""
    if not c.isascii():
        raise _Unsupported("case folding beyond ASCII")
    low = c.lower()
    return frozenset((c, low, c.upper(), *_FOLDED.get(low, "")))


@dataclass
class _Reader:
    p: str
    i: int = 0
    fold: int = 0
    """How many ``(?i:…)`` groups are open."""

    def peek(self) -> str:
        return self.p[self.i : self.i + 1]

    def alternation(self) -> Chars:
        branches = [self.branch()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.branch())
        if any(b is None for b in branches):
            return None
        return frozenset().union(*[b for b in branches if b is not None])

    def branch(self) -> Chars:
        best: Chars = None
        while self.peek() not in ("", "|", ")"):
            chars = self.atom()
            least = self.quantifier()
            if least > 0 and chars is not None and (best is None or len(chars) < len(best)):
                best = chars
        return best

    def atom(self) -> Chars:
        c = self.peek()
        self.i += 1
        if c == "(":
            return self.group()
        if c == "[":
            self.skip_class()
            return None
        if c == "\\":
            self.skip_escape()
            return None
        if c in ".^$":
            return None
        if c in _SPECIAL:
            raise _Unsupported(c)
        return _folded(c) if self.fold else frozenset(c)

    def group(self) -> Chars:
        fold, zero_width = self.open_group()
        chars = self.alternation()
        self.close_group(fold)
        return None if zero_width else chars

    def open_group(self) -> tuple[bool, bool]:
        """Read past a group's opening syntax (its ``(`` read already): whether it is a
        scoped case-insensitive group, and whether it is a lookaround."""
        if self.p.startswith("?i:", self.i):
            self.i += 3
            self.fold += 1
            return True, False
        return False, self.group_start()

    def close_group(self, fold: bool) -> None:
        """Read a group's ``)``, leaving its scoped flag."""
        if self.peek() != ")":
            raise _Unsupported("unclosed group")
        self.i += 1
        self.fold -= fold

    def group_start(self) -> bool:
        """Read past a group's opening syntax; whether the group is a lookaround."""
        zero_width = False
        if self.p.startswith("?", self.i):
            rest = self.p[self.i + 1 :]
            if rest.startswith((":", ">")):
                self.i += 2
            elif rest.startswith(("=", "!")):
                self.i += 2
                zero_width = True
            elif rest.startswith(("<=", "<!")):
                self.i += 3
                zero_width = True
            elif rest.startswith("P<"):
                end = self.p.index(">", self.i)
                self.i = end + 1
            else:
                raise _Unsupported(rest[:2])
        return zero_width

    def skip_class(self) -> None:
        if self.peek() == "^":
            self.i += 1
        if self.peek() == "]":
            self.i += 1
        while self.peek() != "]":
            if self.peek() == "":
                raise _Unsupported("unclosed class")
            if self.peek() == "[":
                raise _Unsupported("nested class")
            if self.peek() == "\\":
                self.i += 1
                self.skip_escape()
            else:
                self.i += 1
        self.i += 1

    def skip_escape(self) -> None:
        c = self.peek()
        if c == "":
            raise _Unsupported("trailing backslash")
        self.i += 1
        if c in _ESCAPE_BRACES and self.peek() == "{":
            self.i = self.p.index("}", self.i) + 1
        elif c in _ESCAPE_HEX:
            if self.peek() == "{":
                self.i = self.p.index("}", self.i) + 1
            else:
                self.i += _ESCAPE_HEX[c]

    def quantifier(self) -> int:
        """The least count of the quantifier after an atom (1 without one)."""
        c = self.peek()
        if c in ("?", "*"):
            least = 0
            self.i += 1
        elif c == "+":
            least = 1
            self.i += 1
        elif c == "{":
            end = self.p.find("}", self.i)
            body = self.p[self.i + 1 : end] if end > 0 else ""
            parts = body.split(",")
            if len(parts) > 2 or not all(x.isdigit() or x == "" for x in parts) or not body:
                raise _Unsupported("brace")
            least = int(parts[0]) if parts[0] else 0
            self.i = end + 1
        else:
            return 1
        if self.peek() in ("?", "+"):
            self.i += 1  # lazy or possessive
        if self.peek() in ("?", "*", "+", "{"):
            raise _Unsupported("repeated quantifier")
        return least


_MAX_STRINGS: Final = 64
"""Most strings a run of literals may stand for (``为(?:配合|参与)(?:单位|部门)``: 4)."""

Strings = frozenset[str] | None
Reading = tuple[Strings, Strings]
"""Strings one of which every match holds, and the exact strings it matches (None: unknown)."""


def _better(x: frozenset[str], y: Strings) -> bool:
    """Whether ``x`` is a stronger test than ``y``: longer strings, then fewer of them."""
    return y is None or (min(map(len, x)), -len(x)) > (min(map(len, y)), -len(y))


def _union(sets: list[Strings]) -> Strings:
    """All the strings of ``sets`` (None when one of them is unknown)."""
    out: set[str] = set()
    for x in sets:
        if x is None:
            return None
        out |= x
    return frozenset(out)


def _joined(a: frozenset[str], b: frozenset[str]) -> Strings:
    if len(a) * len(b) > _MAX_STRINGS:
        return None
    return frozenset(x + y for x in a for y in b)


class _StringReader(_Reader):
    """Reads strings instead of characters: atoms that match fixed strings, once and in a row,
    make one string (``为(?:配合|参与)单位`` → ``为配合单位``, ``为参与单位``)."""

    def strings(self) -> Reading:
        branches = [self.string_branch()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.string_branch())
        return _union([n for n, _ in branches]), _union([e for _, e in branches])

    def string_branch(self) -> Reading:
        best: Strings = None
        run: frozenset[str] = frozenset([""])  # what the atoms read once, in a row, match
        whole = True  # whether ``run`` is still all of the branch
        while self.peek() not in ("", "|", ")"):
            needs, exact = self.string_atom()
            at = self.i
            least = self.quantifier()
            if least > 0 and needs is not None and min(map(len, needs)) > 0:
                best = needs if _better(needs, best) else best
            if self.i > at or exact is None:
                run, whole = frozenset([""]), False  # a quantifier or an unknown atom
                continue
            joined = _joined(run, exact)
            if joined is None:
                joined, whole = exact, False  # too many strings: start again from this atom
            run = joined
            if min(map(len, run)) > 0 and _better(run, best):
                best = run
        return best, run if whole else None

    def string_atom(self) -> Reading:
        c = self.peek()
        self.i += 1
        if c == "(":
            return self.string_group()
        if c == "[":
            self.skip_class()
            return None, None
        if c == "\\":
            self.skip_escape()
            return None, None
        if c in ".^$":
            return None, None
        if c in _SPECIAL:
            raise _Unsupported(c)
        return frozenset(c), frozenset(c)

    def string_group(self) -> Reading:
        zero_width = self.group_start()
        reading = self.strings()
        if self.peek() != ")":
            raise _Unsupported("unclosed group")
        self.i += 1
        return (None, None) if zero_width else reading


def _set_or_none(value: object) -> bool:
    return value is None or (
        isinstance(value, frozenset) and all(isinstance(v, str) for v in value)
    )


@runcache.kept("required-strings", _set_or_none)
def required_strings(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` holds, if the pattern tells.

    Like :func:`required_chars`, but literals and alternations of them written in a row make
    strings (``为牵头(?:单位|部门)`` → ``为牵头单位``, ``为牵头部门``): a stronger test, as text
    holds fewer of them. Longer strings are preferred, then fewer of them.
    """
    reader = _StringReader(pattern)
    try:
        strings, _ = reader.strings()
    except (_Unsupported, ValueError):
        return None
    if reader.i != len(pattern):
        return None
    return strings


@runcache.kept("required-chars", _set_or_none)
def required_chars(pattern: str) -> frozenset[str] | None:
    """Characters one of which every match of ``pattern`` holds, if the pattern tells.

    ``pattern`` must be compiled without flags; a pattern with syntax outside the plain
    subset, or one that may match without any known character, gives None.
    """
    reader = _Reader(pattern)
    try:
        chars = reader.alternation()
    except (_Unsupported, ValueError):
        return None
    if reader.i != len(pattern):
        return None  # an unbalanced ")"
    return chars


First = tuple[frozenset[str] | None, bool]
"""The characters a match can start with (None: unknown), and whether it may be empty."""

_ZERO_WIDTH_ESCAPES: Final = "bBAZ"
_MAX_CLASS_RANGE: Final = 512
"""Widest range of a class whose characters :func:`first_chars` lists."""


class _FirstReader(_Reader):
    """Reads the characters a match can start with: those of the atoms up to the first one
    that must match a character, across every alternative."""

    def firsts(self) -> First:
        branches = [self.first_branch()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.first_branch())
        nullable = any(n for _, n in branches)
        if any(f is None for f, _ in branches):
            return None, nullable
        return frozenset().union(*[f for f, _ in branches if f is not None]), nullable

    def first_branch(self) -> First:
        chars: set[str] | None = set()
        open_ = True  # every atom so far may match the empty string
        while self.peek() not in ("", "|", ")"):
            f, nullable = self.first_atom()
            least = self.quantifier()
            if not open_:
                continue
            if f is None:
                chars = None
            elif chars is not None:
                chars |= f
            open_ = nullable or least == 0
        return (None if chars is None else frozenset(chars)), open_

    def first_atom(self) -> First:
        c = self.peek()
        self.i += 1
        if c == "(":
            return self.first_group()
        if c == "[":
            return self.class_chars(), False
        if c == "\\":
            e = self.peek()
            self.skip_escape()
            if e in _ZERO_WIDTH_ESCAPES:
                return frozenset(), True
            if e and not e.isalnum():
                return frozenset(e), False
            return None, False
        if c in "^$":
            return frozenset(), True
        if c == "." or c in _SPECIAL:
            raise _Unsupported(c)
        return (_folded(c) if self.fold else frozenset(c)), False

    def class_chars(self) -> frozenset[str] | None:
        """The characters of a plain class (literals and short ranges; read past its ``[``),
        or None for a negated class, a class escape or a case-folded one."""
        start = self.i
        chars: set[str] = set()
        k = start
        if self.p.startswith("]", k):
            chars.add("]")
            k += 1
        plain = not self.p.startswith("^", start) and not self.fold
        while plain and k < len(self.p) and self.p[k] != "]":
            c = self.p[k]
            if c == "\\":
                e = self.p[k + 1 : k + 2]
                if not e or e.isalnum():
                    plain = False
                    break
                c, k = e, k + 2
            elif c == "[":
                plain = False
                break
            else:
                k += 1
            if self.p.startswith("-", k) and k + 1 < len(self.p) and self.p[k + 1] not in "]\\[":
                last = self.p[k + 1]
                if ord(last) - ord(c) > _MAX_CLASS_RANGE or last < c:
                    plain = False
                    break
                chars.update(chr(x) for x in range(ord(c), ord(last) + 1))
                k += 2
            else:
                chars.add(c)
        self.skip_class()
        return frozenset(chars) if plain else None

    def first_group(self) -> First:
        fold, zero_width = self.open_group()
        reading = self.firsts()
        self.close_group(fold)
        return (frozenset(), True) if zero_width else reading


@runcache.kept("first-chars", _set_or_none)
def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters every match of ``pattern`` starts with, if the pattern tells.

    None when a match may be empty (it may start anywhere), when an atom that can open a
    match is a class, an escape class or ``.``, or when the syntax is outside the plain subset
    of :func:`required_chars` (``pattern`` compiled without flags).
    """
    reader = _FirstReader(pattern)
    try:
        chars, nullable = reader.firsts()
    except (_Unsupported, ValueError):
        return None
    if reader.i != len(pattern) or nullable:
        return None
    return chars


def first_char_matches(
    pattern: regex.Pattern[str],
    firsts: re.Pattern[str],
    text: str,
    lo: int,
    hi: int,
    gate: re.Pattern[str] | None = None,
) -> list[regex.Match[str]]:
    """``pattern.finditer(text, lo, hi)``, for a pattern that never matches the empty string
    and whose matches start with a character ``firsts`` (one character class) finds: the
    pattern is tried only at those characters, and only where ``gate`` (a pattern that
    matches wherever ``pattern`` does, :func:`loose_gate`) matches too."""
    out: list[regex.Match[str]] = []
    c = firsts.search(text, lo, hi)
    while c is not None:
        p = c.start()
        if gate is None or gate.match(text, p, hi) is not None:
            m = pattern.match(text, p, hi, KEEP_GIL)
            if m is not None:
                out.append(m)
                p = m.end() - 1
        c = firsts.search(text, p + 1, hi)
    return out


_LOOSE_ESCAPES: Final = frozenset("pPsSwWdD")
"""Escapes of character classes, each read as any character by :func:`loose_gate`."""
_SAME_ESCAPES: Final = frozenset("ntrfvxuU")
"""Escapes of single characters that ``re`` and ``regex`` read alike."""
_PLAIN_GROUPS: Final = (":", "=", "!", "<=", "<!")


def loose_gate(pattern: str) -> re.Pattern[str] | None:
    """A ``re`` pattern that matches wherever ``pattern`` (``regex``, no flags) matches: the
    same pattern with every class escape (``\\p{Han}``, ``\\d``, …) read as any character,
    and its groups as non-capturing ones.

    The standard engine tries a match at one offset several times faster than ``regex``, so
    it makes a cheap test before the real match. None when the pattern holds what the two
    engines may read differently: such an escape inside a class, an atomic group or a
    possessive quantifier, an inline flag, a back-reference, an escape other than single
    characters, or syntax ``re`` does not compile.
    """
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            e = pattern[i + 1 : i + 2]
            if e in _LOOSE_ESCAPES:
                if in_class:
                    return None
                i += 2
                if e in "pP":
                    close = pattern.find("}", i)
                    if pattern[i : i + 1] != "{" or close < 0:
                        return None
                    i = close + 1
                out.append(".")
                continue
            if e.isalnum() and e not in _SAME_ESCAPES:
                return None
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] in ("[", "]"):
                return None  # a nested set, or a class that opens with its own bracket
        elif c == "(" and pattern.startswith("?P<", i + 1):
            close = pattern.find(">", i)
            if close < 0:
                return None
            out.append("(?:")  # a gate needs no groups: sre tries a match faster without
            i = close + 1
            continue
        elif c == "(" and pattern.startswith("?", i + 1):
            if not pattern.startswith(_PLAIN_GROUPS, i + 2):
                return None
        elif c == "(":
            out.append("(?:")
            i += 1
            continue
        elif c in "+*?}" and pattern[i + 1 : i + 2] == "+":
            return None
        out.append(c)
        i += 1
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            return patterncache.compile_re("".join(out), re.DOTALL)
    except (re.error, Warning, ValueError):
        return None


def first_char_class(pattern: str) -> re.Pattern[str] | None:
    """A class of :func:`first_chars` of ``pattern`` (compiled by ``re``), or None."""
    chars = first_chars(pattern)
    if not chars:
        return None
    return patterncache.compile_re("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


LABEL_LEAD: Final = 2
"""Most characters a match of the unit label pattern holds before its label text (``**``,
``【``)."""


def anchored_matches(
    pattern: regex.Pattern[str],
    anchors: re.Pattern[str],
    text: str,
    lo: int,
    hi: int,
    lead: int = 0,
    firsts: frozenset[str] | None = None,
) -> list[regex.Match[str]]:
    """``pattern.finditer(text, lo, hi)``, for a pattern every match of which starts at most
    ``lead`` characters before a place where one of the words ``anchors`` finds starts.

    ``anchors`` finds its words without overlap, leftmost first, so every place where one of
    them starts lies in a word it finds: the pattern is tried only from ``lead`` characters
    before each found word to its end, and only where the character is one of ``firsts``
    (the characters a match can start with), when they are known.
    """
    out: list[regex.Match[str]] = []
    nxt = lo  # the first offset not tried yet (and not inside a match)
    for w in anchors.finditer(text, lo, hi):
        for p in range(max(nxt, w.start() - lead), w.end()):
            if p < nxt or (firsts is not None and text[p] not in firsts):
                continue
            m = pattern.match(text, p, hi, KEEP_GIL)
            nxt = p + 1
            if m is not None:
                out.append(m)
                nxt = max(m.end(), nxt)
    return out


def top_alternatives(pattern: str) -> list[str]:
    """The top-level ``|`` alternatives of a pattern (outside groups and classes)."""
    parts: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def literal_trie(words: Iterable[str]) -> str:
    """A pattern (``re`` or ``regex``) of the non-empty ``words`` as literals, matching at an
    offset what their longest-first alternation matches there: the longest of them that starts
    there (no words: a pattern that never matches).

    It is written as a trie, one branch per first character (``上年|上年度|上半年`` →
    ``上(?:半年|年(?:度)?)``), so a scan tries one branch where a plain alternation tries
    every word; at each node the branches start with different characters, and a word
    continued by a longer one is its optional tail, tried first.
    """
    by_first: dict[str, list[str]] = {}
    for w in sorted(set(words)):
        if w:
            by_first.setdefault(w[0], []).append(w[1:])
    branches: list[str] = []
    for c, rests in by_first.items():
        longer = [x for x in rests if x]
        if not longer:
            branches.append(re.escape(c))
            continue
        optional = "?" if len(longer) < len(rests) else ""
        branches.append(f"{re.escape(c)}(?:{literal_trie(longer)}){optional}")
    return "|".join(branches) or "(?!)"


_END: Final = sys.maxsize


class Gated:
    """A compiled pattern searched only in text that holds one of the strings every match of
    it needs: a cheap ``re`` search for those strings first, then the pattern itself.

    ``search`` and ``sub`` give what the pattern's own give. The strings lie inside the match
    (lookarounds add none), so text between ``pos`` and ``endpos`` without any of them holds no
    match. The test pays where most texts searched are short and hold none of the strings (a
    clause, a line).
    """

    __slots__ = ("gate", "pattern")

    def __init__(self, pattern: regex.Pattern[str], gate: re.Pattern[str] | None) -> None:
        self.pattern = pattern
        self.gate = gate

    def search(self, text: str, pos: int = 0, endpos: int = _END) -> regex.Match[str] | None:
        if self.gate is not None and self.gate.search(text, pos, endpos) is None:
            return None
        return self.pattern.search(text, pos, endpos, KEEP_GIL)

    def sub(self, repl: str, text: str) -> str:
        """``text`` with every match replaced by ``repl`` (what the pattern's ``sub`` gives)."""
        if self.gate is not None and self.gate.search(text) is None:
            return text
        return self.pattern.sub(repl, text, 0, None, None, KEEP_GIL)


def alternation(words: Iterable[str]) -> str:
    """An alternation of the literal ``words``, longest first (then in code-point order, so
    that the pattern is the same in every process)."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


class EndWords:
    """The pattern ``(?:w1|w2|…)$`` (with ``repeat``, ``(?:w1|w2|…)+$``) of a word list,
    whose search is skipped when neither of the text's last two characters can end a word
    (``$`` also matches before a final line break)."""

    __slots__ = ("finals", "pattern")

    def __init__(self, words: list[str], repeat: bool = False) -> None:
        self.pattern = patterncache.compile(rf"(?:{alternation(words)}){'+' if repeat else ''}$")
        # a match ends with a word's last character, at the end or before a final break;
        # None: an empty list or an empty word, whose alternation matches everywhere
        self.finals = frozenset(w[-1] for w in words) if words and all(words) else None

    def _may_end(self, text: str) -> bool:
        f = self.finals
        return f is None or text[-1:] in f or text[-2:-1] in f

    def search(self, text: str) -> regex.Match[str] | None:
        """``pattern.search(text)``."""
        return self.pattern.search(text, 0, _END, KEEP_GIL) if self._may_end(text) else None

    def sub(self, repl: str, text: str) -> str:
        """``pattern.sub(repl, text)``."""
        if not self._may_end(text):
            return text
        return self.pattern.sub(repl, text, 0, None, None, KEEP_GIL)


def gated(pattern: str) -> Gated:
    """``pattern`` compiled (``regex``, no flags) with a gate: the strings one of which every
    match holds, read from each top-level alternative (:func:`required_strings`, else the
    characters of :func:`required_chars`); no gate when an alternative does not tell."""
    needs: set[str] = set()
    for branch in top_alternatives(pattern):
        found = required_strings(branch) or required_chars(branch)
        if not found or "" in found:
            return Gated(patterncache.compile(pattern), None)
        needs |= found
    gate = patterncache.compile_re(literal_trie(needs))
    return Gated(patterncache.compile(pattern), gate)
