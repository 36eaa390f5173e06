"""``railtrack load``: read report files and show the shipments, groups and problems."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import typer

from railtrack.cli import app
from railtrack.cli._options import (
    CONTEXT,
    ChannelUsernameOption,
    ColumnsOption,
    FormatOption,
    JsonOption,
    KeepRetractedOption,
    NetworkOption,
    PublishedOption,
    QuietOption,
    ReportPathsArg,
    TzOption,
    parse_channel_usernames,
    parse_tz_option,
    report_paths,
)
from railtrack.cli._output import (
    EXIT_INPUT_PROBLEMS,
    at_least_shown,
    check_paths,
    emit_records,
    output_format,
    print_context_notes,
    print_jsonl,
    print_problems,
    print_skipped,
)

if TYPE_CHECKING:
    from railtrack.io import ReportSet

__all__ = [
    "ColumnsOption",
    "load",
    "parse_as_of_option",
    "parse_columns_option",
    "parse_date_option",
    "read_reports",
    "report_records",
]

SHIPMENT_TABLE = (
    "id",
    "origin",
    "destination",
    "departure_earliest",
    "cars_total",
    "source_reporter",
    "claim",
    "departure_latest",
    "cars_passenger",
    "group",
    "expected_arrival_earliest",
    "cars_flat",
    "source_reliability",
    "origin_station",
    "destination_station",
)
GROUP_TABLE = ("id", "n_trains", "members", "cars_total", "cars_passenger", "source_reporter")
SIGHTING_TABLE = ("id", "shipment", "station", "seen_at", "source_reporter")
_KINDS = ("shipment", "group", "sighting")


_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")
"""The forms a date option takes: ISO, and day-first with dots as tables accept it."""


def _strpdate(value: str, form: str) -> date | None:
    try:
        return datetime.strptime(value.strip(), form).date()
    except ValueError:
        return None


def parse_date_option(value: str | None, option: str) -> date | None:
    """Parse a ``YYYY-MM-DD`` or ``DD.MM.YYYY`` option, or exit 2 with a one-line message.

    ``DD.MM.YYYY`` is read day first, as tables read it (trial20: ``--as-of
    06.03.2023`` was refused). The date must lie in the plausible range of reports
    (1900-2100, see :func:`railtrack.models.check_plausible`).

    Examples
    --------
    >>> parse_date_option("06.03.2023", "--as-of"), parse_date_option("2023-03-06", "--as-of")
    (datetime.date(2023, 3, 6), datetime.date(2023, 3, 6))
    """
    from railtrack.models import check_plausible

    if value is None:
        return None
    day = next((d for d in (_strpdate(value, f) for f in _DATE_FORMATS) if d), None)
    if day is None:
        raise typer.BadParameter(
            f"{value!r} is not a date (YYYY-MM-DD or DD.MM.YYYY)", param_hint=option
        )
    try:
        check_plausible(day)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None
    return day


def parse_as_of_option(value: str | None, option: str = "--as-of") -> date | datetime | str | None:
    """Parse ``--as-of``: a day, a time, ``today``, or None; else exit 2 with a message.

    A day (``2023-03-06``) means the start of that day; a time (``2023-03-06T18:00``,
    ``2023-03-06 18:00:30``, with or without a zone: a zoned time is converted to UTC,
    a plain one taken as UTC, as sightings are) asks what was known at that moment.
    ``today`` (any case) is passed on as ``"today"``.

    Examples
    --------
    >>> parse_as_of_option("2023-03-06T18:00")
    datetime.datetime(2023, 3, 6, 18, 0)
    >>> parse_as_of_option("2023-03-06T21:00+03:00")
    datetime.datetime(2023, 3, 6, 18, 0)
    >>> parse_as_of_option("2023-03-06"), parse_as_of_option("Today")
    (datetime.date(2023, 3, 6), 'today')
    """
    from datetime import UTC

    from railtrack.models import check_plausible

    if value is None:
        return None
    text = value.strip()
    if text.lower() == "today":
        return "today"
    if len(text) <= 10:
        return parse_date_option(text, option)
    try:
        when = datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date or a time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)",
            param_hint=option,
        ) from None
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    try:
        check_plausible(when.date())
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None
    return when


def parse_columns_option(value: str | None) -> dict[str, str]:
    """Parse ``--columns "from=origin,to=destination"`` into ``{header: field}``.

    Examples
    --------
    >>> parse_columns_option("Von=origin, Nach = destination")
    {'von': 'origin', 'nach': 'destination'}
    """
    if not value:
        return {}
    out: dict[str, str] = {}
    for part in value.split(","):
        if not part.strip():
            continue
        header, sep, field = part.partition("=")
        if not sep or not header.strip() or not field.strip():
            raise typer.BadParameter(
                f"{part.strip()!r} is not HEADER=FIELD", param_hint="--columns"
            )
        out[header.strip().lower()] = field.strip()
    from railtrack.io._records import KNOWN_KEYS

    unknown = sorted(set(out.values()) - KNOWN_KEYS)
    if unknown:
        raise typer.BadParameter(
            f"not a report field: {', '.join(unknown)} (fields: {', '.join(sorted(KNOWN_KEYS))})",
            param_hint="--columns",
        )
    return out


def read_reports(
    paths: list[Any],
    *,
    published: str | None = None,
    columns: str | None = None,
    channel_usernames: list[str] | None = None,
    tz: str | None = None,
    **options: Any,
) -> ReportSet:
    """Load reports as every command does, from the options as the user typed them.

    ``published`` (``--published``), ``columns`` (``--columns``) and
    ``channel_usernames`` (``--channel-username``) and ``tz`` (``--tz``, an IANA
    zone name) are checked before any file is
    read, so a mistyped option fails at once; ``options`` go to
    :func:`railtrack.io.load_reports` (``workers``, ``client``, ``work_dir``).
    Returns the :class:`~railtrack.io.ReportSet`, Telegram posts linked by their
    channels' usernames when given.
    """
    from railtrack.io import load_reports

    day = parse_date_option(published, "--published")
    mapping = parse_columns_option(columns)
    usernames = parse_channel_usernames(channel_usernames)
    zone = parse_tz_option(tz)
    reports = load_reports(paths, published=day, columns=mapping or None, tz=zone, **options)
    return reports.with_channel_usernames(usernames) if usernames else reports


def report_records(reports: Any, kinds: tuple[str, ...] = _KINDS) -> dict[str, list[Any]]:
    """Return a report set's records by kind, each in its kind's JSON shape."""
    records = {kind: [] for kind in kinds}  # type: dict[str, list[Any]]
    for record in reports.to_records():
        kind = record["record"]
        if kind in records:
            records[kind].append(record)
    return records


KindOption = Annotated[
    str | None,
    typer.Option(
        "--kind",
        metavar="shipment|group|sighting",
        help="Print only records of this kind (CSV and TSV print one kind; default shipment).",
    ),
]


@app.command(
    context_settings=CONTEXT,
    epilog=(
        "Example: railtrack load data/reports --json > all.jsonl\n\n"
        "Example: railtrack load my-trains.xlsx --format csv > trains.csv\n\n"
        'Example: railtrack load table.csv --columns "Von=origin,Nach=destination"'
    ),
)
def load(
    paths: ReportPathsArg = None,
    published: PublishedOption = None,
    columns: ColumnsOption = None,
    channel_username: ChannelUsernameOption = None,
    tz: TzOption = None,
    kind: KindOption = None,
    keep_retracted: KeepRetractedOption = None,
    network: NetworkOption = None,
    fmt: FormatOption = None,
    json_out: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Load shipment reports and show them; your own spreadsheets (CSV, .xlsx) too.

    Every place (table rows and free text alike) is resolved on the network
    (--network, else the embedded one), as every command resolves them.

    A table's columns are mapped to fields by their headers in English, Russian,
    Ukrainian, Belarusian or Polish (date, from, to, wagons, source, дата, откуда,
    куда, вагонов ...; see the README), or by --columns. With --json each record is
    one line with "record": "shipment" / "group" / "sighting" (the output is itself a
    loadable .jsonl report file), after one "record": "file" line per table saying
    which column became which field. Problems go to stderr (as JSON Lines with
    --json); exit code 1 when there were any.
    """
    fmt_ = output_format(fmt, json_out)
    if kind is not None and kind not in _KINDS:
        raise typer.BadParameter(f"{kind!r} is not one of {', '.join(_KINDS)}", param_hint="--kind")
    paths = report_paths(paths)
    check_paths(paths)
    reports = read_reports(
        paths,
        published=published,
        columns=columns,
        channel_usernames=channel_username,
        tz=tz,
        keep_retracted=keep_retracted or (),
    )
    # one rule for every record: table rows are resolved as free text is (trial F86)
    from railtrack.cli._network import load_given_network

    net = load_given_network(network)
    reports = reports.resolve(net)
    if fmt_ == "json":
        if kind is None:
            print_jsonl(reports.file_records())
            print_jsonl(reports.to_records())
        else:
            print_jsonl(report_records(reports, (kind,))[kind])
    elif fmt_ in ("csv", "tsv"):
        chosen = kind or "shipment"
        emit_records(report_records(reports, (chosen,))[chosen], fmt_)
    else:
        _tables(reports, kind, quiet)
        if not quiet:
            print_context_notes(reports.context_notes)
    if fmt_ != "json":
        print_skipped(reports.skipped, quiet=quiet)
    problems = [*net.problems, *reports.problems]
    print_problems(problems, fmt_, quiet=quiet)
    if problems:
        raise typer.Exit(EXIT_INPUT_PROBLEMS)


def _tables(reports: Any, kind: str | None, quiet: bool) -> None:
    records = report_records(reports)
    tables = {
        "shipment": (SHIPMENT_TABLE, f"{len(records['shipment'])} shipments"),
        "group": (GROUP_TABLE, f"{len(records['group'])} groups of trains"),
        "sighting": (SIGHTING_TABLE, f"{len(records['sighting'])} sightings"),
    }
    for name, (cols, title) in tables.items():
        if kind not in (None, name) or (name != "shipment" and not records[name]):
            continue
        shown = [at_least_shown(r) for r in records[name]]  # "≥ 30": at least 30 cars
        emit_records(shown, "table", title=title, columns=cols, quiet=quiet, empty="No shipments.")
