"""Fixtures shared by the package's tests: the `dyad` binary to compare with, the bundled
examples, and documents made from the open VOA stories of ../shared (tests that need them skip
with a message where that folder is absent)."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
VOA = SHARED / "data" / "voa" / "voa_stories.jsonl"
RESERVED = SHARED / "data" / "voa" / "RESERVED.txt"


def dyad_binary() -> Path:
    """The command line to compare with: $DYAD_BIN, else the release build."""
    path = Path(os.environ.get("DYAD_BIN", REPO / "target" / "release" / "dyad"))
    if not path.exists():
        pytest.skip(f"no dyad binary at {path}: build it with `cargo build --release -p dyad-cli` or set DYAD_BIN")
    return path


def run_cli(*args: str, stdin: bytes | None = None) -> bytes:
    out = subprocess.run([str(dyad_binary()), *args], input=stdin, capture_output=True, check=True)
    return out.stdout


def cli_events(*args: str, stdin: bytes | None = None) -> list[dict]:
    return [json.loads(line) for line in run_cli("code", *args, stdin=stdin).splitlines() if line.strip()]


def open_stories() -> list[dict]:
    """The VOA stories not reserved for measurement elsewhere."""
    if not VOA.exists():
        pytest.skip(f"{VOA} is absent (../shared is not beside the checkout)")
    reserved = {line.strip() for line in RESERVED.read_text().splitlines() if line.strip() and not line.startswith("#")}
    stories = [json.loads(line) for line in VOA.read_text().splitlines() if line.strip()]
    return [s for s in stories if s["id"] not in reserved]


def story_documents(n: int) -> list[dict]:
    """`n` documents cut from the open stories: windows of three to five consecutive sentences,
    each with its story's date and an id of its own."""
    docs: list[dict] = []
    stories = open_stories()
    width = 3
    while len(docs) < n:
        for s in stories:
            sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", s["text"])
            for start in range(0, max(1, len(sentences) - width + 1)):
                text = " ".join(sentences[start : start + width])
                docs.append({"id": f"{s['id']}-w{width}-{start}", "text": text, "date": s["published"][:10], "source": "VOA"})
                if len(docs) == n:
                    return docs
        width += 1
    return docs


@pytest.fixture(scope="session")
def stories() -> list[dict]:
    return open_stories()


@pytest.fixture
def example_story() -> str:
    return (REPO / "examples" / "wire-story-2025-03-03.txt").read_text()
