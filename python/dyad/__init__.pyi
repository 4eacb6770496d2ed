"""dyad: political event data from news text (typed interface; see __init__.py's docstrings)."""

import os
from typing import Any, Iterable, Mapping, Optional, Sequence, TypedDict, Union

import pandas
import pyarrow
from typing_extensions import Unpack

from ._dyad import InputError as InputError

__version__: str
DEFAULT_MAX_DOC_BYTES: int

Document = Union[str, Mapping[str, Any]]
Documents = Union[Document, Iterable[Document]]
PathLike = Union[str, os.PathLike[str]]
Event = dict[str, Any]

class CodeOptions(TypedDict, total=False):
    """The options of every coding call (those of `dyad code`)."""

    threads: Optional[int]
    min_confidence: Optional[float]
    asserted_only: bool
    disable_rules: Sequence[str]
    date: Any
    max_doc_bytes: int
    doc_budget: float
    errors: str

class Filters(TypedDict, total=False):
    """The filters of `dyad events`."""

    run: Optional[int]
    actor: Optional[str]
    recipient: Optional[str]
    country: Optional[str]
    type: Optional[str]
    mode: Optional[str]
    quad: Optional[int]
    since: Optional[str]
    until: Optional[str]
    place: Optional[str]
    asserted_only: bool
    q: Optional[str]
    limit: Optional[int]

class DyadWarning(UserWarning): ...

def code(docs: Documents, **options: Unpack[CodeOptions]) -> list[Event]: ...
def code_arrow(docs: Documents, **options: Unpack[CodeOptions]) -> pyarrow.Table: ...
def code_pandas(
    df: pandas.DataFrame,
    text_col: str = ...,
    id_col: Optional[str] = ...,
    date_col: Optional[str] = ...,
    **options: Unpack[CodeOptions],
) -> pandas.DataFrame: ...
def event_schema() -> pyarrow.Schema: ...
def read(
    paths: Union[PathLike, Sequence[PathLike]],
    *,
    date: Any = ...,
    max_doc_bytes: int = ...,
    errors: str = ...,
) -> list[dict[str, Any]]: ...
def parse(text: Documents, *, date: Any = ...) -> str: ...
def explain_actor(phrase: str, date: Any = ..., *, context: str = ...) -> dict[str, Any]: ...
def rules() -> list[tuple[str, str]]: ...
def use_dictionary(path: PathLike) -> None: ...

class Store:
    path: str
    def __init__(self, path: PathLike) -> None: ...
    def events_arrow(self, *, merged: bool = ..., **filters: Unpack[Filters]) -> pyarrow.Table: ...
    def events(self, *, merged: bool = ..., **filters: Unpack[Filters]) -> pandas.DataFrame: ...
