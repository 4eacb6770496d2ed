#!/usr/bin/env python3
"""Throughput of the Python package against the command line, and of dyad.spark on one and two
cores. Prints documents per second; run after `pip install ./python` and `cargo build --release`.

    python3 python/bench.py cli-vs-package [--docs N]   # dyad code vs dyad.code_arrow, same input
    python3 python/bench.py spark [--docs N]            # dyad.spark.code with local[1] and local[2]
    python3 python/bench.py package FILE.jsonl          # the package alone on a JSONL file (for
                                                        # timing whole processes from outside)

Input: N documents cut from the open VOA stories of ../shared (python/tests/conftest.py), written
to a temporary JSONL file. Each figure is the best of --repeat runs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "tests"))


def documents(n: int) -> list[dict]:
    from conftest import story_documents

    return story_documents(n)


def write_jsonl(docs: list[dict], folder: str) -> Path:
    path = Path(folder) / "docs.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs))
    return path


def best(f, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)


def code_file(path: Path) -> int:
    """The package on a JSONL file: read by pyarrow, coded batch by batch, events as Arrow."""
    import pyarrow.json as pj

    import dyad

    table = pj.read_json(path)
    events = dyad._code_table(table, "text", "id", "date", {})
    return events.num_rows


def cli_vs_package(args) -> None:
    binary = os.environ.get("DYAD_BIN", str(HERE.parent / "target" / "release" / "dyad"))
    docs = documents(args.docs)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_jsonl(docs, tmp)
        code_file(path)  # warm-up: pipeline built, file cached
        cli = best(lambda: subprocess.run([binary, "code", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True), args.repeat)
        package = best(lambda: code_file(path), args.repeat)
    n = len(docs)
    print(f"{n} documents, {os.cpu_count()} cores, best of {args.repeat}")
    print(f"dyad code (CLI)      {n / cli:8.1f} docs/s  ({cli:.2f} s, process start included)")
    print(f"dyad.code_arrow      {n / package:8.1f} docs/s  ({package:.2f} s, reading the file included)")
    print(f"package / CLI speed  {cli / package:8.2f}x  (target: at least 0.9x)")


def spark_run(args) -> None:
    """One master: code the documents, force every row, print the seconds (after a warm-up)."""
    import pandas as pd
    from pyspark.sql import SparkSession

    from dyad import spark as dyad_spark

    session = (
        SparkSession.builder.master(args.master)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "250")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    docs = pd.read_json(args.file, lines=True)
    df = session.createDataFrame(docs).repartition(8).cache()
    df.count()

    def run() -> None:
        dyad_spark.code(df, date_col="date").write.format("noop").mode("overwrite").save()

    run()  # warm-up: Python workers started, pipelines built
    print(best(run, args.repeat))
    session.stop()


def spark(args) -> None:
    docs = documents(args.docs)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_jsonl(docs, tmp)
        seconds = {}
        for master in ("local[1]", "local[2]"):
            out = subprocess.run(
                [sys.executable, __file__, "spark-run", "--master", master, "--repeat", str(args.repeat), str(path)],
                capture_output=True, text=True, check=True,
            )
            seconds[master] = float(out.stdout.strip().splitlines()[-1])
    n = len(docs)
    print(f"{n} documents, best of {args.repeat}, Spark local mode")
    for master, s in seconds.items():
        print(f"dyad.spark.code {master:9} {n / s:8.1f} docs/s  ({s:.2f} s)")
    print(f"local[2] / local[1]      {seconds['local[1]'] / seconds['local[2]']:8.2f}x  (target: at least 1.7x)")


def package(args) -> None:
    print(code_file(Path(args.file)), "events")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    for name in ("cli-vs-package", "spark"):
        p = sub.add_parser(name)
        p.add_argument("--docs", type=int, default=4000)
        p.add_argument("--repeat", type=int, default=3)
    p = sub.add_parser("spark-run")
    p.add_argument("--master", required=True)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("file")
    p = sub.add_parser("package")
    p.add_argument("file")
    args = parser.parse_args()
    {"cli-vs-package": cli_vs_package, "spark": spark, "spark-run": spark_run, "package": package}[args.what](args)


if __name__ == "__main__":
    main()
