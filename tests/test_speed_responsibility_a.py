"""The role-sentence scan tried only near role words gives what the plain scan gives.

``sentences._hint_starts`` lists where a match of ``role_hint`` starts; a candidate sentence or
clause in which none starts is left out, and the clauses between commas are looked for only
before such a start (``sentences._windows``). Each is checked against the plain scan it
replaces, on the corpus and on varied text written here.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from policyparse.extract.responsibility import sentences
from policyparse.extract.responsibility.compacted import OPENERS, SPACES, Block, compact
from policyparse.extract.responsibility.rules import compiled
from policyparse.normalize import WorkingText, normalize
from policyparse.patternhints import required_strings

CORPUS = sorted((Path(__file__).resolve().parent.parent / "corpus").glob("*.txt"))

VARIED = [
    "开展试点。市商务局牵头，市财政局、市经信局配合。推动落实。由区政府负责，不再列出。\n",
    "完善机制，由市教育局会同市财政局负责。加强监管，县住建局负责；县城管局配合；\n",
    "推进建设。评估验收工作由市发改委负责。总牵头：市政府。县公安局负主责，各乡镇具体实施。\n",
    "加强宣传。市委宣传部牵头,市文旅局、\n市广电局配合\n实施。\n落实责任。市卫健委\n牵头负责。\n",
    "建立台账。A局为牵头单位，B局为配合单位。C局按职责分工负责，D局做好保障工作。\n"
    "统筹推进。——市发改委牵头，市财政局配合\n   各地落实。 \t县商务局  牵头。\n",
    "牵头" * 40 + "。" + "负责，" * 30 + "。\n。牵头\n，牵\n头。配合；协调。职能职责。\n",
    "其他工作。" + "市" * 70 + "局牵头。" + "，" + "县" * 59 + "局负责；\n",
    "",
    "。;\n",
    "牵头",
]


def _works() -> list[WorkingText]:
    return [normalize(p.read_text(encoding="utf-8")) for p in CORPUS] + [
        normalize(t) for t in VARIED
    ]


WORKS = _works()


def _bounds(n: int) -> list[tuple[int, int]]:
    cuts = [(0, n), (1, n), (3, max(3, n - 2)), (0, min(n, 40)), (n // 3, 2 * n // 3)]
    return [(min(lo, n), max(min(lo, n), min(hi, n))) for lo, hi in cuts]


def _plain_role_sentence_blocks(work: WorkingText, lo: int, hi: int) -> list[Block]:
    """``role_sentence_blocks`` as it was: every candidate read, each searched for a role word."""
    norm = work.norm
    rules = compiled()
    out: list[Block] = []
    for a, b, after_stop in sentences._sentences_after_stops(norm, lo, hi):
        if rules.role_hint.search(norm, a, b) is None:
            continue
        while a < b and norm[a] in SPACES:
            a += 1
        while b > a and norm[b - 1] in SPACES:
            b -= 1
        subject = rules.task_subject.match(norm, a, b)
        if subject is not None:
            a = subject.end()
        if b - a < 4 or norm[a] in OPENERS or rules.role_hint.search(norm, a, b) is None:
            continue
        words = list(rules.role_word.finditer(norm, a, b))
        if not words:
            continue
        for e in [b, *sentences._role_cuts(norm, b, words)]:
            content = compact(norm, a, e)
            if content.s:
                out.append(Block(a, e, content, "role_sentence", True, False, after_stop))
    return out


def test_role_sentence_blocks_equal_the_plain_scan() -> None:
    found = 0
    for work in WORKS:
        for lo, hi in _bounds(len(work.norm)):
            want = _plain_role_sentence_blocks(work, lo, hi)
            assert sentences.role_sentence_blocks(work, lo, hi) == want
            found += len(want)
    assert found


def test_hint_starts_are_every_start_of_a_hint_word() -> None:
    words = required_strings(compiled().role_word.pattern)
    assert words and "" not in words
    for work in WORKS:
        norm = work.norm
        for lo, hi in _bounds(len(norm)):
            want = [p for p in range(lo, hi) if any(norm.startswith(w, p, hi) for w in words)]
            assert sentences._hint_starts(norm, lo, hi) == want


def test_candidates_without_a_hint_start_hold_no_role_word() -> None:
    hint = compiled().role_hint
    for work in WORKS:
        norm = work.norm
        for lo, hi in _bounds(len(norm)):
            starts = sentences._hint_starts(norm, max(lo - 1, 0), hi)
            assert starts is not None
            every = sentences._sentences_after_stops(norm, lo, hi)
            kept = sentences._sentences_after_stops(norm, lo, hi, starts)
            assert kept == [c for c in every if sentences._hint_within(starts, c[0], c[1])]
            for a, b, _ in every:
                if not sentences._hint_within(starts, a, b):
                    assert hint.search(norm, a, b) is None
            clauses = sentences._unit_clauses(norm, lo, hi)
            near = [c for c in clauses if sentences._hint_within(starts, c[0], c[1])]
            assert sentences._unit_clauses(norm, lo, hi, starts) == near


def test_windows_hold_the_offsets_before_each_start() -> None:
    for starts in ([], [0], [5], [3, 4, 30, 31, 95], [10, 100, 101, 250], list(range(0, 90, 7))):
        for lo in (0, 4, 40):
            for reach in (1, 3, 60):
                windows = sentences._windows(starts, lo, reach)
                covered = [p for a, b in windows for p in range(a, b)]
                want = [p for p in range(lo, 300) if any(0 < s - p <= reach for s in starts)]
                assert covered == want
                assert all(a < b for a, b in windows)
                assert all(x[1] < y[0] for x, y in pairwise(windows))
