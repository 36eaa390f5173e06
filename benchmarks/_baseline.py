"""A baseline commit checked out beside the working tree, for timing both in one run.

Benchmarks compare the code as it is with an earlier commit measured in the same
run on the same machine (a busy 2-core machine makes figures from different runs
incomparable). The baseline is a detached ``git worktree`` in a temporary
directory, removed afterwards.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


@contextmanager
def baseline_checkout(ref: str | None, into: Path) -> Iterator[Path | None]:
    """Check ``ref`` out into a detached git worktree at ``into`` and yield its ``src``.

    Yields None when ``ref`` is None or git cannot check it out (the reason is
    printed); the worktree is removed on leaving the block.
    """
    if not ref:
        yield None
        return
    done = subprocess.run(
        ["git", "-C", str(REPO), "worktree", "add", "--detach", str(into), ref],
        check=False,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        print(f"no baseline: git worktree add {ref} failed: {done.stderr.strip()}")
        yield None
        return
    try:
        yield into / "src"
    finally:
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "remove", "--force", str(into)],
            check=False,
            capture_output=True,
        )


PURE_READER_ENV = "RAILTRACK_BENCH_PURE_DAWG"
"""Set for a baseline run as it was installed, without pymorphy3's C++ reader (DAWG2)."""


def reader_env(src: Path) -> dict[str, str]:
    """Return the environment that runs the checkout ``src`` with the reader it asked for.

    A tree whose ``pyproject.toml`` does not ask for DAWG2 (before issue 15's session
    9) ran pymorphy3 with its pure-Python dictionary reader; a benchmark child run with
    this environment blocks the C++ one (:func:`follow_reader_env`). The two readers
    give the same analyses (``tests/test_morph_reader.py``), at different speeds.
    """
    project = src.parent / "pyproject.toml"
    if project.is_file() and "DAWG2" not in project.read_text(encoding="utf-8"):
        return {PURE_READER_ENV: "1"}
    return {}


def follow_reader_env() -> None:
    """In a benchmark child, block pymorphy3's C++ reader when :func:`reader_env` asked."""
    if os.environ.get(PURE_READER_ENV):
        assert "pymorphy3" not in sys.modules, "call before pymorphy3 is imported"
        sys.modules["dawg"] = None  # type: ignore[assignment]  # import dawg fails
