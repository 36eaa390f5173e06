"""Small helpers for building large frames without copying repeated text.

pandas 3 stores text columns as arrow strings, which copies every value. Columns
whose values repeat across many rows (a route label shared by every train on the
route, hundreds of station names long on a national network) are better kept as
categoricals whose categories are the distinct values, stored once.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = ["parquet_ready", "shared_categorical"]


def shared_categorical(values: Sequence[str | None]) -> pd.Categorical:
    """Return ``values`` as a categorical with sorted categories, each stored once.

    The categories are an object index of the distinct strings themselves, so no
    value is copied; None becomes missing.

    Examples
    --------
    >>> cat = shared_categorical(["b → c", None, "a → b", "b → c"])
    >>> list(cat.categories), cat.codes.tolist()
    (['a → b', 'b → c'], [1, -1, 0, 1])
    """
    distinct = sorted({v for v in values if v is not None})
    code = {v: i for i, v in enumerate(distinct)}
    codes = np.fromiter(
        (-1 if v is None else code[v] for v in values), dtype=np.int32, count=len(values)
    )
    return pd.Categorical.from_codes(codes, categories=pd.Index(distinct, dtype=object))


def parquet_ready(df: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``df`` whose object cells that are not text are written as text.

    Parquet needs one type per column; a column mixing text with lists or numbers
    (an id column read from several files) is written as text, missing kept.

    Examples
    --------
    >>> out = parquet_ready(pd.DataFrame({"a": ["x", 1, None, float("nan")]}, dtype=object))["a"]
    >>> out.tolist()[:2], out.isna().tolist()[2:]
    (['x', '1'], [True, True])
    """
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object:
            out[col] = out[col].map(_text_or_missing)
    return out


def _text_or_missing(value: object) -> str | None:
    """Return ``value`` as text, or None when it is missing (None, NaN, NA, NaT)."""
    if value is None or isinstance(value, str):
        return value
    if value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    return str(value)
