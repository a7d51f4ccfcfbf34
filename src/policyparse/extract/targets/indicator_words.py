"""Word lists the indicator reader uses beyond the targets stage's cue words
(``data/indicator_words.yaml``)."""

from __future__ import annotations

from functools import cache

from ... import ruledata
from ...ruledata import RuleModel


class IndicatorWords(RuleModel):
    """Schema of ``data/indicator_words.yaml``."""

    not_lead_words: list[str]
    """Words that open with a lead word but are no lead (``使用`` is no ``使`` + ``用``)."""
    rate_manners: list[str]
    """Words of manner before a rate's verb (``动态使用率``, ``综合利用率``): such a rate names
    no subject of its own and takes the subject of the rate before it."""
    item_heads: list[str]
    """Head words that end a listed item (``社区卫生服务中心``): words after the head of the
    last item, before a shared predicate, are every item's."""
    article_pattern: str
    """An article number at the start of a clause (``第十条``), no part of an indicator."""
    shared_prepositions: list[str]
    """Prepositions of direction or destination that open the first item of a list and reach
    every item (``至赣州、三明、龙岩的班列年开行量`` → ``至三明的…``)."""
    status_verbs: list[str]
    """Verbs of a state reached (``获得``, ``通过``) that, opening a clause qualifying the counted
    noun (``获得养老服务认证的机构数量``), stay in the indicator: they say which ones count."""
    consequence_verbs: list[str]
    """Verbs that open a clause with what the clause before brings along (``带动旅游综合收入…``
    after ``龙虾节期间全县接待游客…``): the event period of that clause reaches this one."""


@cache
def words() -> IndicatorWords:
    """The word lists, loaded once per process."""
    return ruledata.load("indicator_words.yaml", IndicatorWords)
