from typing import Any, Optional, Sequence

from pyspark.sql import DataFrame

def event_schema_ddl() -> str: ...
def code(
    df: DataFrame,
    text_col: str = ...,
    id_col: Optional[str] = ...,
    date_col: Optional[str] = ...,
    *,
    threads: int = ...,
    min_confidence: Optional[float] = ...,
    asserted_only: bool = ...,
    disable_rules: Sequence[str] = ...,
    date: Any = ...,
    max_doc_bytes: int = ...,
    doc_budget: float = ...,
    errors: str = ...,
) -> DataFrame: ...
def merge(events: DataFrame, days: int = ..., outlet_col: Optional[str] = ...) -> DataFrame: ...
