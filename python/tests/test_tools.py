"""dyad.read, parse, explain_actor, Store and the merge answer as the command line does."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

import dyad
from conftest import REPO, run_cli

EXAMPLE = REPO / "examples" / "wire-story-2025-03-03.txt"
SAMPLE = REPO / "examples" / "voa-sample.jsonl"


def test_read_gives_the_documents_of_dyad_read():
    for path in (EXAMPLE, SAMPLE):
        expected = [json.loads(line) for line in run_cli("read", str(path)).splitlines()]
        assert dyad.read(path) == expected
    assert dyad.read([EXAMPLE, SAMPLE]) == dyad.read(EXAMPLE) + dyad.read(SAMPLE)


def test_read_names_the_file_and_line_of_a_bad_document(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Fine text about talks."}\n{"text": 3}\n')
    with pytest.raises(dyad.InputError, match=r'bad\.jsonl:2: "text" must be a string'):
        dyad.read(bad)
    with pytest.warns(dyad.DyadWarning, match=r"bad\.jsonl:2"):
        assert len(dyad.read(bad, errors="skip")) == 1
    with pytest.raises(dyad.InputError, match="no-such-file"):
        dyad.read(tmp_path / "no-such-file.txt")


def test_parse_gives_the_conllu_of_dyad_parse():
    text = EXAMPLE.read_text()
    conllu = dyad.parse(text)
    assert conllu == run_cli("parse", stdin=text.encode()).decode()
    first = [line.split("\t") for line in conllu.split("\n\n")[0].splitlines() if not line.startswith("#")]
    assert all(len(cols) == 10 for cols in first)


def test_explain_actor_resolves_a_phrase_as_dyad_actors_explain():
    e = dyad.explain_actor("Vladimir Putin", "2024-05-01")
    line = [l for l in run_cli("actors", "explain", "Vladimir Putin", "--date", "2024-05-01").decode().splitlines() if l.startswith("code:")]
    assert line == [f"code: {e['code']}  ({e['rule']})"]
    assert e["code"].startswith("RUS")
    hits = [h for s in e["sentences"] for h in s["hits"]]
    assert any(h["entry"]["kind"] == "actor" and h["entry"]["code"] for h in hits)
    context = dyad.explain_actor("Pashinyan said", context="Armenia's Prime Minister Nikol Pashinyan arrived.")
    assert context["code"].startswith("ARM")


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("store") / "voa.db"
    run_cli("ingest", str(SAMPLE), str(EXAMPLE), "--store", str(path))
    return path


def cli_rows(store: Path, *args: str) -> list[dict]:
    out = run_cli("events", "--store", str(store), "--format", "jsonl", *args)
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_store_events_are_dyad_events(store):
    s = dyad.Store(store)
    df = s.events()
    expected = cli_rows(store)
    assert len(df) == len(expected) > 0
    assert sorted(df["event_id"]) == sorted(r["event_id"] for r in expected)
    kind = expected[0]["plover"]["event"]
    assert len(s.events(type=kind)) == len(cli_rows(store, "--type", kind))
    actor = expected[0]["source"][0]["code"][:3]
    assert len(s.events(actor=actor)) == len(cli_rows(store, "--actor", actor))
    assert len(s.events(limit=2)) == min(2, len(expected))
    merged = s.events(merged=True)
    assert len(merged) == len(cli_rows(store, "--merged"))
    assert {"num_mentions", "num_sources", "num_articles"} <= set(merged.columns)


def test_a_store_that_is_not_one_is_refused(tmp_path, store):
    with pytest.raises(OSError, match="no such store"):
        dyad.Store(tmp_path / "missing.db")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(dyad.InputError, match="other.db"):
        dyad.Store(other)
    with pytest.raises(dyad.InputError, match="no filter"):
        dyad.Store(store).events(actr="RUS")


def _report(k, event_id, event, source, target, date, admin1=None):
    def actor(code):
        return {"text": code, "code": code, "country": code[:3], "sector": code[3:] or None, "span": [0, 1], "backer": None}

    place = {"name": admin1, "country": "UKR", "lat": None, "lon": None, "geonameid": None, "precision": "city", "admin1": admin1}
    return {
        "event_id": event_id, "doc_id": f"doc-{k}", "sentence_index": 0, "date": date, "date_precision": "day",
        "plover": {"event": event, "mode": None, "context": []},
        "source": [actor(source)], "target": [actor(target)], "location": place if admin1 else None,
    }


def test_merging_a_batch_groups_the_reports_of_one_happening():
    """The store's rule through Arrow (crates/dyad-store/tests/store.rs shows `Merger`, which
    this calls, merges as the store does). Reports are taken by date, then document: the first
    report of a happening (r1, with its place) is its key, as in the store."""
    pa = pytest.importorskip("pyarrow")
    reports = [
        _report(0, "r1", "ASSAULT", "RUSMIL", "UKR", "2024-05-13", "Kharkiv"),
        _report(1, "a1", "ASSAULT", "RUS", "UKRCVL", "2024-05-13"),
        _report(2, "f1", "ASSAULT", "RUSMIL", "UKR", "2024-05-14", "Kharkiv"),
        _report(3, "r2", "ASSAULT", "RUSMIL", "UKR", "2024-05-13", "Odesa"),
        _report(4, "a2", "THREATEN", "RUSGOV", "UKR", "2024-05-13"),
        _report(5, "r3", "ASSAULT", "RUSMIL", "UKR", "2024-05-20", "Kharkiv"),
    ]
    merged = dyad._dyad.merge_batch(pa.RecordBatch.from_pylist(reports), days=1).to_pylist()
    groups = {}
    for m in merged:
        groups.setdefault(m["merged_event"], set()).add(m["event_id"])
    assert sorted(map(sorted, groups.values())) == [["a1", "f1", "r1"], ["a2"], ["r2"], ["r3"]]
    # a wider window takes in the follow-up a week later
    wide = dyad._dyad.merge_batch(pa.RecordBatch.from_pylist(reports), days=7).to_pylist()
    assert len({m["merged_event"] for m in wide}) == 3
    # columns it cannot read are an InputError, not a crash
    with pytest.raises(dyad.InputError):
        dyad._dyad.merge_batch(pa.RecordBatch.from_pylist([{"event_id": "x", "date": "not a date", "source": 3}]))


USER_DICT = (
    "actor\tgroup\tSDNREB\tNorthern Sunrise Brigade|NSB\n"
    "place\tregion\tZangezur Corridor\tZangezur\tARM\t39.2\t46.4\n"
)
RSF = {"id": "rsf", "text": "The Northern Sunrise Brigade attacked the army in Khartoum on Monday.", "date": "2023-05-02"}


def test_a_user_dictionary_adds_actors_as_dict_does(tmp_path):
    """In a process of its own: a user dictionary must come before anything is coded."""
    import subprocess
    import sys

    path = tmp_path / "user.tsv"
    path.write_text(USER_DICT)
    script = (
        "import dyad, json, sys\n"
        f"dyad.use_dictionary({str(path)!r})\n"
        f"print(json.dumps(dyad.code({RSF!r})))\n"
        "try:\n"
        f"    dyad.use_dictionary({str(path)!r})\n"
        "except dyad.InputError as e:\n"
        "    print('refused:', e)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.splitlines()
    events = json.loads(out[0])
    cli = [json.loads(line) for line in run_cli("code", "--dict", str(path), stdin=json.dumps(RSF).encode()).splitlines()]
    assert events == cli
    assert any(e["source"][0]["code"] == "SDNREB" for e in events)
    assert "already in use" in out[1]
    assert not any(e["source"][0]["code"] == "SDNREB" for e in dyad.code(RSF))
    bad = tmp_path / "bad.tsv"
    bad.write_text("actor\tgroup\n")
    with pytest.raises(dyad.InputError, match=r"bad\.tsv"):
        dyad.use_dictionary(bad)
