"""Characters that every match of a pattern holds: a cheap test before the pattern's search.

:func:`required_chars` reads the plain subset of regular expressions the rule data writes
(literals, groups, alternations, quantifiers, classes, escapes and lookarounds) and gives a set
of characters of which every match holds at least one, or None when it cannot tell (an inline
flag, a conditional, or a branch with no character it must hold). Text without any of them
holds no match.
"""

from __future__ import annotations

from dataclasses import dataclass

_SPECIAL = "()[]{}|?*+\\.^$"
_ESCAPE_BRACES = "pPN"
_ESCAPE_HEX = {"x": 2, "u": 4, "U": 8}


class _Unsupported(Exception):
    """The pattern uses syntax this reader does not know."""


Chars = frozenset[str] | None
"""Characters one of which every match holds (None: no such set known)."""


@dataclass
class _Reader:
    p: str
    i: int = 0

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
        return frozenset(c)

    def group(self) -> Chars:
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
        chars = self.alternation()
        if self.peek() != ")":
            raise _Unsupported("unclosed group")
        self.i += 1
        return None if zero_width else chars

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
