"""Seeded synthetic reports over a national network, for the scale benchmark.

:func:`generate_reports` writes ``n`` reports about military trains on a network
directory in the ``stations.csv``/``links.csv`` shape (the ru-rail dataset): part
structured JSON Lines under ``structured/``, part free-text ``.txt`` files under
``text/`` in the style of the embedded reports. Everything is drawn from one
``numpy.random.Generator`` seeded by ``seed``, so the same arguments give the same
bytes.

What the reports look like (``/work/shared/DOMAIN.md``):

- Trains run from a few hundred garrison stations to a few dozen railheads, both
  drawn from named stations of the largest connected component (so every pair has a
  route) whose names are unique on the network; a few origins are written as a
  region ("Belarus"-style ends are not in a Russian list, so all ends are stations).
- Names are written the way reports write them (section 4): the source's Cyrillic
  (as listed, or title-cased when the list shouts), a Latin romanisation from the
  project's transliteration table, and variants ("st. X", "X station", lower case,
  "kh" written "h", "-skiy" written "-sky").
- Trains have 34-51 cars (section 3) split into passenger, covered and flat cars;
  some reports give only the total, some say "about".
- Reports are published over one season; departures are 0-3 days before
  publication, planned arrivals 3-9 days after departure.
- One report in ten gives two trains and their joint total as a group (like the
  seed report); one in five structured reports adds a sighting.

The generated files never go into the repository: write them to a temporary
directory. Nothing from the network is stored beyond the run.
"""

from __future__ import annotations

import csv
import json
import logging
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import networkx as nx
import numpy as np

from railtrack._translit import name_tokens, to_latin, tokens_skeleton

__all__ = ["Generated", "generate_reports", "report_stations"]

logger = logging.getLogger(__name__)

SEASON_START = date(2023, 1, 2)
SEASON_DAYS = 180
ORIGIN_POOL = 300
RAILHEAD_POOL = 40
CARS_MIN, CARS_MAX = 34, 51  # DOMAIN.md section 3
JSONL_CHUNK = 5_000
REPORTERS = (
    ("Belarusian Hajun", "C"),
    ("Community of Railway Workers of Belarus", "C"),
    ("Rail Watch", "D"),
    ("Local observer", "E"),
)
OUTLETS = ("Charter97", "Ukrainska Pravda", "Nasha Niva", "Korrespondent.net", None)
_MONTHS = tuple(date(2023, m, 1).strftime("%B") for m in range(1, 13))
_NUMBER_WORDS = (
    *("zero", "one", "two", "three", "four", "five", "six"),
    *("seven", "eight", "nine", "ten", "eleven", "twelve"),
)


@dataclass(frozen=True)
class Station:
    """A station reports may name: id, listed (Cyrillic) name."""

    id: str
    name: str


@dataclass(frozen=True)
class Generated:
    """What :func:`generate_reports` wrote.

    Attributes
    ----------
    root
        Directory holding ``structured/`` and ``text/``.
    reports
        Reports written (structured reports plus text files).
    structured, text
        Reports of each kind.
    shipments
        Trains described (a two-train report counts two).
    files
        Files written.
    """

    root: Path
    reports: int
    structured: int
    text: int
    shipments: int
    files: int


def report_stations(network_dir: Path) -> list[Station]:
    """Stations of the largest connected component that reports can name unambiguously.

    Parameters
    ----------
    network_dir
        Directory with ``stations.csv`` (``id``, ``name``, ``lat``, ``kind``) and
        ``links.csv`` (``source``, ``target``).

    Returns
    -------
    list of Station
        Stations of kind ``station`` with coordinates, in the largest component,
        whose name skeleton no other station shares; in file order.
    """
    with (network_dir / "stations.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    with (network_dir / "links.csv").open(encoding="utf-8-sig", newline="") as f:
        G = nx.Graph((r["source"], r["target"]) for r in csv.DictReader(f))
    largest = max(nx.connected_components(G), key=len) if G.number_of_nodes() else set()
    key_count: dict[str, int] = {}
    keys: dict[str, str] = {}
    for row in rows:
        key = tokens_skeleton(name_tokens(row["name"]))
        keys[row["id"]] = key
        key_count[key] = key_count.get(key, 0) + 1
    return [
        Station(row["id"], row["name"])
        for row in rows
        if row["id"] in largest
        and row.get("kind") == "station"
        and row.get("lat")
        and key_count[keys[row["id"]]] == 1
        and any(ch.isalpha() for ch in row["name"])
        and "(" not in row["name"]
    ]


# --- spellings -------------------------------------------------------------------
def _title(name: str) -> str:
    """Title-case a listed name that is all upper case ("ЛИСКИ" -> "Лиски")."""
    if name.isupper():
        return "-".join(part.capitalize() for part in name.split("-")).title()
    return name


def _latin(name: str) -> str:
    """Romanise a Cyrillic name with the project's table, in title case."""
    return "-".join(
        " ".join(w.capitalize() for w in part.split()) for part in to_latin(_title(name)).split("-")
    )


def _variant(latin: str, rng: np.random.Generator) -> str:
    """A spelling variant reporters write: sky/skiy, h/kh, lower case, no hyphen."""
    choice = int(rng.integers(5))
    if choice == 0:
        return latin.replace("skiy", "sky").replace("skaya", "skaia")
    if choice == 1:
        return latin.replace("Kh", "H").replace("kh", "h")
    if choice == 2:
        return latin.lower()
    if choice == 3:
        return latin.replace("-", " ")
    return latin.replace("yu", "iu").replace("ya", "ia")


def spelling(
    station: Station, rng: np.random.Generator, *, cyrillic_share: float, prose: bool = False
) -> str:
    """One way a report writes a station's name (seeded by ``rng``).

    Structured records get list-style noise ("st. X", lower case); ``prose`` names
    read as in an article ("the X station"), always capitalised.
    """
    if rng.random() < cyrillic_share:
        name = _title(station.name)
    else:
        name = _latin(station.name)
        if rng.random() < 0.3:
            name = _variant(name, rng)
            if prose:
                name = name[:1].upper() + name[1:]
    roll = rng.random()
    if roll < 0.1:
        return f"the {name} station" if prose else f"st. {name}"
    if roll < 0.2:
        return f"{name} station"
    return name


# --- report contents ---------------------------------------------------------------
@dataclass(frozen=True)
class _Train:
    origin: Station
    destination: Station
    departure: date
    arrival: date | None
    total: int
    passenger: int | None
    covered: int | None
    flat: int | None
    estimated: bool


def _weights(n: int) -> np.ndarray:
    """Zipf-like popularity: a few garrisons and railheads see most trains."""
    w = 1.0 / np.arange(1, n + 1) ** 0.8
    return w / w.sum()


class _Draw:
    def __init__(self, stations: list[Station], seed: int) -> None:
        self.rng = np.random.default_rng(seed)
        picked = self.rng.permutation(len(stations))
        n_rail = min(RAILHEAD_POOL, max(1, len(stations) // 4))
        n_orig = min(ORIGIN_POOL, max(1, len(stations) - n_rail))
        self.railheads = [stations[i] for i in picked[:n_rail]]
        self.origins = [stations[i] for i in picked[n_rail : n_rail + n_orig]]
        self.w_rail = _weights(len(self.railheads))
        self.w_orig = _weights(len(self.origins))

    def train(self, published: date) -> _Train:
        rng = self.rng
        origin = self.origins[int(rng.choice(len(self.origins), p=self.w_orig))]
        destination = self.railheads[int(rng.choice(len(self.railheads), p=self.w_rail))]
        departure = published - timedelta(days=int(rng.integers(0, 4)))
        arrival = (
            departure + timedelta(days=int(rng.integers(3, 10))) if rng.random() < 0.6 else None
        )
        total = int(rng.integers(CARS_MIN, CARS_MAX + 1))
        detail = rng.random() < 0.7
        passenger = int(rng.integers(2, 9)) if detail else None
        covered = int(rng.integers(0, 6)) if detail else None
        flat = total - passenger - covered if detail else None  # type: ignore[operator]
        return _Train(
            origin, destination, departure, arrival, total, passenger, covered, flat,
            estimated=bool(rng.random() < 0.15),
        )  # fmt: skip

    def published(self) -> date:
        return SEASON_START + timedelta(days=int(self.rng.integers(SEASON_DAYS)))

    def source(self) -> tuple[str, str, str | None]:
        reporter, reliability = REPORTERS[int(self.rng.integers(len(REPORTERS)))]
        outlet = OUTLETS[int(self.rng.integers(len(OUTLETS)))]
        return reporter, reliability, outlet


# --- structured reports ----------------------------------------------------------
def _structured(draw: _Draw, index: int) -> tuple[list[dict[str, object]], int]:
    rng = draw.rng
    rid = f"gen-{index:07d}"
    published = draw.published()
    reporter, reliability, outlet = draw.source()
    source: dict[str, object] = {"source": reporter, "reliability": reliability}
    if outlet:
        source["relayed_by"] = outlet
    source["published"] = published.isoformat()
    n_trains = 2 if rng.random() < 0.1 else 1
    trains = [draw.train(published) for _ in range(n_trains)]
    records: list[dict[str, object]] = []
    for k, t in enumerate(trains, start=1):
        rec: dict[str, object] = {
            "id": f"{rid}-t{k}",
            "report": rid,
            "origin": spelling(t.origin, rng, cyrillic_share=0.4),
            "destination": spelling(t.destination, rng, cyrillic_share=0.4),
            "departure": t.departure.isoformat(),
        }
        if t.arrival is not None:
            rec["arrival"] = t.arrival.isoformat()
            rec["claim"] = "planned"
        if n_trains == 1:
            rec["cars_total"] = t.total
            for field, value in (
                ("cars_passenger", t.passenger),
                ("cars_covered", t.covered),
                ("cars_flat", t.flat),
            ):
                if value is not None:
                    rec[field] = value
            if t.estimated:
                rec["cars_estimated"] = True
        else:
            rec["group"] = f"{rid}-g1"
        rec["credibility"] = 3
        records.append({**rec, **source})
    if n_trains > 1:
        group: dict[str, object] = {
            "record": "group",
            "id": f"{rid}-g1",
            "report": rid,
            "n_trains": n_trains,
            "cars_total": sum(t.total for t in trains),
            "cars_passenger": sum(t.passenger or 2 for t in trains),
        }
        records.append({**group, **source})
    if rng.random() < 0.2:
        t = trains[0]
        seen = t.arrival or t.departure + timedelta(days=5)
        hh, mm = int(rng.integers(24)), int(rng.integers(60))
        records.append(
            {
                "record": "sighting",
                "id": f"{rid}-s1",
                "shipment": f"{rid}-t1",
                "station": spelling(t.destination, rng, cyrillic_share=0.4),
                "seen_at": f"{seen.isoformat()}T{hh:02d}:{mm:02d}",
                "note": "arrived at the destination",
                **source,
            }
        )
    return records, n_trains


# --- free text reports -------------------------------------------------------------
def _day(d: date) -> str:
    return f"{_MONTHS[d.month - 1]} {d.day}"


def _count(n: int, rng: np.random.Generator) -> str:
    return _NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) and rng.random() < 0.5 else str(n)


def _make_up(t: _Train, rng: np.random.Generator) -> str:
    about = "about " if t.estimated else ""
    if t.passenger is None:
        return f"{about}{t.total} cars"
    parts = [f"{_count(t.passenger, rng)} passenger cars"]
    if t.covered:
        parts.append(f"{_count(t.covered, rng)} covered wagons")
    parts.append(f"{about}{t.flat} flat cars with equipment")
    return f"{t.total} cars: " + ", ".join(parts[:-1]) + " and " + parts[-1]


def _text_body(draw: _Draw, published: date) -> tuple[str, int]:
    rng = draw.rng
    t = draw.train(published)
    origin = spelling(t.origin, rng, cyrillic_share=0.0, prose=True)
    dest = spelling(t.destination, rng, cyrillic_share=0.0, prose=True)
    template = int(rng.integers(4))
    if template == 0:
        body = (
            f"A military echelon left {origin} on {_day(t.departure)} heading for {dest}. "
            f"The train had {_make_up(t, rng)}."
        )
        if t.arrival is not None:
            body += f" It should arrive on {_day(t.arrival)}."
    elif template == 1:
        body = (
            f"Railway workers report that a train with Russian military equipment "
            f"departed from {origin} on {_day(t.departure)} for {dest}. "
            f"Observers counted {_make_up(t, rng)}."
        )
    elif template == 2:
        body = (
            f"On {_day(t.departure)} an echelon of {t.total} cars left {origin}. "
            f"It is travelling to {dest}"
            + (f" and is expected there around {_day(t.arrival)}." if t.arrival else ".")
        )
    else:
        body = (
            f"Another military train has been sent from {origin} to {dest}. "
            f"It left on {_day(t.departure)} with {_make_up(t, rng)}."
        )
    return body, 1


def _text_report(draw: _Draw, index: int) -> tuple[str, int]:
    published = draw.published()
    reporter, reliability, outlet = draw.source()
    header = [f"source: {reporter}", f"published: {published.isoformat()}"]
    if outlet:
        header.append(f"relayed_by: {outlet}")
    header += [f"reliability: {reliability}", f"id: gen-text-{index:07d}"]
    body, n = _text_body(draw, published)
    return "\n".join(header) + "\n\n" + body + "\n", n


def generate_reports(
    network_dir: str | Path,
    out_dir: str | Path,
    n: int,
    *,
    seed: int = 0,
    text_share: float = 0.2,
    stations: list[Station] | None = None,
) -> Generated:
    """Write ``n`` seeded reports over a network to ``out_dir``.

    Parameters
    ----------
    network_dir
        Network directory (``stations.csv``, ``links.csv``); station names are read
        from it at run time and written only to ``out_dir``.
    out_dir
        Directory to write ``structured/*.jsonl`` and ``text/*.txt`` into (created).
    n
        Number of reports.
    seed
        Seed of every random draw.
    text_share
        Share of reports written as free text.
    stations
        Stations to draw from, when already computed by :func:`report_stations`.

    Returns
    -------
    Generated
        Counts of what was written.
    """
    root = Path(out_dir)
    (root / "structured").mkdir(parents=True, exist_ok=True)
    (root / "text").mkdir(parents=True, exist_ok=True)
    pool = stations if stations is not None else report_stations(Path(network_dir))
    if len(pool) < 2:
        msg = f"{network_dir}: fewer than two nameable stations in the largest component"
        raise ValueError(msg)
    draw = _Draw(pool, seed)
    is_text = draw.rng.random(n) < text_share
    lines: list[str] = []
    files = shipments = structured = 0
    chunk = 0

    def flush() -> None:
        nonlocal lines, chunk, files
        if lines:
            path = root / "structured" / f"reports-{chunk:04d}.jsonl"
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            files += 1
            chunk += 1
            lines = []

    for i in range(n):
        if is_text[i]:
            text, k = _text_report(draw, i)
            (root / "text" / f"report-{i:07d}.txt").write_text(text, encoding="utf-8")
            files += 1
        else:
            records, k = _structured(draw, i)
            lines.extend(json.dumps(r, ensure_ascii=False) for r in records)
            structured += 1
            if structured % JSONL_CHUNK == 0:
                flush()
        shipments += k
    flush()
    logger.info("Generated %d reports (%d shipments) in %s", n, shipments, root)
    return Generated(
        root=root,
        reports=n,
        structured=structured,
        text=n - structured,
        shipments=shipments,
        files=files,
    )
