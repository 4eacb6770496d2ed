"""The extension module behind `dyad` (Rust, PyO3). Use the `dyad` package's functions."""

from typing import Any, Optional, Sequence

import pyarrow

__version__: str
DEFAULT_MAX_DOC_BYTES: int

class InputError(ValueError):
    """A document (or file, or option) dyad cannot read; the message names it and its position."""

def code(
    docs: Any,
    *,
    threads: Optional[int] = ...,
    min_confidence: Optional[float] = ...,
    asserted_only: bool = ...,
    disable_rules: Sequence[str] = ...,
    date: Any = ...,
    max_doc_bytes: int = ...,
    doc_budget: float = ...,
    errors: str = ...,
) -> tuple[list[dict[str, Any]], list[str]]: ...
def code_arrow(
    docs: Any,
    *,
    threads: Optional[int] = ...,
    min_confidence: Optional[float] = ...,
    asserted_only: bool = ...,
    disable_rules: Sequence[str] = ...,
    date: Any = ...,
    max_doc_bytes: int = ...,
    doc_budget: float = ...,
    errors: str = ...,
) -> tuple[pyarrow.RecordBatch, list[str]]: ...
def code_batch(
    batch: pyarrow.RecordBatch,
    *,
    text_col: str = ...,
    id_col: Optional[str] = ...,
    date_col: Optional[str] = ...,
    threads: Optional[int] = ...,
    min_confidence: Optional[float] = ...,
    asserted_only: bool = ...,
    disable_rules: Sequence[str] = ...,
    date: Any = ...,
    max_doc_bytes: int = ...,
    doc_budget: float = ...,
    errors: str = ...,
) -> tuple[pyarrow.RecordBatch, list[str]]: ...
def event_schema() -> pyarrow.Schema: ...
def merge_batch(batch: pyarrow.RecordBatch, *, days: int = ...) -> pyarrow.RecordBatch: ...
def read(
    paths: Sequence[str], *, date: Any = ..., max_doc_bytes: int = ..., errors: str = ...
) -> tuple[list[dict[str, Any]], list[str]]: ...
def parse(docs: Any, *, date: Any = ..., max_doc_bytes: int = ...) -> str: ...
def explain_actor(phrase: str, date: Any = ..., *, context: str = ...) -> dict[str, Any]: ...
def rules() -> list[tuple[str, str]]: ...
def use_dictionary(path: str) -> None: ...
def store_parquet(path: str, filters: dict[str, Any], *, merged: bool = ...) -> bytes: ...
