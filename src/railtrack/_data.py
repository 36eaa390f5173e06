"""Where the embedded ``data/`` directory lives, installed or in a clone."""

from __future__ import annotations

from pathlib import Path

__all__ = ["data_path"]


def data_path(*parts: str) -> Path:
    """Return the path of the embedded data directory, or a path inside it.

    A wheel carries the repository's ``data/`` as ``railtrack/_data``; an editable
    install or a clone uses the repository's ``data/`` directly.

    Parameters
    ----------
    *parts
        Path components below ``data/``, e.g. ``data_path("network")``.

    Examples
    --------
    >>> data_path("network").name
    'network'
    """
    here = Path(__file__).resolve().parent
    for root in (here / "_data", here.parents[1] / "data"):
        if root.is_dir():
            return root.joinpath(*parts)
    msg = "railtrack's embedded data directory is missing; reinstall the package"
    raise FileNotFoundError(msg)
