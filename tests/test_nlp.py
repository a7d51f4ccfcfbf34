"""The spaCy pipeline: jieba tokens, entities as doc.ents, records as span groups."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policyparse
from policyparse.nlp.components import SPAN_GROUPS
from policyparse.records import PolicyDocument

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return policyparse.load_nlp()


def test_pipeline_shape(nlp) -> None:  # type: ignore[no-untyped-def]
    assert nlp.lang == "zh"
    assert nlp.pipe_names == ["policyparse_records", "policyparse_entities"]
    assert type(nlp.tokenizer).__name__ == "PolicyTokenizer"
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "policyparse.Tokenizer.v1"


def test_components_come_from_entry_points() -> None:
    factories = {ep.name: ep.value for ep in entry_points(group="spacy_factories")}
    assert factories["policyparse_entities"] == "policyparse.nlp.components:make_entities"
    assert factories["policyparse_records"] == "policyparse.nlp.components:make_records"
    tokenizers = {ep.name: ep.value for ep in entry_points(group="spacy_tokenizers")}
    assert tokenizers["policyparse.Tokenizer.v1"] == "policyparse.nlp.tokenizer:create_tokenizer"
    # A blank pipeline finds them by name alone.
    nlp = spacy.blank(
        "zh", config={"nlp": {"tokenizer": {"@tokenizers": "policyparse.Tokenizer.v1"}}}
    )
    nlp.add_pipe("policyparse_entities")
    doc = nlp("由省发展改革委牵头。")
    assert [(e.text, e.label_) for e in doc.ents] == [("省发展改革委", "GOV")]


def test_jieba_tokens_with_package_dictionary(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "由省发展改革委牵头，省卫生健康委配合。\n  到2025年。"
    doc = nlp(text)
    assert doc.text == text
    words = [t.text for t in doc]
    assert "省发展改革委" in words and "省卫生健康委" in words


SENTENCES = [
    (
        "经广东省人民政府同意，由广东省工业和信息化厅牵头。",
        {("广东省人民政府", "GOV"), ("广东省工业和信息化厅", "GOV")},
    ),
    (
        "支持四川大学华西医院和杭州医药港建设。",
        {("四川大学华西医院", "ORG"), ("杭州医药港", "ORG")},
    ),
    ("在江西省赣州市布局。", {("江西省", "GPE"), ("赣州市", "GPE")}),
    (
        "根据《药品管理法》和国办发〔2016〕11号文件。",
        {("药品管理法", "LAW"), ("国办发〔2016〕11号", "LAW")},
    ),
    ("深入实施“雄鹰行动”。", {("雄鹰行动", "PROGRAM")}),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_entities_in_new_sentences(nlp, text: str, expected: set[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    assert expected <= {(e.text, e.label_) for e in doc.ents}


def test_nested_place_is_in_span_group_not_ents(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("加快杭州医药港建设。")
    assert [(e.text, e.label_) for e in doc.ents] == [("杭州医药港", "ORG")]
    group = {(s.text, s.label_) for s in doc.spans["entities"]}
    assert group == {("杭州医药港", "ORG"), ("杭州", "GPE")}


def test_same_entities_as_the_document(nlp, corpus_docs: dict[str, PolicyDocument]) -> None:  # type: ignore[no-untyped-def]
    for key in ("000", "003"):
        pdoc = corpus_docs[key]
        doc = nlp(pdoc.text)
        expected = [(e.span.start, e.span.end, e.label) for e in pdoc.entities]
        got = [(s.start_char, s.end_char, s.label_) for s in doc.spans["entities"]]
        assert got == expected
        top = [(e.span.start, e.span.end, e.label) for e in pdoc.entities if not e.nested]
        assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == top


def test_record_span_groups(nlp, corpus_docs: dict[str, PolicyDocument]) -> None:  # type: ignore[no-untyped-def]
    pdoc = corpus_docs["004"]
    doc = nlp(pdoc.text)
    for kind in SPAN_GROUPS:
        group = doc.spans[kind]
        records = getattr(pdoc, kind)
        assert len(group) == len(records), kind
        for span, record in zip(group, records, strict=True):
            # expand: the tokens cover the record's evidence
            assert span.start_char <= record.span.start and record.span.end <= span.end_char
    assert len(doc.spans["responsible_units"]) > 0 and len(doc.spans["quantities"]) > 0
    assert {s.label_ for s in doc.spans["responsible_units"]} <= {
        "lead",
        "participant",
        "guide",
        "unspecified",
    }


def test_components_after_another_tokenizer() -> None:
    nlp = spacy.blank("zh")  # character segmentation, no policyparse tokenizer
    nlp.add_pipe("policyparse_records")
    nlp.add_pipe("policyparse_entities")
    doc = nlp("到2025年，支持武汉大学建设，全省医药工业产值达到4000亿元。")
    assert ("武汉大学", "ORG") in {(e.text, e.label_) for e in doc.ents}
    assert [s.text for s in doc.spans["quantities"]] == ["4000亿元"]


def test_pipe_and_carriage_returns(nlp) -> None:  # type: ignore[no-untyped-def]
    docs = list(nlp.pipe(["由省科技厅牵头。\r\n省财政厅配合。", "国务院"]))
    assert docs[0].text == "由省科技厅牵头。\r\n省财政厅配合。"
    assert [e.text for e in docs[0].ents] == ["省科技厅", "省财政厅"]
    assert [e.label_ for e in docs[1].ents] == ["GOV"]


def test_text_without_json_form(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("由省科技厅牵头\ud800。")
    assert doc.text == "由省科技厅牵头\ufffd。"
    assert [e.text for e in doc.ents] == ["省科技厅"]
    assert doc._.policy is not None


def test_doc_serializes_with_its_policy(nlp) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    doc = nlp("支持武汉大学建设，由省科技厅牵头。")
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.policy == doc._.policy
    assert [(e.text, e.label_) for e in again.ents] == [("武汉大学", "ORG"), ("省科技厅", "GOV")]


@settings(max_examples=40, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("省发展改革委杭州医药港武汉大学《》“”〔〕 \n\t　\r,，。2025年")
        )
        | st.characters(),
        max_size=120,
    )
)
def test_any_text_round_trips(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    assert doc.text == "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    for span in doc.spans["entities"]:
        assert span.text.strip()
