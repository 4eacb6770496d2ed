from typing import Optional

from pyspark.sql import DataFrame
from typing_extensions import Unpack

from . import CodeOptions

def event_schema_ddl() -> str: ...
def code(
    df: DataFrame,
    text_col: str = ...,
    id_col: Optional[str] = ...,
    date_col: Optional[str] = ...,
    **options: Unpack[CodeOptions],
) -> DataFrame: ...
def merge(events: DataFrame, days: int = ..., outlet_col: Optional[str] = ...) -> DataFrame: ...
