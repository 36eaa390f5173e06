"""Text report files written by tests: a ``source:``/``relayed_by:``/``published:`` header,
a blank line and the text, as ``railtrack load`` reads them (data/reports/README.md)."""

from __future__ import annotations

from pathlib import Path


def write_report(folder: Path, name: str, text: str, published: str, **head: str) -> None:
    """Write one text report ``folder/name`` (the folder is made when missing).

    ``head`` may give ``source`` (default: Беларускі Гаюн) and ``relayed_by``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    lines = [f"source: {head.get('source', 'Беларускі Гаюн')}"]
    if "relayed_by" in head:
        lines.append(f"relayed_by: {head['relayed_by']}")
    lines.append(f"published: {published}")
    (folder / name).write_text("\n".join(lines) + f"\n\n{text}\n", encoding="utf-8")
