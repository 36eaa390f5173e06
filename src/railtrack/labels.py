"""One label per thing: a source set whatever its order, a border crossing whatever the direction.

Two reports that name the same two sources in another order ("Hajun; Railway
Workers" and "Railway Workers; Hajun") are one source set; a train crossing from
Zlynka to Zakopytye and one crossing back use one crossing. Tables group by the
canonical label; the direction stays in a column of its own
(:func:`crossing_directions`).
"""

from __future__ import annotations

import itertools
from collections import Counter
from typing import Any, cast

import numpy as np
import pandas as pd

from railtrack import columns as C

__all__ = [
    "CROSSING_SEPARATOR",
    "DIRECTIONS",
    "SOURCE_SEPARATOR",
    "canonical_sources",
    "crossing_directions",
    "crossing_pair",
    "destination_names",
    "merge_source_labels",
    "outlet_names",
    "plural",
    "source_set",
]

SOURCE_SEPARATOR = "; "
CROSSING_SEPARATOR = "–"  # an en dash between the two stations of a border link
DIRECTIONS = "directions"
"""Column :func:`crossing_directions` adds: "A → B: n; B → A: m", most trains first."""


def source_set(text: Any) -> Any:
    """Return a ``"; "``-joined source list in one order (case-insensitive, no repeats).

    Missing values are returned as they are.

    Parameters
    ----------
    text : str or object
        A ``";"``-separated list of source names; any other value (None, NaN) is
        returned unchanged.

    Returns
    -------
    str or object
        The names, stripped, deduplicated case-insensitively (first spelling kept) and
        sorted, joined by ``"; "``; ``text`` itself when it is not a string or names
        nothing.

    Examples
    --------
    >>> source_set("Railway Workers; Belarusian Hajun")
    'Belarusian Hajun; Railway Workers'
    >>> source_set("Belarusian Hajun;Railway Workers; belarusian hajun")
    'Belarusian Hajun; Railway Workers'
    """
    if not isinstance(text, str):
        return text
    parts: dict[str, str] = {}
    for part in text.split(";"):
        name = part.strip()
        if name:
            parts.setdefault(name.casefold(), name)
    return SOURCE_SEPARATOR.join(parts[k] for k in sorted(parts)) if parts else text


def merge_source_labels(texts: list[str]) -> str | None:
    """Return one label per source from source labels, each with its best grade.

    Each label is a ``"; "``-joined list of sources, each maybe followed by its
    Admiralty reliability grade in brackets (``"Belarusian Hajun (C)"``). A source
    is listed once (case-insensitive), with the best grade any label gave it, or
    none when no label graded it.

    Parameters
    ----------
    texts : list of str
        Source labels, e.g. ``"Belarusian Hajun (C); Workers"``; repeats are read once.

    Returns
    -------
    str or None
        The ``"; "``-joined labels, sorted case-insensitively, each with its best
        (alphabetically first) grade; None when the labels name no source.

    Examples
    --------
    >>> merge_source_labels(["Hajun (C); Workers (C)", "Hajun", "Workers (B); Hajun (C)"])
    'Hajun (C); Workers (B)'
    >>> merge_source_labels([]) is None
    True
    """
    names: dict[str, str] = {}
    grades: dict[str, str] = {}
    # A label read twice changes nothing: read each distinct one once, in order (a
    # national total merges the labels of 100,000 trains, of a few dozen kinds).
    for text in dict.fromkeys(texts):
        for part in str(text).split(";"):
            name, grade = part.strip(), ""
            if len(name) > 4 and name.endswith(")") and name[-4:-2] == " (":
                name, grade = name[:-4].rstrip(), name[-2]
            if not name:
                continue
            key = name.casefold()
            names.setdefault(key, name)
            if grade and (key not in grades or grade < grades[key]):
                grades[key] = grade
    labels = [f"{names[k]} ({grades[k]})" if k in grades else names[k] for k in sorted(names)]
    return SOURCE_SEPARATOR.join(labels) or None


def canonical_sources(values: pd.Series) -> pd.Series:
    """Return :func:`source_set` of every value, computed once per distinct value.

    Parameters
    ----------
    values : pandas.Series
        Source labels (``source`` column cells); non-strings are kept as they are.

    Returns
    -------
    pandas.Series
        Same index and length, object dtype, each string replaced by its
        :func:`source_set`.

    Examples
    --------
    >>> canonical_sources(pd.Series(["B; A", "A; B", "A"])).tolist()
    ['A; B', 'A; B', 'A']
    """
    out = values.astype(object)
    distinct = {v: source_set(v) for v in out.dropna().unique()}
    return out.map(lambda v: distinct.get(v, v) if isinstance(v, str) else v)


def destination_names(ships: pd.DataFrame) -> set[str]:
    """Return where the trains went, as the headline lists them: resolved names first.

    A train's destination station's name; else the region or country it resolved
    to ("в Россию" is Russia); else its destination as written (unresolved). Never
    the case form a report wrote for a place railtrack resolved (trial T15). A train
    left out of the totals (retracted, or told only as hearsay:
    :func:`railtrack.accounting.not_counted`) names no destination, and a heading
    (``destination_heading``: "ў бок Мінска") is named as one, "towards Minsk-..."
    (trial20 T14).

    Parameters
    ----------
    ships : pandas.DataFrame
        Shipments with ``destination``, ``destination_station`` and (optionally)
        ``destination_region``.

    Returns
    -------
    set of str
        The distinct destination names (empty for an empty table).

    Examples
    --------
    >>> ships = pd.DataFrame({"destination": ["Валуйки", "Россию", "Misyash"],
    ...                       "destination_station": ["Valuyki", None, None],
    ...                       "destination_region": [None, "Russia", None]})
    >>> sorted(destination_names(ships))
    ['Misyash', 'Russia', 'Valuyki']
    >>> sorted(destination_names(ships.assign(retracted_by=[None, "Hajun", None],
    ...                                       destination_heading=[True, False, False])))
    ['Misyash', 'towards Valuyki']
    """
    from railtrack.accounting import not_counted

    ships = ships[~not_counted(ships).to_numpy(dtype=bool)]
    heading = (
        ships[C.DESTINATION_HEADING].eq(True)
        if C.DESTINATION_HEADING in ships.columns
        else pd.Series(False, index=ships.index)
    )
    name = ships[C.DESTINATION_STATION]
    if C.DESTINATION_REGION in ships.columns:
        name = name.where(name.notna(), ships[C.DESTINATION_REGION])
    name = name.where(name.notna(), ships[C.DESTINATION]).dropna().astype(str)
    return {f"towards {v}" if bool(heading.get(i, False)) else v for i, v in name.items()}


def outlet_names(*tables: pd.DataFrame) -> list[str]:
    """Return the distinct reporters and relaying outlets the tables name, sorted.

    What the briefing's sources list names: each ``source`` (a ";"-joined set) and
    each ``relayed_by`` of every table given (shipments, groups, relays), once,
    whatever the case, spacing or language it is written in (trial F129: a train three
    outlets told is three sources, not the one reporter of the train kept; trial T12:
    "Беларускі Гаюн" and "Belarusian Hajun" are one, see :mod:`railtrack.outlets`).

    Returns
    -------
    list of str
        The distinct reporter and outlet names, merged by
        :func:`railtrack.outlets.reporter_names`, sorted.

    Examples
    --------
    >>> ships = pd.DataFrame({"source": ["Belarusian Hajun"], "relayed_by": [None]})
    >>> relays = pd.DataFrame({"source": ["Belarusian Hajun", "Беларускі Гаюн"],
    ...                        "relayed_by": ["Zerkalo", "Onet"]})
    >>> outlet_names(ships, relays)
    ['Belarusian Hajun', 'Onet', 'Zerkalo']
    """
    from railtrack.outlets import reporter_names

    cells = (
        value
        for table in tables
        for column in ("source", "relayed_by")
        if column in table.columns
        for value in table[column].dropna().astype(str).unique()
    )
    return reporter_names(cells)


def crossing_pair(label: str) -> str:
    """Return an ``"A–B"`` border link with its two stations in one order.

    Parameters
    ----------
    label : str
        A border-crossing label: two station names joined by an en dash, or a
        crossing named by its border.

    Returns
    -------
    str
        The two names in case-insensitive alphabetical order; ``label`` unchanged
        when it has no dash or names a border.

    Examples
    --------
    >>> crossing_pair("Zlynka–Zakopytye"), crossing_pair("Zakopytye–Zlynka")
    ('Zakopytye–Zlynka', 'Zakopytye–Zlynka')
    >>> crossing_pair("none"), crossing_pair("BY–RU border near Zaolsha")
    ('none', 'BY–RU border near Zaolsha')
    """
    a, sep, b = label.partition(CROSSING_SEPARATOR)
    if not sep or " border" in label:
        return label  # a crossing named by its border ("BY–RU border near X"): one order
    first, second = sorted((a.strip(), b.strip()), key=lambda s: (s.casefold(), s))
    return f"{first}{CROSSING_SEPARATOR}{second}"


def _directed(
    stations: Any,
    names: dict[str, str],
    countries: dict[str, Any],
    points: dict[str, tuple[float, float] | None],
) -> list[tuple[str, str]]:
    """Return the ``(crossing, "A → B")`` border links a route passes, in order.

    The crossing is named as the routes table names it
    (:func:`railtrack.routing.crossing_label`); the direction by its stations, or by
    its countries when the crossing is named by its border.
    """
    from railtrack.routing import crossing_label

    if stations is None or isinstance(stations, float | str):
        return []
    path = list(stations)
    # each station read with a C-level map (a national route passes hundreds): the
    # name falls back to the id, the country to "" (as names.get(n, n), countries.get(n) or "")
    path_countries = [c or "" for c in map(countries.get, path)]
    borders = [
        i for i, (cu, cv) in enumerate(itertools.pairwise(path_countries)) if cu and cv and cu != cv
    ]
    if not borders:
        return []
    path_names = cast("list[str]", list(map(names.get, path, path)))  # (n, default n)
    path_points = list(map(points.get, path))
    out = []
    for i in borders:
        cu, cv = path_countries[i], path_countries[i + 1]
        label = crossing_label(path_names, path_countries, i, path_points)
        if " border" in label:
            way = f"{cu} → {cv}"
        else:
            a, _, b = label.partition(CROSSING_SEPARATOR)
            way = f"{a} → {b}"
        out.append((crossing_pair(label), way))
    return out


def crossing_directions(summary: pd.DataFrame, routes: pd.DataFrame, network: Any) -> pd.DataFrame:
    """Return the by-crossing summary with a ``directions`` column: trains each way.

    Parameters
    ----------
    summary
        A summary by ``border_crossing`` (one row per unordered crossing, with the
        ``shipments`` column listing its trains).
    routes
        The routes table (``id``, ``stations``).
    network
        The network the routes run on (station ``name`` and ``country``).

    Returns
    -------
    pandas.DataFrame
        A copy of ``summary`` with ``directions``, e.g. ``"Zlynka → Zakopytye: 2;
        Zakopytye → Zlynka: 1"`` (None on rows that are no crossing).

    Notes
    -----
    Needs a :class:`railtrack.network.Network` with station countries and coordinates; see
    ``tests/test_scale_equivalence.py``.
    """
    out = summary.copy()
    if C.BORDER_CROSSING not in out.columns or C.SHIPMENTS not in out.columns:
        return out
    G = network.G
    # Only a route with a border crossing has directions (the routes table counts its
    # crossings by the same rule as _directed), and trains on one route share its
    # stations list: read each distinct list of a crossing route once.
    stations = routes.get(C.STATIONS, pd.Series(dtype=object))
    if C.BORDER_CROSSINGS_N in routes.columns:
        crossing = routes[C.BORDER_CROSSINGS_N].fillna(0).to_numpy(dtype=np.int64) > 0
    else:
        crossing = np.ones(len(routes), dtype=bool)
    ids, stations = routes[C.ID][crossing], stations[crossing]
    lists = {id(s): s for s in stations if s is not None}
    used = {n for s in lists.values() if not isinstance(s, float | str) for n in s}
    names = {n: str(G.nodes[n].get("name") or n) for n in used if n in G}
    countries = {n: G.nodes[n].get("country") for n in used if n in G}
    points = {
        n: (float(G.nodes[n]["lon"]), float(G.nodes[n]["lat"]))
        if G.nodes[n].get("lat") is not None and G.nodes[n].get("lon") is not None
        else None
        for n in used
        if n in G
    }
    links = {key: _directed(s, names, countries, points) for key, s in lists.items()}
    directed = {str(i): links.get(id(s), []) for i, s in zip(ids, stations, strict=True)}
    labels = {label for found in links.values() for label, _ in found}
    column: list[str | None] = []
    for label_of_row, trains in zip(out[C.BORDER_CROSSING], out[C.SHIPMENTS], strict=True):
        counts: Counter[str] = Counter()
        if label_of_row not in labels:  # "none", "unknown": no route crosses there
            column.append(None)
            continue
        for sid in str(trains or "").split(";"):
            for label, way in directed.get(sid.strip(), []):
                if label == label_of_row:
                    counts[way] += 1
        column.append("; ".join(f"{k}: {n}" for k, n in counts.most_common()) or None)
    out[DIRECTIONS] = pd.Series(column, index=out.index, dtype=object)
    return out


def plural(n: int, one: str, many: str | None = None) -> str:
    """Return a count with its noun: "1 source", "3 sources", "1,204 trains".

    Parameters
    ----------
    n : int
        The count (printed with thousands separators).
    one : str
        The noun for one.
    many : str, optional
        The noun for any other count; ``one + "s"`` when not given.

    Returns
    -------
    str
        ``"<n> <noun>"``.

    Examples
    --------
    >>> plural(1, "source"), plural(3, "source"), plural(2, "railway", "railways")
    ('1 source', '3 sources', '2 railways')
    """
    return f"{n:,} {one if n == 1 else (many or one + 's')}"
