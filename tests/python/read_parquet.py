"""dyad's Parquet export read back by the readers analysts use: pyarrow (pandas) and DuckDB.

Usage: python3 tests/python/read_parquet.py path/to/dyad
Ingests the bundled VOA sample into a temporary store, exports it as JSON lines and as Parquet,
and checks that both readers see every event mention with its typed columns and actor structs.
"""

import datetime
import json
import pathlib
import subprocess
import sys
import tempfile

import duckdb
import pyarrow.parquet as pq


def main(dyad: str) -> None:
    repo = pathlib.Path(__file__).resolve().parents[2]
    with tempfile.TemporaryDirectory() as tmp:
        store = str(pathlib.Path(tmp) / "s.db")
        run = lambda *args: subprocess.run([dyad, *args], check=True, capture_output=True)
        run("ingest", "--store", store, str(repo / "examples" / "voa-sample.jsonl"))
        records = [json.loads(l) for l in run("export", "--store", store, "--format", "jsonl").stdout.splitlines()]
        path = str(pathlib.Path(tmp) / "events.parquet")
        run("export", "--store", store, "--format", "parquet", "--output", path)

        table = pq.read_table(path)
        assert table.num_rows == len(records) > 0, (table.num_rows, len(records))
        df = table.to_pandas()
        first = records[0]
        row = df[df.event_id == first["event_id"]].iloc[0]
        assert row.event == first["plover"]["event"]
        assert row.date == datetime.date.fromisoformat(first["date"])
        assert [a["code"] for a in row.source] == [a["code"] for a in first["source"]]
        assert str(table.schema.field("source").type).startswith("list<item: struct<text: string, code: string")

        con = duckdb.connect()
        n, = con.execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchone()
        assert n == len(records), (n, len(records))
        codes = con.execute(
            f"SELECT s.code FROM (SELECT unnest(source) AS s FROM read_parquet('{path}')) ORDER BY 1"
        ).fetchall()
        want = sorted(a["code"] for r in records for a in r["source"])
        assert [c for (c,) in codes] == want, (codes, want)
        print(f"parquet: {n} event mentions read back by pyarrow and DuckDB with their types and actors")


if __name__ == "__main__":
    main(sys.argv[1])
