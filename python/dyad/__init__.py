"""dyad: political event data from news text, from Python.

Who did what to whom, where and when, coded in PLOVER and CAMEO, by the same Rust code as the
``dyad`` command line (this package is built from it with PyO3; nothing is reimplemented):

>>> import dyad
>>> events = dyad.code("BUDAPEST, September 20. /TASS/. The Russian Foreign Ministry has called on ...")
>>> events[0]["plover"]["event"], events[0]["source"][0]["code"]
('REQUEST', 'RUSGOV')

Events have the fields of CONTRACT.md's event output (``dyad code``'s JSON lines). Documents are
a str (the text) or a dict with CONTRACT.md's document fields (``text`` required; ``id``,
``date``, ``title``, ``url``, ``source``, ``language``; others are kept), one or many.

Coding releases the GIL and uses all cores on a batch (``threads=1`` for one). A document dyad
cannot read raises :class:`InputError` naming it (``docs[3]: "text" must be a string``) before
anything is coded; ``errors="skip"`` codes the others and warns about each.

``dyad.spark`` codes Spark DataFrames (``mapInArrow``) and merges their events.
"""

from __future__ import annotations

import io
import os
import warnings
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional, Sequence, Union

from . import _dyad
from ._dyad import InputError

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    import pyarrow

__version__: str = _dyad.__version__
DEFAULT_MAX_DOC_BYTES: int = _dyad.DEFAULT_MAX_DOC_BYTES

__all__ = [
    "InputError",
    "code",
    "code_arrow",
    "code_pandas",
    "event_schema",
    "read",
    "parse",
    "explain_actor",
    "rules",
    "use_dictionary",
    "Store",
    "__version__",
]

Document = Union[str, Mapping[str, Any]]
Documents = Union[Document, Iterable[Document]]


class DyadWarning(UserWarning):
    """A document skipped (``errors="skip"``, or over the time budget) or an id renamed."""


def _not_a_table(docs: Any) -> None:
    # iterating a DataFrame yields its column names, which would be coded as texts
    if hasattr(docs, "columns") or hasattr(docs, "schema"):
        raise TypeError(
            f"dyad.code takes documents (str or dict, or an iterable of them), not a {type(docs).__name__}; "
            "use dyad.code_pandas for a pandas DataFrame and dyad.spark.code for a Spark one"
        )


def _warn(messages: Sequence[str]) -> None:
    for m in messages:
        warnings.warn(m, DyadWarning, stacklevel=3)


def code(
    docs: Documents,
    *,
    threads: Optional[int] = None,
    min_confidence: Optional[float] = None,
    asserted_only: bool = False,
    disable_rules: Sequence[str] = (),
    date: Any = None,
    max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES,
    doc_budget: float = 60.0,
    errors: str = "raise",
) -> list[dict[str, Any]]:
    """Codes documents into events, as ``dyad code`` does.

    Args:
        docs: a document or an iterable of them; a document is a str (its text) or a dict with
            ``text`` and optionally ``id``, ``date`` (publication date, ISO 8601), ``title``,
            ``url``, ``source``, ``language``.
        threads: worker threads (default: all cores).
        min_confidence: drop events below this confidence (default dyad's threshold; 0 keeps all).
        asserted_only: drop negated, future, hypothetical and reported events.
        disable_rules: ids of coder rules to switch off (see :func:`rules`).
        date: publication date of documents without one ("YYYY-MM-DD" or a ``datetime.date``);
            also gives yearless datelines their year (``--date``).
        max_doc_bytes: larger documents are unreadable (``--max-doc-bytes``).
        doc_budget: seconds a document may take; one that takes longer is skipped with a warning
            (0: no limit).
        errors: ``"raise"`` (an unreadable document raises :class:`InputError` before anything is
            coded) or ``"skip"`` (it is skipped with a warning).

    Returns:
        The events as dicts with CONTRACT.md's fields, documents in input order.
    """
    _not_a_table(docs)
    events, notes = _dyad.code(
        docs,
        threads=threads,
        min_confidence=min_confidence,
        asserted_only=asserted_only,
        disable_rules=list(disable_rules),
        date=date,
        max_doc_bytes=max_doc_bytes,
        doc_budget=doc_budget,
        errors=errors,
    )
    _warn(notes)
    return events


def code_arrow(docs: Documents, **options: Any) -> "pyarrow.Table":
    """Codes documents (as :func:`code`, same options) into a ``pyarrow.Table`` of the event
    schema (:func:`event_schema`): CONTRACT.md's fields, ``source``/``target`` as lists of actor
    structs, ``plover``, ``trigger``, ``quote`` and ``location`` as structs, ``date`` a date."""
    import pyarrow as pa

    _not_a_table(docs)
    batch, notes = _dyad.code_arrow(docs, **options)
    _warn(notes)
    return pa.Table.from_batches([batch])


def code_pandas(
    df: "pandas.DataFrame",
    text_col: str = "text",
    id_col: Optional[str] = "id",
    date_col: Optional[str] = "date",
    **options: Any,
) -> "pandas.DataFrame":
    """Codes the rows of a DataFrame into a DataFrame of events (one row per event).

    ``text_col`` holds the texts; ``id_col`` and ``date_col`` (used when the DataFrame has them)
    the document ids and publication dates (strings, dates or timestamps); columns named
    ``title``, ``url``, ``source`` and ``language`` are read too. Without an id column a
    document's id is a hash of its text, as in ``dyad code``. Options as :func:`code`.
    Events' ``doc_id`` joins them back to the rows. Nested fields stay nested (``source`` is a
    list of dicts, ``plover`` a dict); ``pandas.json_normalize`` or the ``event`` helper columns
    flatten them: ``event``, ``source_code`` and ``target_code`` are added for convenience.
    """
    import pyarrow as pa

    columns = [text_col]
    id_col = id_col if id_col in df.columns else None
    date_col = date_col if date_col in df.columns else None
    for c in (id_col, date_col, "title", "url", "source", "language"):
        if c is not None and c in df.columns and c not in columns:
            columns.append(c)
    if text_col not in df.columns:
        raise InputError(f'no column "{text_col}" (the columns are: {", ".join(map(str, df.columns))})')
    table = pa.Table.from_pandas(df[columns], preserve_index=False)
    events = _code_table(table, text_col, id_col, date_col, options)
    out = events.to_pandas()
    out["event"] = [p["event"] if p else None for p in out["plover"]]
    out["source_code"] = [";".join(a["code"] for a in s) if s is not None else "" for s in out["source"]]
    out["target_code"] = [";".join(a["code"] for a in t) if t is not None else "" for t in out["target"]]
    return out


def _code_table(table: "pyarrow.Table", text_col, id_col, date_col, options) -> "pyarrow.Table":
    import pyarrow as pa

    batches = []
    # one batch (unless the texts pass 2 GiB), so that repeated ids are renamed across the
    # whole frame, as within one `dyad code` run
    for batch in table.combine_chunks().to_batches():
        events, notes = _dyad.code_batch(batch, text_col=text_col, id_col=id_col, date_col=date_col, **options)
        _warn(notes)
        batches.append(events)
    return pa.Table.from_batches(batches, schema=event_schema())


def event_schema() -> "pyarrow.Schema":
    """The Arrow schema of :func:`code_arrow`'s tables (and of ``dyad.spark.code``'s rows)."""
    return _dyad.event_schema()


PathLike = Union[str, "os.PathLike[str]"]


def read(
    paths: Union[PathLike, Sequence[PathLike]],
    *,
    date: Any = None,
    max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES,
    errors: str = "raise",
) -> list[dict[str, Any]]:
    """What dyad makes of files and folders before coding (as ``dyad read``): each document's
    id, text (dateline removed), date, parsed dateline, metadata and origin (file and line).

    Paths are ``.jsonl``, ``.txt``, ``.html`` files, feeds (``.rss``, ``.atom``, ``.rdf``,
    ``.xml``) or folders of them. An unreadable document raises :class:`InputError` naming the
    file and line (``errors="skip"``: a warning)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    docs, notes = _dyad.read([os.fspath(p) for p in paths], date=date, max_doc_bytes=max_doc_bytes, errors=errors)
    _warn(notes)
    return docs


def parse(text: Documents, *, date: Any = None) -> str:
    """Tags and parses text (or documents, as :func:`code` takes them) into CoNLL-U, as
    ``dyad parse`` does: sentence ids ``DOCID-N``, UPOS, XPOS, lemma, head and relation."""
    return _dyad.parse(text, date=date)


def explain_actor(phrase: str, date: Any = None, *, context: str = "") -> dict[str, Any]:
    """Why a phrase gets the actor code it gets (as ``dyad actors explain``): the dictionary
    entries it matches (with their dated roles), the mentions they compose to, the place it
    names, and ``code``/``rule``: what the phrase resolves to after ``context`` (earlier text of
    the document) on ``date`` (for date-bounded roles such as office holders)."""
    return _dyad.explain_actor(phrase, date, context=context)


def rules() -> list[tuple[str, str]]:
    """The coder's named rules, ``(id, what it does)``; ids for ``disable_rules``."""
    return _dyad.rules()


def use_dictionary(path: PathLike) -> None:
    """Adds a user dictionary (TSV ``actor``, ``agent`` and ``place`` lines, as ``--dict``) to
    the embedded ones; call it before anything is coded in the process."""
    _dyad.use_dictionary(os.fspath(path))


class Store:
    """A store written by ``dyad ingest`` (a SQLite file), queried without the command line.

    >>> store = dyad.Store("dyad.db")
    >>> df = store.events(actor="RUS", type="ASSAULT", since="2024-01")

    ``events`` returns the columns of ``dyad export --format parquet``: one row per event
    mention (``merged=True``: per merged event, with its counts), actors as lists of structs.
    """

    def __init__(self, path: PathLike) -> None:
        self.path = os.fspath(path)
        # opened now, so that a wrong path or a file that is not a store fails here
        _dyad.store_parquet(self.path, {"limit": 0})

    def __repr__(self) -> str:
        return f"dyad.Store({self.path!r})"

    def events_arrow(self, *, merged: bool = False, **filters: Any) -> "pyarrow.Table":
        """The matching event mentions (or merged events) as a ``pyarrow.Table``.

        Filters (those of ``dyad events``): ``run`` (default the latest), ``actor`` and
        ``recipient`` (code prefixes of source and target), ``country`` (either side), ``type``
        (PLOVER), ``mode``, ``quad`` (1-4), ``since`` and ``until`` (``YYYY``, ``YYYY-MM`` or
        ``YYYY-MM-DD``), ``place``, ``asserted_only``, ``q`` (full-text search), ``limit``."""
        import pyarrow.parquet as pq

        data = _dyad.store_parquet(self.path, filters, merged=merged)
        return pq.read_table(io.BytesIO(data))

    def events(self, *, merged: bool = False, **filters: Any) -> "pandas.DataFrame":
        """The matching event mentions (or merged events) as a DataFrame (filters as
        :meth:`events_arrow`)."""
        return self.events_arrow(merged=merged, **filters).to_pandas()
