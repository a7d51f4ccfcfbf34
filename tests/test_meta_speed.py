"""The meta stage's cheap first tests agree with the full readings they stand before."""

from __future__ import annotations

import random

import pytest

from policyparse import meta
from policyparse.meta import _OVER_20, _squash, read_meta
from policyparse.normalize import normalize
from policyparse.structure import build_outline

LINES = [
    "",
    "2024年3月5日",
    "二〇二四年三月五日",
    " 2 0 2 4 年 3 月 5 日 ",
    "江州市人民政府办公室　　2024年3月5日",
    "a" * 20,
    "a" * 21,
    " a" * 20 + " ",
    " a" * 21,
    "\t\n\f\v\r\u3000\u00a0\u2002" * 5 + "b" * 20,
    "江州" * 200,
    " " * 500 + "江" * 20 + " " * 500,
]


@pytest.mark.parametrize("line", LINES)
def test_over_20_is_a_squashed_length_over_20(line: str) -> None:
    assert (_OVER_20.match(line) is not None) == (len(_squash(line)) > 20)


def test_over_20_on_random_mixes() -> None:
    rng = random.Random(7)
    alphabet = ["年", "2", " ", "\t", "\u3000", "\u00a0", "\u2028", "\x1c", "\x85", "，", "a"]
    for _ in range(3000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randrange(45)))
        assert (_OVER_20.match(line) is not None) == (len(_squash(line)) > 20), repr(line)


def _plain_date_in(line: str) -> str | None:
    """``meta._date_in`` without its cheap first test."""
    for pat in (meta._ISO_DATE, meta._CN_DATE):
        for m in pat.finditer(line):
            y, mo, d = (int(g) for g in m.groups())
            found = meta._valid(y, mo, d)
            if found:
                return found
    hm = meta._HAN_DATE.search(line)
    if hm:
        return meta._valid(
            meta._han_number(hm[1]), meta._han_number(hm[2]), meta._han_number(hm[3])
        )
    return None


DATES = [
    "2024年3月5日",
    "发布日期：2024-03-05",
    "2024/3/5 10:00",
    "2024.03.05",
    "二〇二四年三月五日",
    "2024年13月5日",
    "江州市人民政府办公室",
    "20240305",
    "",
]


@pytest.mark.parametrize("line", DATES)
def test_date_in_equals_the_plain_reading(line: str) -> None:
    assert meta._date_in(line) == _plain_date_in(line)


def test_date_in_on_random_mixes() -> None:
    rng = random.Random(11)
    alphabet = [*"2024年3月5日-/.〇二十一 ：发布", "12"]
    for _ in range(3000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randrange(30)))
        assert meta._date_in(line) == _plain_date_in(line), line


def test_meta_of_documents_with_and_without_dates() -> None:
    plain = "关于加强物业管理的意见\n为规范物业管理，提出如下意见。\n一、主要措施\n建立制度。\n"
    work = normalize(plain)
    assert read_meta(work, build_outline(work)).date is None
    signed = plain + "\n江州市人民政府办公室\n2024年3月5日\n"
    work = normalize(signed)
    found = read_meta(work, build_outline(work))
    assert (found.issuer, found.date) == ("江州市人民政府办公室", "2024-03-05")
    labelled = "发布时间：2023-07-01\n" + plain
    work = normalize(labelled)
    assert read_meta(work, build_outline(work)).date == "2023-07-01"
