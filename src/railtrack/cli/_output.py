"""Shared output helpers for the command modules: JSON lines, rich tables, exit codes."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from railtrack.errors import InputPathError

__all__ = [
    "EXIT_INPUT_PROBLEMS",
    "EXIT_OK",
    "EXIT_USAGE",
    "check_paths",
    "console",
    "err_console",
    "frame_table",
    "json_default",
    "print_json",
    "print_jsonl",
    "print_problems",
    "window_text",
]

EXIT_OK = 0
EXIT_INPUT_PROBLEMS = 1
EXIT_USAGE = 2

console = Console(highlight=False, width=None if sys.stdout.isatty() else 200)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def json_default(value: Any) -> Any:
    """Serialise dates, numpy scalars and pandas missing values for ``json.dumps``."""
    if isinstance(value, datetime | date | pd.Timestamp):
        return value.isoformat()
    if value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item"):
        return value.item()
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, set | tuple | frozenset):
        return list(value)
    if isinstance(value, Path):
        return str(value)
    msg = f"cannot serialise {type(value).__name__} to JSON"
    raise TypeError(msg)


def print_json(obj: Any) -> None:
    """Print one JSON document on stdout."""
    typer.echo(json.dumps(obj, default=json_default, ensure_ascii=False))


def print_jsonl(objs: Iterable[Any]) -> None:
    """Print one JSON object per line on stdout."""
    for obj in objs:
        typer.echo(json.dumps(obj, default=json_default, ensure_ascii=False))


def check_paths(paths: Sequence[Path]) -> None:
    """Raise :class:`InputPathError` naming the first path that does not exist."""
    for path in paths:
        if str(path) != "-" and not path.exists():
            msg = f"no such file or directory: {path}"
            raise InputPathError(msg)


def _cell(value: Any) -> str:
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and pd.isna(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, float):
        return f"{value:,.1f}"
    return str(value)


def frame_table(
    df: pd.DataFrame, *, title: str | None = None, columns: Sequence[str] = ()
) -> Table:
    """Render a DataFrame (or the chosen columns) as a rich table."""
    cols = [c for c in (columns or df.columns) if c in df.columns]
    table = Table(title=title, show_lines=False)
    for col in cols:
        numeric = pd.api.types.is_numeric_dtype(df[col]) and not pd.api.types.is_bool_dtype(df[col])
        table.add_column(str(col), justify="right" if numeric else "left", overflow="fold")
    for row in df[cols].itertuples(index=False):
        table.add_row(*(_cell(v) for v in row))
    return table


def window_text(earliest: Any, latest: Any) -> str:
    """Render a date window compactly: ``2023-03-01``, ``03-01..03-05``, ``>= 2023-03-08``."""
    lo, hi = _cell(earliest), _cell(latest)
    if lo and hi:
        return lo if lo == hi else f"{lo}..{hi[5:] if lo[:4] == hi[:4] else hi}"
    if lo:
        return f">= {lo}"
    return f"<= {hi}" if hi else ""


def print_skipped(skipped: Mapping[str, int]) -> None:
    """Print, on stderr, what was read and deliberately skipped (one line, by reason)."""
    if skipped:
        parts = ", ".join(f"{n:,} {reason}" for reason, n in sorted(skipped.items()))
        err_console.print(f"skipped: {parts}", markup=False, style="dim")


def print_problems(problems: Sequence[Any]) -> None:
    """Print input problems, one line each, on stderr."""
    if not problems:
        return
    err_console.print(f"[bold yellow]{len(problems)} problem(s) found:[/]")
    for problem in problems:
        err_console.print(f"  - {problem}", markup=False)
