"""dyad.code, code_arrow and code_pandas answer as `dyad code` does."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest

import dyad
from conftest import SHARED, cli_events, run_cli, story_documents

FOUNDING = SHARED / "examples" / "tass-2023-09-20-hungary-karabakh.txt"


def founding_story() -> Path:
    if not FOUNDING.exists():
        pytest.skip(f"{FOUNDING} is absent (../shared is not beside the checkout)")
    return FOUNDING


def test_the_founding_story_as_a_string_gives_the_events_of_dyad_code():
    text = founding_story().read_text()
    events = dyad.code(text)
    assert events, "the founding story has events"
    # standard input: the same text, the same content-hash id
    assert events == cli_events(stdin=text.encode())


def test_the_founding_story_as_a_dict_gives_the_events_of_dyad_code_on_the_file():
    path = founding_story()
    # the file's stem is its id and the date in its name its publication date
    events = dyad.code({"id": path.stem, "text": path.read_text(), "date": "2023-09-20"})
    assert events == cli_events(str(path))
    assert {e["date"] for e in events} >= {"2023-09-20"}


def test_the_open_voa_stories_give_the_events_of_dyad_code_field_by_field(stories, tmp_path):
    source = tmp_path / "voa.jsonl"
    source.write_text("".join(json.dumps(s) + "\n" for s in stories))
    expected = cli_events(str(source))
    got = dyad.code(stories)
    assert len(got) == len(expected) > 100
    for g, e in zip(got, expected):
        assert g.keys() == e.keys()
        for field in e:
            assert g[field] == e[field], (e["event_id"], field)


def test_one_thread_and_all_cores_give_the_same_events(stories):
    assert dyad.code(stories[:10], threads=1) == dyad.code(stories[:10])


def test_options_are_those_of_dyad_code(stories, tmp_path):
    source = tmp_path / "voa.jsonl"
    docs = stories[:15]
    source.write_text("".join(json.dumps(s) + "\n" for s in docs))
    rule = dyad.rules()[0][0]
    assert dyad.code(docs, asserted_only=True, min_confidence=0.3, disable_rules=[rule]) == cli_events(
        str(source), "--asserted-only", "--min-confidence", "0.3", "--disable-rule", rule
    )
    assert all(e["modality"] == "asserted" and not e["negated"] for e in dyad.code(docs, asserted_only=True))


def test_a_default_date_dates_undated_documents():
    text = "Russian forces shelled the city of Kharkiv on Tuesday, Ukrainian officials said."
    undated = dyad.code(text)
    dated = dyad.code(text, date="2024-05-16")
    assert undated and all(e["date"] is None for e in undated)
    assert dated and dated[0]["date"] == "2024-05-14"  # the Tuesday before
    assert dyad.code(text, date=__import__("datetime").date(2024, 5, 16)) == dated


def test_code_arrow_holds_the_same_events_as_code(stories):
    docs = stories[:12]
    table = dyad.code_arrow(docs)
    assert table.schema == dyad.event_schema()
    rows = table.to_pylist()
    expected = dyad.code(docs)
    assert len(rows) == len(expected)
    for r, e in zip(rows, expected):
        assert r["event_id"] == e["event_id"]
        assert (r["date"].isoformat() if r["date"] else None) == e["date"]
        assert r["plover"] == e["plover"]
        assert r["source"] == e["source"] and r["target"] == e["target"]
        assert r["trigger"] == e["trigger"]
        assert r["quote"] == (e["quote"] and {"speaker_sentence": None, **e["quote"]})
        assert r["goldstein"] == pytest.approx(e["goldstein"])
        assert r["confidence"] == pytest.approx(e["confidence"], abs=1e-6)


def test_code_pandas_codes_ten_thousand_rows_as_dyad_code_does(tmp_path):
    pd = pytest.importorskip("pandas")
    docs = story_documents(10_000)
    df = pd.DataFrame(docs)
    events = dyad.code_pandas(df)
    source = tmp_path / "docs.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in docs))
    expected = cli_events(str(source))
    assert len(events) == len(expected) > 1000
    assert list(events["event_id"]) == [e["event_id"] for e in expected]
    assert list(events["event"]) == [e["plover"]["event"] for e in expected]
    assert set(events["doc_id"]) <= set(df["id"])
    # dates came from the date column, as JSONL dates do
    assert [d.isoformat() if d is not None else None for d in events["date"]] == [e["date"] for e in expected]


def test_code_pandas_without_id_or_date_columns():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"body": ["Russian forces shelled Kharkiv, Ukrainian officials said."] * 3})
    # the same text three times: the same content-hash id, made unique as dyad code does
    with pytest.warns(dyad.DyadWarning, match="already used"):
        events = dyad.code_pandas(df, text_col="body", date="2024-05-16")
    assert len(set(events["doc_id"])) == 3
    with pytest.raises(dyad.InputError, match='no column "text"'):
        dyad.code_pandas(df)


def _timed(f) -> float:
    start = time.perf_counter()
    f()
    return time.perf_counter() - start


def test_python_runs_while_a_thread_codes():
    docs = story_documents(300)
    dyad.code(docs[:5], threads=1)
    worker = threading.Thread(target=dyad.code, args=(docs,), kwargs={"threads": 1})
    ticks = 0
    worker.start()
    while worker.is_alive():
        ticks += 1
        time.sleep(0.001)
    # with the GIL held for the whole call, this loop would not get to run until it returned
    assert ticks > 20, ticks


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="needs two cores")
def test_coding_releases_the_gil():
    docs = story_documents(600)
    halves = [docs[:300], docs[300:]]
    dyad.code(docs[:5], threads=1)  # build the pipeline before timing
    one_after_the_other = _timed(lambda: [dyad.code(h, threads=1) for h in halves])

    def both_at_once() -> None:
        threads = [threading.Thread(target=dyad.code, args=(h,), kwargs={"threads": 1}) for h in halves]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    at_once = _timed(both_at_once)
    # with the GIL held the two would take as long as one after the other; two cores: about half
    assert at_once < 0.8 * one_after_the_other, (at_once, one_after_the_other)


def test_rules_and_version():
    ids = [r for r, _ in dyad.rules()]
    assert ids and len(ids) == len(set(ids))
    listed = run_cli("rules").decode().split("\n")
    assert ids == [line.split()[0] for line in listed if line.strip()]
    assert dyad.__version__


def test_code_pandas_reads_dates_and_timestamps_in_any_zone():
    pd = pytest.importorskip("pandas")
    text = "Russian forces shelled Kharkiv on Tuesday, Ukrainian officials said."
    expected = dyad.code({"id": "a", "text": text, "date": "2024-05-16"})
    for date in [
        "2024-05-16",
        __import__("datetime").date(2024, 5, 16),
        pd.Timestamp("2024-05-16 10:00"),
        pd.Timestamp("2024-05-16 10:00", tz="Europe/Berlin"),  # a named zone, as Spark sends
    ]:
        df = pd.DataFrame({"id": ["a"], "text": [text], "date": pd.Series([date])})
        events = dyad.code_pandas(df)
        assert list(events["event_id"]) == [e["event_id"] for e in expected], date
        assert [d.isoformat() for d in events["date"]] == [e["date"] for e in expected], date
