"""One target's reading (its indicator and where it was read from) and the state a sentence
reader keeps."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .geometry import QRef
from .trim import TimeRanges, _lstrip_lead


@dataclass(init=False)  # its own __init__ (faster)
class Reading:
    """One quantity's indicator, the stretch of text it was read from, and how."""

    q: QRef
    indicator: str
    start: int
    """Start (working copy) of the target's stretch of text."""
    end: int
    ind_start: int | None
    ind_end: int | None
    governed: bool
    """Whether a verb, a limit or a list construction makes the quantity a goal."""
    pre: str = ""
    pre_start: int = 0
    frame: str = ""
    """Subject and verb that a following sibling may share."""
    qual_head: str = ""
    """What comes before the threshold of a qualified count (``营业收入`` in
    ``营业收入超500亿元企业``), for siblings that leave it out."""
    group: int = 0
    """The ``分别`` list the reading belongs to (0: none)."""
    item: str = ""
    """The reading's own item of its ``分别`` list (``乡镇卫生院``), without the head the items
    share or the scope word before the list."""
    counted: str = ""
    """What the items of a list with a verb alone count (``高标准农田`` in ``甲镇、乙镇分别新建
    3万亩、2万亩``), for the lists after it."""

    def __init__(
        self,
        q: QRef,
        indicator: str,
        start: int,
        end: int,
        ind_start: int | None,
        ind_end: int | None,
        governed: bool,
        pre: str = "",
        pre_start: int = 0,
        frame: str = "",
        qual_head: str = "",
        group: int = 0,
        item: str = "",
        counted: str = "",
    ) -> None:
        self.q = q
        self.indicator = indicator
        self.start = start
        self.end = end
        self.ind_start = ind_start
        self.ind_end = ind_end
        self.governed = governed
        self.pre = pre
        self.pre_start = pre_start
        self.frame = frame
        self.qual_head = qual_head
        self.group = group
        self.item = item
        self.counted = counted


class ReaderBase:
    """What every sentence reader keeps: the sentence, its clauses, its time expressions and
    quantities, and the readings made so far."""

    def __init__(
        self,
        norm: str,
        clauses: list[tuple[int, int]],
        times: TimeRanges,
        all_qs: list[QRef],
    ) -> None:
        self.norm = norm
        self.clauses = clauses
        self.times = times
        self.all_qs = all_qs  # in document order
        self._q_starts = [x.start for x in all_qs]
        self._starts = frozenset(self._q_starts)
        self.readings: list[Reading] = []
        self._lead_end: dict[int, int] = {}
        self._groups = 0
        self._thing = ""
        """What the last list read by :meth:`_counted_before` counts."""
        self._limit_subject: tuple[int, str] | None = None
        """Clause and subject of the last time limit for a procedure read."""

    def _past_lead(self, pos: int) -> int:
        """:func:`_lstrip_lead` at ``pos``, kept (a clause's first value starts where its
        body does, so the same offset is asked twice)."""
        end = self._lead_end.get(pos)
        if end is None:
            end = self._lead_end[pos] = _lstrip_lead(self.norm, pos, self.times)
            self._lead_end[end] = end  # nothing is left to skip where it stops
        return end

    def _between(self, after: int, before: int) -> list[QRef]:
        """The quantities of the sentence that start after ``after`` and before ``before``."""
        return self.all_qs[
            bisect_right(self._q_starts, after) : bisect_left(self._q_starts, before)
        ]
