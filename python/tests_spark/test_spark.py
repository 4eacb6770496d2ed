"""dyad.spark in local mode: coding a DataFrame gives the command line's events; merging groups
them as the store's rule does. Run by python/spark-check (not by `.ci/run`: PySpark and its JVM
start-up do not fit the CI budget)."""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from conftest import cli_events, story_documents  # noqa: E402  (python/tests/conftest.py)

pyspark = pytest.importorskip("pyspark", reason="PySpark is not installed (python/spark-check installs it)")
pd = pytest.importorskip("pandas")

import dyad  # noqa: E402
from dyad import spark as dyad_spark  # noqa: E402

DOCS = 2400


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("dyad-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "500")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def docs() -> list[dict]:
    return story_documents(DOCS)


@pytest.fixture(scope="module")
def events(spark, docs):
    df = spark.createDataFrame(pd.DataFrame(docs)).repartition(6)
    return dyad_spark.code(df, text_col="text", id_col="id", date_col="date").cache()


def plain(value):
    """A Spark row's value as the command line's JSON has it."""
    if hasattr(value, "asDict"):
        return {k: plain(v) for k, v in value.asDict().items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def test_spark_codes_a_dataframe_as_dyad_code_does(events, docs, tmp_path):
    source = tmp_path / "docs.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in docs))
    expected = {e["event_id"]: e for e in cli_events(str(source))}
    rows = {r["event_id"]: plain(r) for r in events.collect()}
    assert len(expected) > 1000
    assert rows.keys() == expected.keys()
    for event_id, e in expected.items():
        r = rows[event_id]
        for field in e:
            if field in ("goldstein", "confidence"):
                assert r[field] == pytest.approx(e[field], abs=1e-6), (event_id, field)
            elif field == "quote" and e[field] is not None:
                assert r[field] == {"speaker_sentence": None, **e[field]}, event_id
            else:
                assert r[field] == e[field], (event_id, field)


def test_spark_merges_the_reports_of_one_happening(events):
    merged = dyad_spark.merge(events, days=1).cache()
    rows = merged.collect()
    total = events.count()
    assert sum(r["num_mentions"] for r in rows) == total
    assert sorted(i for r in rows for i in r["mention_ids"]) == sorted(r["event_id"] for r in events.select("event_id").collect())
    assert len(rows) < total, "some reports merged"
    by_id = {r["event_id"]: r for r in events.collect()}
    for r in rows:
        mentions = [by_id[i] for i in r["mention_ids"]]
        assert {m["plover"]["event"] for m in mentions} == {r["event"]}
        assert r["num_articles"] == len({m["doc_id"] for m in mentions})
        assert r["merged_event"] in r["mention_ids"]
    # against the same rule without blocking: the blocks lose few merges (on this set: 444
    # events against 428; blocking on the source's country too gave 492)
    table = pa_table(events)
    unblocked = {m["merged_event"] for m in dyad._dyad.merge_batch(table, days=1).to_pylist()}
    print(f"merged events: {len(rows)} with blocking, {len(unblocked)} without, from {total} mentions")
    assert abs(len(rows) - len(unblocked)) <= 0.1 * len(unblocked)


def pa_table(events):
    import pyarrow as pa

    rows = [plain(r) for r in events.collect()]
    return pa.RecordBatch.from_pylist(rows, schema=dyad.event_schema().remove(dyad.event_schema().get_field_index("date")).append(pa.field("date", pa.string())))
