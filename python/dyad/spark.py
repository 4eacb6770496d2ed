"""dyad on Apache Spark: code a DataFrame of documents into a DataFrame of events, and merge
reports of one happening into events, with PySpark 3.5 or 4.x.

>>> from dyad import spark as dyad_spark
>>> events = dyad_spark.code(docs_df, text_col="text", id_col="id", date_col="date")
>>> merged = dyad_spark.merge(events, days=1)

``code`` runs dyad on Arrow batches with ``mapInArrow``: Spark hands each task its rows as Arrow
record batches, dyad codes a batch in Rust and hands back a batch of events; no Python runs per
row. Each task codes with one thread by default (Spark's tasks are the parallelism: one per core).

The package must be importable on the executors: ``pip install`` the wheel on every node (or in
the cluster's image), or ship it with ``spark.archives`` (a packed virtual environment); see
``docs/scale.md``.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Iterator, Optional

import dyad
from dyad import _dyad

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow
    from pyspark.sql import DataFrame

__all__ = ["code", "merge", "event_schema_ddl"]

_METADATA = ("title", "url", "source", "language")


def _spark_type(t: "pyarrow.DataType") -> str:
    import pyarrow as pa

    plain = {pa.string(): "STRING", pa.int64(): "BIGINT", pa.int32(): "INT", pa.float32(): "FLOAT",
             pa.float64(): "DOUBLE", pa.bool_(): "BOOLEAN", pa.date32(): "DATE"}
    if t in plain:
        return plain[t]
    if pa.types.is_list(t):
        return f"ARRAY<{_spark_type(t.value_type)}>"
    if pa.types.is_struct(t):
        fields = ", ".join(f"`{t.field(i).name}`: {_spark_type(t.field(i).type)}" for i in range(t.num_fields))
        return f"STRUCT<{fields}>"
    raise TypeError(f"no Spark type for Arrow type {t}")


def event_schema_ddl() -> str:
    """The event schema (:func:`dyad.event_schema`) as a Spark DDL string."""
    schema = dyad.event_schema()
    return ", ".join(f"`{f.name}` {_spark_type(f.type)}" for f in schema)


def code(
    df: "DataFrame",
    text_col: str = "text",
    id_col: Optional[str] = "id",
    date_col: Optional[str] = None,
    *,
    threads: int = 1,
    **options: Any,
) -> "DataFrame":
    """Codes a DataFrame of documents into a DataFrame of events (:func:`dyad.event_schema`'s
    columns, one row per event; ``doc_id`` is the document's ``id_col``).

    ``text_col`` holds the texts, ``id_col`` the document ids (without one, ids are hashes of the
    texts), ``date_col`` the publication dates (strings, dates or timestamps); columns named
    ``title``, ``url``, ``source`` and ``language`` are read when present. Options are those of
    :func:`dyad.code`; ``threads`` is per task (default 1: Spark runs a task per core). A
    document dyad cannot read fails the job with :class:`dyad.InputError` naming its batch row
    (``errors="skip"``: it is skipped and reported on the executor's standard error).
    """
    opts = {**options, "threads": threads}
    id_col = id_col if id_col in df.columns else None
    if date_col is not None and date_col not in df.columns:
        raise dyad.InputError(f'no column "{date_col}" (the columns are: {", ".join(df.columns)})')
    if text_col not in df.columns:
        raise dyad.InputError(f'no column "{text_col}" (the columns are: {", ".join(df.columns)})')
    columns = [text_col]
    for c in (id_col, date_col, *_METADATA):
        if c is not None and c in df.columns and c not in columns:
            columns.append(c)

    def code_batches(batches: Iterator["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:
        for batch in batches:
            events, notes = _dyad.code_batch(batch, text_col=text_col, id_col=id_col, date_col=date_col, **opts)
            for note in notes:
                print(f"dyad: {note}", file=sys.stderr)
            if events.num_rows:
                yield events

    return df.select(*columns).mapInArrow(code_batches, event_schema_ddl())


_MERGE_SCHEMA = "event_id STRING, merged_index BIGINT, merged_event STRING"


def _merge_table(table: "pyarrow.Table", days: int) -> "pyarrow.Table":
    import pyarrow as pa

    batches = table.combine_chunks().to_batches()
    if not batches:
        return pa.table({"event_id": pa.array([], pa.string()), "merged_index": pa.array([], pa.int64()), "merged_event": pa.array([], pa.string())})
    return pa.Table.from_batches([_dyad.merge_batch(batches[0], days=days)])


def merge(
    events: "DataFrame",
    days: int = 1,
    outlet_col: Optional[str] = None,
) -> "DataFrame":
    """Merges event mentions (rows of :func:`code`) into events, one row per happening, by the
    store's rule (``dyad ingest``): the same PLOVER type, compatible sources and targets (a
    shared country and compatible sectors), dates at most ``days`` apart, compatible places.

    Blocking, so that it scales: mentions are grouped by type, by the country of the first
    target actor (an IGO by its code) and by the year of their date, and each group is merged in
    Rust in date order, comparing a mention only with the events of its date window. Sources are
    compared within a group, not blocked on, because an actor of no known country ("civilians",
    "protesters") may be anyone's: blocking on the source's country as well lost one merged
    event in nine on the VOA test set, this blocking one in thirty. Two mentions in different
    groups never merge: what is lost is merges across New Year, across targets whose first
    actors differ, and with targets of no known country.

    Returns: ``merged_event`` (the ``event_id`` of its first mention), ``event`` and the first
    mention's ``plover``, ``cameo``, ``quad_class``, ``goldstein``, ``source``, ``target``,
    ``location``, ``sentence`` and ``doc_id``; ``date`` and ``last_date`` (earliest and latest
    mention), ``num_mentions``, ``num_articles`` (documents), ``num_sources`` (distinct values of
    ``outlet_col``, documents without it) and ``mention_ids``.
    """
    from pyspark.sql import functions as F

    if days < 0:
        raise ValueError("days must be 0 or more")

    def side_country(side: str) -> Any:
        first = F.get(F.col(side), 0)
        igo = F.when(first["code"].startswith("IGO"), first["code"])
        return F.coalesce(first["country"], igo, F.lit(""))

    keys = events.select(
        "event_id",
        "doc_id",
        "sentence_index",
        F.date_format("date", "yyyy-MM-dd").alias("date"),
        "date_precision",
        F.col("plover.event").alias("event"),
        F.col("source.code").alias("source_code"),
        F.col("source.country").alias("source_country"),
        F.col("source.sector").alias("source_sector"),
        F.col("target.code").alias("target_code"),
        F.col("target.country").alias("target_country"),
        F.col("target.sector").alias("target_sector"),
        F.col("location.country").alias("place_country"),
        F.col("location.admin1").alias("place_admin1"),
        side_country("target").alias("_target_block"),
        F.coalesce(F.year("date"), F.lit(0)).alias("_year_block"),
    )
    grouped = keys.groupBy("event", "_target_block", "_year_block")
    if hasattr(grouped, "applyInArrow"):  # PySpark 4

        def merge_group(table: "pyarrow.Table") -> "pyarrow.Table":
            return _merge_table(table, days)

        assigned = grouped.applyInArrow(merge_group, _MERGE_SCHEMA)
    else:  # PySpark 3.5: pandas per group (one conversion per group, not per row)

        def merge_group_pandas(frame: Any) -> Any:
            import pyarrow as pa

            return _merge_table(pa.Table.from_pandas(frame, preserve_index=False), days).to_pandas()

        assigned = grouped.applyInPandas(merge_group_pandas, _MERGE_SCHEMA)

    joined = events.join(assigned.select("event_id", "merged_event"), "event_id")
    outlet = F.col(outlet_col) if outlet_col else F.col("doc_id")
    counts = joined.groupBy("merged_event").agg(
        F.min("date").alias("date"),
        F.max("date").alias("last_date"),
        F.count(F.lit(1)).alias("num_mentions"),
        F.countDistinct("doc_id").alias("num_articles"),
        F.countDistinct(F.coalesce(outlet, F.col("doc_id"))).alias("num_sources"),
        F.sort_array(F.collect_list("event_id")).alias("mention_ids"),
    )
    first = joined.where(F.col("event_id") == F.col("merged_event")).select(
        "merged_event",
        F.col("plover.event").alias("event"),
        "plover",
        "cameo",
        "quad_class",
        "goldstein",
        "source",
        "target",
        "location",
        "sentence",
        "doc_id",
    )
    return first.join(counts, "merged_event")
