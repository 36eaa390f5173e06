"""A baseline commit checked out beside the working tree, for timing both in one run.

Benchmarks compare the code as it is with an earlier commit measured in the same
run on the same machine (a busy 2-core machine makes figures from different runs
incomparable). The baseline is a detached ``git worktree`` in a temporary
directory, removed afterwards.
"""

from __future__ import annotations

import subprocess
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
