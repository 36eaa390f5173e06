"""Read a free-text report file (``.txt``, ``.md``): an optional header, then prose.

The header is a block of ``key: value`` lines at the top of the file, ended by a
blank line (a Markdown file may fence it with ``---`` lines instead)::

    source: Belarusian Hajun
    published: 2023-03-03
    url: https://example.org/report
    relayed_by: Polskie Nowiny
    reliability: C
    id: hajun-2023-03-03

    Two more military echelons have left Belarus ...

Keys: ``source`` (the reporter), ``published`` (YYYY-MM-DD), ``url``, ``relayed_by``,
``reliability`` (A-F), ``id`` (the report id, else the file name), ``lang`` (or
``language``: en, ru, uk, be or pl; used when the text is too short to tell its
language). Each key may also be written in the report's language ("Источник",
"Дата", "Джерело", "Крыніца", "Źródło", "Data", ...: ``_ALIASES``), and
``published`` may be ``DD.MM.YYYY`` or one day with its month's name ("6 марта
2023 г."). A file without a header is all text and is dated with the ``published``
argument; one that starts with ``key: value`` lines whose keys railtrack does not
know gets a problem saying they were not read. The text goes
through :func:`railtrack.extract.extract_shipments`.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import ValidationError

from railtrack.extract import LANGUAGES, Extraction, extract_shipments
from railtrack.io._decode import NotText, read_text
from railtrack.models import Shipment, ShipmentGroup, Sighting, Source
from railtrack.safetext import shown

if TYPE_CHECKING:
    from railtrack.io.reportset import Problem
    from railtrack.network import RailNetwork

__all__ = [
    "HEADER_KEYS",
    "as_problem",
    "extract_text_report",
    "read_text_report",
    "split_header",
    "text_report",
]

logger = logging.getLogger(__name__)

HEADER_KEYS = ("source", "published", "url", "relayed_by", "reliability", "id", "lang")
"""Header keys a text report may start with."""

_ALIASES = {
    "reporter": "source",
    "date": "published",
    "relayed by": "relayed_by",
    "link": "url",
    "language": "lang",
    # the same keys in the languages railtrack reads (trial F103): ru, uk, be, pl
    "источник": "source",
    "джерело": "source",
    "крыніца": "source",
    "źródło": "source",
    "krynica": "source",  # Belarusian Łacinka
    "spasyłka": "url",
    "mova": "lang",
    "zrodlo": "source",
    "автор": "source",
    "autor": "source",
    "дата": "published",
    "дата публикации": "published",
    "дата публікації": "published",
    "дата публікацыі": "published",
    "опубликовано": "published",
    "опубліковано": "published",
    "апублікавана": "published",
    "data": "published",
    "data publikacji": "published",
    "opublikowano": "published",
    "ссылка": "url",
    "посилання": "url",
    "спасылка": "url",
    "адрес": "url",
    "адреса": "url",
    "адрас": "url",
    "adres": "url",
    "odnośnik": "url",
    "язык": "lang",
    "мова": "lang",
    "język": "lang",
    "jezyk": "lang",
    "надёжность": "reliability",
    "надежность": "reliability",
    "надійність": "reliability",
    "надзейнасць": "reliability",
    "wiarygodność": "reliability",
    "ретранслятор": "relayed_by",
    "переслано": "relayed_by",
    "przekazał": "relayed_by",
}
"""Header keys as users write them, casefolded, to the key they stand for."""

# a key of letters in any script, up to a few words ("Дата публикации", "Źródło")
_HEADER_LINE_RE = re.compile(
    r"^\s*(?P<key>[^\W\d_][^\W\d]*(?:[ -][^\W\d]+){0,3}?)\s*:\s*(?P<value>.*?)\s*$"
)


def _key(raw: str) -> str | None:
    key = raw.strip().casefold().replace("-", "_")
    key = _ALIASES.get(key.replace("_", " "), key)
    return key if key in HEADER_KEYS else None


def _header_like(lines: list[str]) -> list[str]:
    """Return the keys of the ``key: value`` lines a file starts with, if it reads as a header.

    Two or more such lines, each with a value, before the first blank line: a
    header, though not one whose keys railtrack knows ("Время: ...", "Kanał: ...").
    """
    keys: list[str] = []
    for line in lines:
        if not line.strip():
            break
        m = _HEADER_LINE_RE.match(line)
        if m is None or not m["value"]:
            return []
        keys.append(m["key"].strip())
    return keys if len(keys) >= 2 and len(keys) < len(lines) else []


def _header_without_blank_line(
    lines: list[str], start: int
) -> tuple[dict[str, tuple[int, str]], str, int, list[str]] | None:
    """Read a header that no blank line closes: the leading lines of known keys.

    "Date: 2023-04-10" then the text on the next line (trial F124): the header ends
    at the first line that is not a known ``key: value``, and a line of the text with a
    colon in it ("Relaying Hajun: the train ...") is text, not an unknown key. None when
    a blank line closes a block of ``key: value`` lines (:func:`split_header` reads it)
    or the first line is no known key.
    """
    block_end = next((k for k in range(start, len(lines)) if not lines[k].strip()), len(lines))
    matched = [_HEADER_LINE_RE.match(line) for line in lines[start:block_end]]
    # a blank line closes the header only when text follows it (not a file's last newline)
    closed = any(line.strip() for line in lines[block_end:])
    if closed and all(m is not None and m["value"] for m in matched):
        return None
    fields: dict[str, tuple[int, str]] = {}
    first = start  # the first line of the text
    for m in matched:
        key = _key(m["key"]) if m is not None and m["value"] else None
        if m is None or key is None:
            break
        fields[key] = (first + 1, m["value"])
        first += 1
    if not fields:
        return None
    return fields, "\n".join(lines[first:]), first + 1, []


def _knows_a_key(keys: list[str]) -> bool:
    """Whether one of a header's ``keys`` is one railtrack reads.

    >>> _knows_a_key(["Krynica", "Data"]), _knows_a_key(["Время", "Kanał"])
    (True, False)
    """
    return any(_key(k) is not None for k in keys)


def split_header(text: str) -> tuple[dict[str, tuple[int, str]], str, int, list[str]]:
    """Split a report into its header fields and its body.

    Parameters
    ----------
    text
        The whole file.

    Returns
    -------
    tuple
        ``(fields, body, body_line, problems)``: fields map a key to (line number,
        value); ``body_line`` is the 1-based line where the body starts; problems
        name header lines that were not understood.

    Examples
    --------
    >>> fields, body, line, problems = split_header(
    ...     "source: Hajun\\npublished: 2023-03-03\\n\\nA train left.")
    >>> fields["published"], body, line
    ((2, '2023-03-03'), 'A train left.', 4)
    >>> split_header("A train left Gomel: 40 cars.")[0]
    {}
    """
    lines = text.split("\n")
    start = 0
    fenced = bool(lines) and lines[0].strip() == "---"
    if fenced:
        start = 1
    fields: dict[str, tuple[int, str]] = {}
    problems: list[str] = []
    opened = None if fenced else _header_without_blank_line(lines, start)
    if opened is not None:
        return opened
    end = start
    while end < len(lines):
        line = lines[end]
        if fenced and line.strip() == "---":
            break
        if not fenced and not line.strip():
            break
        m = _HEADER_LINE_RE.match(line)
        key = _key(m["key"]) if m else None
        # a header whose first key is unknown is still a header when another key is known
        # ("Krynica: ...", then "Data: ...": trial F112); its unknown keys are reported
        first_unknown = m is not None and key is None and end == start
        if first_unknown and not fenced and _knows_a_key(_header_like(lines[start:])):
            first_unknown = False
        if m is None or first_unknown:
            if fenced:
                problems.append(f"line {end + 1}: not a 'key: value' header line; ignored")
                end += 1
                continue
            # no header: the whole file is text; say so when it looks like one
            unknown = _header_like(lines[start:]) if m is not None else []
            if unknown:
                shown_keys = ", ".join(repr(k) for k in unknown[:4])
                return (
                    {},
                    text,
                    1,
                    [
                        f"line 1: the first {len(unknown)} lines look like a header "
                        f"({shown_keys}) "
                        f"but no key is one railtrack reads ({', '.join(HEADER_KEYS)}, "
                        "or Дата/Источник/Джерело/Крыніца/Data/Źródło); read as text"
                    ],
                )
            return {}, text, 1, []
        if key is None:
            problems.append(f"line {end + 1}: unknown header key {m['key'].strip()!r}; ignored")
        else:
            fields[key] = (end + 1, m["value"])
        end += 1
    if end >= len(lines) and not fenced:
        # Only key: value lines and no blank line: a header with no text.
        return fields, "", len(lines) + 1, problems
    body = "\n".join(lines[end + 1 :])
    return fields, body, end + 2, problems


_YEAR_WORD = re.compile(r"(?<=\d)\s*(?:г|гг|года?|р|року|рок|гады|r|roku)\.?\s*$", re.IGNORECASE)


def _header_day(raw: str) -> date | None:
    """Return the day a ``published`` header gives, in any form a record's date takes.

    ISO (a timestamp gives its day), ``DD.MM.YYYY``, and one day written with its
    month's name in any language railtrack reads ("6 марта 2023 г.", "6 marca 2023
    r."), read as a table's date cell is (:func:`railtrack.io._records.parse_window`).

    Examples
    --------
    >>> _header_day("2023-03-03T10:15"), _header_day("6 marca 2023 r.")
    (datetime.date(2023, 3, 3), datetime.date(2023, 3, 6))
    >>> _header_day("early March 2023") is None, _header_day("soon") is None
    (True, True)
    """
    from railtrack.io._records import RecordError, parse_window

    cleaned = raw.strip().strip("'\"")
    if cleaned[10:11] in ("T", " ") and cleaned[:4].isdigit():
        cleaned = cleaned[:10]
    cleaned = _YEAR_WORD.sub("", cleaned)
    try:
        window = parse_window(cleaned, field="published")
    except (RecordError, ValueError):
        return None
    if window is None or window.get("earliest") is None:
        return None
    first, last = window["earliest"], window.get("latest")
    return first if isinstance(first, date) and first == last else None


def _out_of_range(raw: str) -> str | None:
    """Return why a ``published`` header in a date's form has an impossible year, else None.

    Examples
    --------
    >>> _out_of_range("2203-03-16")
    'date 2203-03-16 is outside the plausible range 1900-01-01..2100-12-31'
    >>> _out_of_range("16.03.2203") is not None, _out_of_range("2023-03-16") is None
    (True, True)
    >>> _out_of_range("soon") is None
    True
    """
    from railtrack.models import check_plausible

    cleaned = raw.strip().strip("'\"")[:10]
    iso = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", cleaned)
    dotted = re.match(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$", cleaned)
    try:
        if iso:
            day = date(int(iso[1]), int(iso[2]), int(iso[3]))
        elif dotted:
            day = date(int(dotted[3]), int(dotted[2]), int(dotted[1]))
        else:
            return None
        check_plausible(day)
    except ValueError as exc:
        text = str(exc)
        return text if "plausible range" in text else None
    return None


def _markdown_to_text(body: str) -> str:
    """Drop Markdown heading marks and emphasis; headings become their own sentences."""
    body = re.sub(r"(?m)^\s{0,3}#{1,6}\s*(.*?)\s*#*\s*$", r"\n\1\n", body)
    body = re.sub(r"(\*\*|__)(.+?)\1", r"\2", body)
    return re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", body)


def extract_text_report(
    text: str,
    *,
    name: str,
    published: date | None,
    network: RailNetwork | Literal[False] | None = None,
    markdown: bool = False,
    lang: str | None = None,
) -> tuple[Extraction, list[str]]:
    """Read the shipments of a report's full text (header and body).

    Parameters
    ----------
    text
        The whole report: optional ``key: value`` header, blank line, then prose.
    name
        What to call the report in problems (the file name, or ``<stdin>``); its
        stem is the report id when the header gives none.
    published
        Publication date used when the header gives none.
    network
        Resolves station names (None: the embedded network; False: keep as written).
    markdown
        Whether the body is Markdown (heading marks and links are dropped).
    lang
        Language declared by the caller; a ``lang`` header takes precedence.

    Returns
    -------
    tuple
        ``(extraction, problems)``: problems with the input (header lines, dates
        that cannot be resolved), each naming ``name``. Unresolved station names are
        flagged on the places and listed in ``extraction.unresolved``.

    Examples
    --------
    >>> result, problems = extract_text_report(
    ...     "source: Hajun\\npublished: 2023-03-03\\n\\nA military train left Orsha yesterday.",
    ...     name="r.txt", published=None, network=False)
    >>> result.shipments[0].departure.earliest, result.shipments[0].source.reporter, problems
    (datetime.date(2023, 3, 2), 'Hajun', [])
    """
    fields, body, body_line, header_problems = split_header(text)
    problems = [f"{name} {p}" for p in header_problems]

    def value(key: str) -> str | None:
        item = fields.get(key)
        return item[1] if item and item[1] else None

    day = published
    if value("published"):
        line, raw = fields["published"]
        read = _header_day(raw)
        where = f"{name} line {line}, field 'published': {shown(raw)}"
        today = datetime.now(UTC).date()
        if read is None and (out_of_range := _out_of_range(raw)) is not None:
            problems.append(f"{where}: the year is out of range ({out_of_range})")
        elif read is None:
            problems.append(
                f"{where} is not a date "
                "(YYYY-MM-DD, DD.MM.YYYY or a day with its month's name: 6 марта 2023)"
            )
        elif read > today:
            # a year typo ("2033" for "2023") would move the knowledge date and the
            # briefing's period by years (trial11 T22): the report keeps its rows, dated
            # as a report without a published header is
            problems.append(
                f"{where} is after today ({today.isoformat()}): a typo? The report is "
                "kept with its publication date unknown"
            )
        else:
            day = read
    source_fields: dict[str, Any] = {
        "reporter": value("source") or "unknown",
        "relayed_by": value("relayed_by"),
        "url": value("url"),
        "published": day,
    }
    if value("reliability"):
        source_fields["reliability"] = value("reliability")
    try:
        source = Source(**source_fields)
    except ValidationError:
        line = fields["reliability"][0]
        problems.append(
            f"{name} line {line}, field 'reliability': {value('reliability')!r} is not "
            "a grade A-F; F (cannot be judged) used"
        )
        source_fields.pop("reliability")
        source = Source(**source_fields)
    if markdown:
        body = _markdown_to_text(body)
    if not body.strip():
        problems.append(f"{name}: the report has no text after its header")
        return Extraction(), problems
    report_id = value("id") or Path(name).stem.strip("<>")
    declared = value("lang") or lang
    if declared is not None and declared.strip().lower()[:2] not in LANGUAGES:
        line = fields["lang"][0] if value("lang") else 0
        where = f" line {line}, field 'lang'" if line else ""
        problems.append(
            f"{name}{where}: {declared!r} is not a language railtrack reads "
            f"({', '.join(LANGUAGES)}); the language is detected from the text"
        )
        declared = None
    result = extract_shipments(
        body, published=day, source=source, network=network, report_id=report_id, lang=declared
    )
    # Unresolved names are flagged on the places (Place.unresolved), as for the other
    # formats; only problems with the input itself are reported here.
    unresolved = set(result.unresolved)
    problems.extend(
        _located(p, name, body, body_line) for p in result.problems if p not in unresolved
    )
    # trains counted over a period are read, not listed: said, never silent (trial10 T2)
    # (each on the line of its own count: two lines of "2 эшелона" are two lines, T9)
    problems.extend(
        _located(p, name, body, body_line, at=t.start)
        for p, t in zip(result.tally_notes(), result.tallies, strict=True)
    )
    # a retraction lists no train, and says which one it retracts (trial15 T2)
    problems.extend(_located(p, name, body, body_line) for p in result.retraction_notes())
    return result, problems


_QUOTED = re.compile(r"'([^'\n]+)'|\"([^\"\n]+)\"")


def _located(problem: str, name: str, body: str, body_line: int, *, at: int | None = None) -> str:
    """Return a text report's problem naming the line of the words it quotes.

    A problem that quotes the report's words ("cannot date '29 февраля 2023 года'")
    names the line they are on, counted in the file (trial F80: "line 1" sent the
    user to the top of a long file); any other names the line the text starts on.
    ``at``, the offset in ``body`` of the words the problem is about, names their
    line where the same words are on several (a digest's "2 эшелона" on two lines).

    Examples
    --------
    >>> _located("cannot date '31 June': no such day", "r.txt", "One.\\n\\nOn 31 June ...", 3)
    "r.txt line 5: cannot date '31 June': no such day"
    >>> _located("report is in lt", "r.txt", "Labas.", 1)
    'r.txt (text from line 1): report is in lt'
    """
    found = _QUOTED.search(problem)
    words = (found[1] or found[2]) if found else None
    if at is None or not 0 <= at < len(body):
        at = body.find(words) if words else -1
    if at < 0:
        return f"{name} (text from line {body_line}): {problem}"
    return f"{name} line {body_line + body.count(chr(10), 0, at)}: {problem}"


def as_problem(message: str, name: str) -> Problem:
    """Return a text report's problem message as a :class:`~railtrack.io.Problem`.

    :func:`extract_text_report` writes problems as one line each ("f.txt line 3,
    field 'published': ...", "f.txt (text from line 4): ..."); this gives them the
    structured shape every other input's problems have: the file as ``path``, the
    line as ``row`` (``unit`` "line"), the header field as ``field``. The report id
    extraction puts first is left out when it is the file's own name.

    Parameters
    ----------
    message
        One problem line from :func:`extract_text_report`.
    name
        The report file's name (as the message starts with it).

    Returns
    -------
    Problem
        ``path`` is ``name``; ``row`` and ``field`` None when the message gives none.

    Examples
    --------
    >>> p = as_problem("lt.txt (text from line 4): lt: report is in lt", "lt.txt")
    >>> p.path, p.row, p.unit, p.field, p.message
    ('lt.txt', 4, 'line', None, 'report is in lt')
    >>> str(as_problem("f.txt line 2, field 'lang': 'xx' is not a language", "f.txt"))
    "f.txt line 2, field 'lang': 'xx' is not a language"
    """
    from railtrack.io.reportset import Problem

    found = _PROBLEM.match(message)
    if found is None or found["name"] != name:
        return Problem(name, None, None, message, "line")
    row = found["line"] or found["body"]
    text = found["message"]
    stem = Path(name).stem.strip("<>")
    if (found["body"] or found["line"]) and text.startswith(f"{stem}: "):
        text = text[len(stem) + 2 :]
    return Problem(name, int(row) if row else None, found["field"], text, "line")


_PROBLEM = re.compile(
    r"^(?P<name>.+?)(?: line (?P<line>\d+))?(?:, field '(?P<field>[^']+)')?"
    r"(?: \(text from line (?P<body>\d+)\))?: (?P<message>.*)$",
    re.DOTALL,
)


def read_text_report(
    path: Path,
    *,
    published: date | None,
    network: RailNetwork | Literal[False] | None = None,
) -> tuple[list[Shipment], list[ShipmentGroup], list[Sighting], list[str]]:
    """Read the shipments, groups and sightings of one free-text report file.

    Parameters
    ----------
    path
        A ``.txt`` or ``.md`` file: optional ``key: value`` header, blank line, text.
    published
        Publication date used when the header gives none.
    network
        Resolves station names (None: the embedded network; False: keep as written).

    Returns
    -------
    tuple
        ``(shipments, groups, sightings, problems)``; each problem names the file
        (and the header line, where it is about one).

    Examples
    --------
    >>> from railtrack import data_path
    >>> shipments, groups, sightings, problems = read_text_report(
    ...     data_path("reports", "2023-01-11-kyivindependent-omsk-chepino.txt"), published=None)
    >>> shipments[0].origin.text, shipments[0].destination.station, shipments[0].cars.total
    ('Omsk', 'Chepino', 40)
    """
    notes: list[tuple[int, str]] = []
    try:
        text = read_text(path, notes=notes)
    except NotText as exc:
        return [], [], [], [f"{path.name}: {exc}"]
    except OSError as exc:
        return [], [], [], [f"{path.name}: cannot read the file: {exc.strerror or exc}"]
    shipments, groups, sightings, problems = text_report(
        text, path, published=published, network=network
    )
    decoded = [f"{path.name} line {line}: {message}" for line, message in notes]
    return shipments, groups, sightings, [*decoded, *problems]


def text_report(
    text: str,
    path: Path,
    *,
    published: date | None,
    network: RailNetwork | Literal[False] | None = None,
    retracted: list[Shipment] | None = None,
) -> tuple[list[Shipment], list[ShipmentGroup], list[Sighting], list[str]]:
    """Read the shipments, groups and sightings of the text of ``path``, already read.

    As :func:`read_text_report`, for a caller that has read the file itself.

    Parameters
    ----------
    text
        The report's text (decoded).
    path
        The file it came from: its name makes the record ids and names problems; a
        ``.md`` suffix reads the text as Markdown.
    published
        The publication date to assume when the text gives none (it dates "on 1
        March").
    network
        Resolves place names while reading (None: the embedded network; False: none).
    retracted
        When given, the trains a retraction ("не подтвердилась") denies are added to
        it (:attr:`railtrack.extract.result.Extraction.retracted`; never listed).

    Returns
    -------
    shipments, groups, sightings, problems
        The records read, and each problem as a line of text naming the file.

    Examples
    --------
    >>> shipments, groups, sightings, problems = text_report(
    ...     "On 1 March a train of 40 cars left Orsha for Brest.",
    ...     Path("note.txt"), published=date(2023, 3, 2), network=False,
    ... )
    >>> s = shipments[0]
    >>> s.id, s.origin.text, s.destination.text, s.cars.total, s.departure.earliest
    ('note-t1', 'Orsha', 'Brest', 40, datetime.date(2023, 3, 1))
    >>> groups, sightings, problems
    ([], [], [])
    """
    name = path.name
    result, problems = extract_text_report(
        text,
        name=name,
        published=published,
        network=network,
        markdown=path.suffix.lower() == ".md",
    )
    logger.info(
        "%s: %d shipment(s), %d group(s), %d sighting(s) read from text",
        name,
        len(result.shipments),
        len(result.groups),
        len(result.sightings),
    )
    if retracted is not None:
        retracted.extend(result.retracted)
    return result.shipments, result.groups, result.sightings, problems
