"""The role hint read off the words found once gives what a search of each range gives.

``sentences._holds_hint`` answers ``role_hint.search(norm, a, b) is not None`` from the starts
and ends that ``sentences._hint_starts`` found over a range holding ``norm[a:b]``; it is checked
against the search on every range of varied text, words cut at either end among them.
"""

from __future__ import annotations

from policyparse.extract.responsibility import sentences
from policyparse.extract.responsibility.rules import compiled
from policyparse.patternhints import required_strings

TEXTS = [
    "开展试点。市商务局牵头，市财政局、市经信局配合。推动落实。由区政府负责，不再列出。",
    "县公安局负主责，各乡镇具体实施。总牵头：市政府。A局按职责分工负责，D局做好保障工作。",
    "牵头负责落实牵头负总责协助配合支持，职能职责分工。",
    "",
    "牵",
]


def test_holds_hint_equals_the_search() -> None:
    hint = compiled().role_hint
    words = required_strings(compiled().role_word.pattern)
    assert words
    texts = [*TEXTS, "".join(sorted(words, key=len, reverse=True))]
    for norm in texts:
        n = len(norm)
        for lo, hi in ((0, n), (1, max(1, n - 1))):
            lo, hi = min(lo, n), min(hi, n)
            ends: list[int] = []
            starts = sentences._hint_starts(norm, lo, hi, ends)
            assert starts is not None and len(ends) == len(starts)
            assert starts == sentences._hint_starts(norm, lo, hi)
            for a in range(lo, hi + 1):
                for b in range(a, hi + 1):
                    want = hint.search(norm, a, b) is not None
                    assert sentences._holds_hint(norm, starts, ends, a, b) == want, (norm, a, b)
                    assert sentences._holds_hint(norm, None, [], a, b) == want


def test_subject_only_where_its_words_are() -> None:
    subject = compiled().task_subject
    texts = [*TEXTS, "评估验收工作由市发改委负责", "此项任务由A牵头", "各项事项均需由县政府落实"]
    found = 0
    for norm in texts:
        for a in range(len(norm) + 1):
            for b in range(a, len(norm) + 1):
                if subject.match(norm, a, b) is not None:
                    found += 1
                    assert sentences._may_hold_subject(norm, a, b), (norm, a, b)
    assert found
