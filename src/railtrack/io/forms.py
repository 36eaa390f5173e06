"""A post written as a form: "Label: value." pairs named with a table's column headers.

Some channels post a train as a filled-in form rather than a sentence: "Колькасць
вагонаў: 44. Адкуль: Смаленск. Куды: Брэст. Дата: 19.04.2023." ("Liczba wagonów: 44.
Skąd: Smoleńsk. Dokąd: Brześć.", "Number of cars: 44. From: Smolensk. To: Brest.").
Its labels are the column headers a spreadsheet of trains has, so such a post is read
as one row of a table, through the same header table
(``data/tables/header_aliases.csv``, :func:`railtrack.io.tables.map_headers`) and the
same cell rules (counts, dates, places), never as prose that tells nothing.

A text is a form when it is nothing but labelled values: at least two labels the
header table knows, each value short (at most ``MAX_VALUE_CHARS``), and at most a
short title before the first label. A label met again starts the next record (a post
listing two trains as two forms).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from railtrack.io.tables import map_headers, normalise_header

__all__ = ["MAX_LABEL_WORDS", "MAX_VALUE_CHARS", "FormRecord", "form_labels", "form_records"]

MAX_VALUE_CHARS = 60
"""The longest value a form's field holds; a longer one is prose (the text is no form)."""

MAX_LABEL_WORDS = 4
"""The most words a label has ("Liczba wagonów osobowych")."""

_TITLE_CHARS = 80
"""The most text a form may have before its first label (a title line, an emoji)."""

# where a label may start: the text's start, or after a sentence's end, a line break,
# a semicolon, a bullet or a dash between fields
_BOUNDARY = re.compile(r"(?:^|(?<=[.;!?\n|•·–—]))\s*")
# a label: words of letters (dots for abbreviations, "к-сть"), then a colon
_WORD = r"[^\W\d_][^\W\d_.\-/]*\.?"
_LABEL = re.compile(rf"(?P<label>{_WORD}(?:[ \-/]{_WORD}){{0,{MAX_LABEL_WORDS - 1}}})\s*:(?!\d)")
_TRAILING = re.compile(r"[\s.;,]+$")
_PARAGRAPH = re.compile(r"\n[^\S\n]*\n")


@dataclass(frozen=True)
class FormRecord:
    """One record of a form: each label as written -> its value, in the order written.

    ``line`` is the 1-based line of the body its first label is on.
    """

    values: dict[str, str]
    line: int


def _labels(body: str) -> list[tuple[int, int, str]]:
    """Return (start, end of the colon, label) of each labelled value, in order."""
    found: list[tuple[int, int, str]] = []
    for boundary in _BOUNDARY.finditer(body):
        match = _LABEL.match(body, boundary.end())
        if match is None:
            continue
        if found and match.start() < found[-1][1]:
            continue
        found.append((match.start(), match.end(), match["label"]))
    return found


def _form_parts(body: str) -> list[tuple[int, str, str]] | None:
    """Return (start, label, value) of each labelled value of a form-shaped text, else None.

    Form-shaped: at least two labels, each value short and within its paragraph, at most
    a short title first.
    """
    labels = _labels(body)
    if len(labels) < 2 or len(body[: labels[0][0]].strip()) > _TITLE_CHARS:
        return None
    parts = []
    for i, (start, end, label) in enumerate(labels):
        stop = labels[i + 1][0] if i + 1 < len(labels) else len(body)
        value = _TRAILING.sub("", body[end:stop].strip())
        if len(value) > MAX_VALUE_CHARS or _PARAGRAPH.search(value):
            # a value running past a blank line: labels over prose ("Время: 06.03.2023
            # ⏎ Канал: Гаюн ⏎⏎ Эшелон ... вышел"), a header block, no form
            return None
        parts.append((start, label, value))
    return parts


def form_labels(body: str) -> list[str]:
    """Return the labels of a text shaped as a form, known or not (empty for prose).

    Parameters
    ----------
    body : str
        A text report's body (after its header).

    Returns
    -------
    list of str
        The labels before each colon, in order; empty when the text is not shaped as
        a form.

    Examples
    --------
    >>> form_labels("Кол-во: 44. Локомотив: ЧМЭ3. Груз: танки.")
    ['Кол-во', 'Локомотив', 'Груз']
    >>> form_labels("Вчера в Брест прибыл эшелон из 44 вагонов.")
    []
    """
    parts = _form_parts(body)
    return [label for _, label, _ in parts] if parts else []


def form_records(body: str, columns: Mapping[str, str] | None = None) -> list[FormRecord] | None:
    """Return the records of a text written as a form, or None when it is prose.

    Parameters
    ----------
    body
        A report's text after its header.
    columns
        The user's own ``{header: field}`` mapping (``--columns``), as for a table.

    Returns
    -------
    list of FormRecord or None
        Each record's labels as written with their values (trailing ``.``/``;``
        dropped); None unless at least two labels are column headers the header
        table (or ``columns``) knows, every value is short and the text before the
        first label is a short title. Labels the table does not know are kept (the
        reader names them in a problem, as a table's unknown columns).

    Examples
    --------
    >>> [r.values for r in form_records(
    ...     "Колькасць вагонаў: 44. Адкуль: Смаленск. Куды: Брэст. Дата: 19.04.2023.")]
    [{'Колькасць вагонаў': '44', 'Адкуль': 'Смаленск', 'Куды': 'Брэст', 'Дата': '19.04.2023'}]
    >>> form_records("Uwaga: w nocy z Orszy do Mińska przejechał pociąg z 40 wagonami.") is None
    True
    >>> form_records("Время: 06.03.2023\\nКанал: Гаюн\\n\\nЭшелон из 40 вагонов прибыл.") is None
    True
    """
    parts = _form_parts(body)
    if parts is None or len(map_headers([p[1] for p in parts], columns).columns) < 2:
        return None
    records: list[FormRecord] = []
    values: dict[str, str] = {}
    seen: set[str] = set()
    line = body.count("\n", 0, parts[0][0]) + 1
    for start, label, value in parts:
        key = normalise_header(label)
        if key in seen:  # a label met again: the next train's form
            records.append(FormRecord(values, line))
            values, seen = {}, set()
            line = body.count("\n", 0, start) + 1
        seen.add(key)
        if value:
            values[label] = value
    records.append(FormRecord(values, line))
    return records
