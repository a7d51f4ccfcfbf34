"""Unit tests of ``policyparse.numerals``."""

from __future__ import annotations

import pytest
import regex

from policyparse.numerals import NUMBER_PATTERN, NUMBER_RE, parse_number

CASES: list[tuple[str, float | None]] = [
    ("12", 12),
    ("5.5", 5.5),
    ("0.5", 0.5),
    ("1,234", 1234),
    ("1,234,567.8", 1234567.8),
    ("１２", 12),
    ("２０２５", 2025),
    ("十", 10),
    ("十五", 15),
    ("二十二", 22),
    ("一百五十", 150),
    ("一百零五", 105),
    ("一千零一十", 1010),
    ("一百五", 150),
    ("三千五", 3500),
    ("两", 2),
    ("两千", 2000),
    ("〇", 0),
    ("零", 0),
    ("两亿", 200_000_000),
    ("两亿三千万", 230_000_000),
    ("二万五千", 25000),
    ("二万五", 25000),
    ("二万零五", 20005),
    ("三十万", 300_000),
    ("十万", 100_000),
    ("一万亿", 1e12),
    ("三点五", 3.5),
    ("二〇二五", 2025),
    ("二零二一", 2021),
    ("1.5万", 15000),
    ("2150.71亿", 215_071_000_000),
    ("3千万", 30_000_000),
    ("百亿", 1e10),
    ("千亿", 1e11),
    ("壹佰贰拾", 120),
    ("-3", -3),
    ("负五", -5),
    ("", None),
    ("万", None),
    ("亿万", None),
    ("一百十", None),
    ("十百", None),
    ("12.", None),
    ("1,23", None),
    ("abc", None),
    ("两二", None),
    ("五个", None),
    ("一点", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_parse_number(text: str, expected: float | None) -> None:
    assert parse_number(text) == expected


def test_parse_number_strips_space() -> None:
    assert parse_number(" 20 ") == 20


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("到2025年超百亿企业5家", ["2025", "百亿", "5"]),
        ("产值2150.71亿元，1.5万人", ["2150.71亿", "1.5万"]),
        ("三年内建成一百五十个", ["三", "一百五十"]),
        ("共1,200家", ["1,200"]),
    ],
)
def test_number_re_finds_numbers(text: str, found: list[str]) -> None:
    assert NUMBER_RE.findall(text) == found


def test_number_re_matches_are_parseable() -> None:
    text = "达到4000亿元、20%、二万五千个、十个、两亿人次、3.5个百分点、1,000家"
    for m in NUMBER_RE.finditer(text):
        assert parse_number(m.group()) is not None, m.group()


def test_number_pattern_embeds() -> None:
    import regex

    pat = regex.compile(rf"({NUMBER_PATTERN})年内")
    m = pat.search("力争三年内完成")
    assert m is not None and parse_number(m.group(1)) == 3


def test_number_max_len_bounds_every_match() -> None:
    import random

    from policyparse.numerals import NUMBER_MAX_LEN

    pat = regex.compile(NUMBER_PATTERN)
    # the longest forms: 7 groups of thousands, 12 decimals and two magnitudes; a Chinese
    # numeral of 16 characters with 8 decimals
    longest = "123" + ",456" * 6 + "." + "1" * 12 + "万亿"
    m = pat.match(longest + "5")
    assert m is not None and m.end() == len(longest) == NUMBER_MAX_LEN
    chinese = "一" + "二" * 15 + "点" + "三" * 8
    m = pat.match(chinese + "四")
    assert m is not None and m.end() == len(chinese) <= NUMBER_MAX_LEN
    rng = random.Random(8)
    alphabet = "0123456789,.,百千万亿零一二三四五六七八九十两点"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 80)))
        for i in range(len(text)):
            m = pat.match(text, i)
            assert m is None or m.end() - m.start() <= NUMBER_MAX_LEN, text


def test_parse_number_cache_gives_what_parsing_gives() -> None:
    uncached = parse_number.__wrapped__
    for text, _ in CASES:
        assert parse_number(text) == uncached(text)
        assert parse_number(text) == uncached(text)  # the second call comes from the cache
