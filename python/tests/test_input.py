"""Bad input raises dyad.InputError naming the document and what is wrong; nothing crashes."""

from __future__ import annotations

import pytest

import dyad

GOOD = "Russian forces shelled Kharkiv on Tuesday, Ukrainian officials said."


@pytest.mark.parametrize(
    "docs, message",
    [
        ({"title": "no text"}, r'^document: missing the required "text" field'),
        ({"text": 5}, r'^document: "text" must be a string, found a number'),
        ({"text": "   "}, r'^document: "text" is empty'),
        ({"text": GOOD, "date": "yesterday"}, r'^document: cannot read "date" "yesterday"'),
        ({"text": GOOD, "id": ["a"]}, r'^document: "id" must be a string or a number, found an array'),
        ([GOOD, {"text": None}], r'^docs\[1\]: "text" must be a string, found null'),
        ([GOOD, 42], r"^docs\[1\]: expected a str \(the text\) or a dict"),
        ([{1: "x", "text": GOOD}], r"^docs\[0\]: a dict key that is not a str"),
        ("\ud800 lone surrogate", r"^document: a str that is not valid Unicode"),
    ],
)
def test_unreadable_documents_raise_input_error_naming_them(docs, message):
    with pytest.raises(dyad.InputError, match=message):
        dyad.code(docs)
    with pytest.raises(dyad.InputError, match=message):
        dyad.code_arrow(docs)


def test_input_error_is_a_value_error_and_counts_the_others():
    with pytest.raises(ValueError, match=r"docs\[1\].*\(and 1 more unreadable documents\); pass errors=\"skip\""):
        dyad.code([GOOD, {"text": 1}, {"text": 2}])


def test_skipping_codes_the_readable_documents_and_warns_about_the_others():
    with pytest.warns(dyad.DyadWarning, match=r"docs\[1\]: .*\(skipped\)"):
        events = dyad.code([GOOD, {"text": 1}], errors="skip", date="2024-05-16")
    assert events == dyad.code(GOOD, date="2024-05-16")


def test_values_nested_too_deep_or_holding_themselves_are_refused():
    deep: dict = {}
    d = deep
    for _ in range(100):
        d["x"] = {}
        d = d["x"]
    with pytest.raises(dyad.InputError, match="nested more than"):
        dyad.code({"text": GOOD, "meta": deep})
    loop: list = []
    loop.append(loop)
    with pytest.raises(dyad.InputError, match="nested more than"):
        dyad.code({"text": GOOD, "meta": loop})


def test_a_document_over_the_size_limit_is_refused():
    with pytest.raises(dyad.InputError, match="max-doc-bytes|limit"):
        dyad.code(GOOD * 10, max_doc_bytes=100)


def test_wrong_options_are_errors_not_crashes():
    with pytest.raises(TypeError):
        dyad.code(12345)
    pd = pytest.importorskip("pandas")
    with pytest.raises(TypeError, match="code_pandas"):
        dyad.code(pd.DataFrame({"text": [GOOD]}))
    with pytest.raises(ValueError, match="no rule"):
        dyad.code(GOOD, disable_rules=["no-such-rule"])
    with pytest.raises(ValueError, match="errors must be"):
        dyad.code(GOOD, errors="ignore")
    with pytest.raises(ValueError, match="threads must be"):
        dyad.code(GOOD, threads=0)
    with pytest.raises(dyad.InputError, match="date: expected a date"):
        dyad.code(GOOD, date="16/05/2024")
    with pytest.raises(TypeError, match="unknown option"):
        dyad.code_arrow(GOOD, thread=2)


def test_hostile_text_is_coded_or_refused_never_a_crash():
    for text in ["\x00" * 1000, "a" * 100_000, "(" * 50_000, "\u202e" + GOOD, "“" * 10_000 + GOOD]:
        events = dyad.code(text)
        assert isinstance(events, list)


def test_empty_input_codes_nothing():
    assert dyad.code([]) == []
    assert dyad.code_arrow([]).num_rows == 0
    assert dyad.code_arrow([]).schema == dyad.event_schema()
