"""Schema checks for the corpora of real published reports.

``tests/data/extraction_real/`` (development) and
``tests/data/extraction_real_holdout/`` (held out) hold one YAML file per real
report; the format and labelling rules are in the development corpus README.
These tests check every file's shape, not the extractor.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from tests._corpora import read_document

DATA = Path(__file__).parent / "data"
CORPORA = {
    "extraction_real": DATA / "extraction_real",
    "extraction_real_holdout": DATA / "extraction_real_holdout",
}
LANGS = {"en", "ru", "uk", "be", "pl"}
KINDS = {
    "departure",
    "arrival",
    "sighting",
    "group",
    "planned",
    "unloading",
    "loading",
    "aggregate",
    "negative",
}
PUBLISHED_FROM = {"page", "url", "inferred", "approximate", "unknown"}
TOP_KEYS = {
    "id",
    "published",
    "published_from",
    "source",
    "relayed_from",
    "url",
    "lang",
    "kind",
    "notes",
    "text",
    "expected",
}
REQUIRED = {
    "id",
    "published",
    "published_from",
    "source",
    "url",
    "lang",
    "kind",
    "text",
    "expected",
}
SHIPMENT_KEYS = {
    "origin",
    "destination",
    "via",
    "departure",
    "expected_arrival",
    "cars",
    "cars_estimated",
    "group",
    "claim",
}
CAR_KEYS = {"total", "passenger", "covered", "flat", "tank", "other"}
WINDOW_KEYS = {"earliest", "latest", "precision"}
PRECISIONS = {"day", "days", "week", "month"}
CLAIMS = {"sighted", "planned", "expected"}
MAX_TEXT = 2600


def _files(corpus: str) -> list[Path]:
    return sorted(CORPORA[corpus].glob("*.yaml"))


def _all_files() -> list[Path]:
    return [f for corpus in CORPORA for f in _files(corpus)]


def _load(path: Path) -> dict:
    return read_document(path)


def _check_place(place: object, where: str) -> None:
    assert isinstance(place, dict), f"{where}: a place is a mapping"
    assert set(place) <= {"text", "station"}, f"{where}: place keys {sorted(place)}"
    assert isinstance(place.get("text"), str), f"{where}: place text"
    assert place["text"].strip(), f"{where}: empty place text"
    station = place.get("station")
    assert station is None or isinstance(station, str), f"{where}: station"


def _check_window(window: object, where: str) -> None:
    assert isinstance(window, dict), f"{where}: a window is a mapping"
    assert set(window) <= WINDOW_KEYS, f"{where}: window keys {sorted(window)}"
    assert window.get("precision") in PRECISIONS, f"{where}: precision"
    earliest, latest = window.get("earliest"), window.get("latest")
    assert earliest is not None or latest is not None, f"{where}: both ends open"
    for end in (earliest, latest):
        assert end is None or isinstance(end, dt.date), f"{where}: {end!r} is not a date"
    if earliest and latest:
        assert earliest <= latest, f"{where}: earliest after latest"
    if window["precision"] == "day":
        assert earliest == latest, f"{where}: a day window has one date"


def _check_cars(cars: object, where: str) -> None:
    assert isinstance(cars, dict), f"{where}: cars is a mapping"
    assert cars, f"{where}: empty cars"
    assert set(cars) <= CAR_KEYS, f"{where}: car keys {sorted(cars)}"
    for key, value in cars.items():
        assert isinstance(value, int), f"{where}: cars.{key}={value!r}"
        assert value >= 0, f"{where}: cars.{key}={value!r}"


def _check_shipment(s: object, where: str, groups: set[str]) -> None:
    assert isinstance(s, dict), f"{where}: a shipment is a mapping"
    assert set(s) <= SHIPMENT_KEYS, f"{where}: keys {sorted(set(s) - SHIPMENT_KEYS)}"
    for role in ("origin", "destination"):
        if role in s:
            _check_place(s[role], f"{where}.{role}")
    for i, place in enumerate(s.get("via") or []):
        _check_place(place, f"{where}.via[{i}]")
    for role in ("departure", "expected_arrival"):
        if role in s:
            _check_window(s[role], f"{where}.{role}")
    if "cars" in s:
        _check_cars(s["cars"], f"{where}.cars")
    if "cars_estimated" in s:
        assert isinstance(s["cars_estimated"], bool), f"{where}: cars_estimated"
        assert "cars" in s, f"{where}: cars_estimated without cars"
    assert s.get("claim", "sighted") in CLAIMS, f"{where}: claim"
    if "group" in s:
        assert s["group"] in groups, f"{where}: group {s['group']!r} not defined"


def _check_expected(expected: object, where: str) -> None:
    assert isinstance(expected, dict), f"{where}: expected is a mapping"
    assert set(expected) <= {"shipments", "groups", "sightings"}, f"{where}: expected keys"
    shipments = expected.get("shipments")
    assert isinstance(shipments, list), f"{where}: shipments is a list ([] for none)"
    groups = expected.get("groups") or []
    ids = {g["id"] for g in groups}
    assert len(ids) == len(groups), f"{where}: group ids repeat"
    for i, s in enumerate(shipments):
        _check_shipment(s, f"{where}.shipments[{i}]", ids)
    for g in groups:
        assert set(g) <= {"id", "n_trains", "cars", "cars_estimated"}, f"{where}: group keys"
        members = [s for s in shipments if s.get("group") == g["id"]]
        assert g.get("n_trains") == len(members), f"{where}: group {g['id']} n_trains"
        if "cars" in g:
            _check_cars(g["cars"], f"{where}.groups.{g['id']}.cars")
    for i, seen in enumerate(expected.get("sightings") or []):
        w = f"{where}.sightings[{i}]"
        assert set(seen) == {"shipment", "place", "seen"}, f"{w}: keys"
        assert 1 <= seen["shipment"] <= len(shipments), f"{w}: shipment index (1-based)"
        if seen["place"] is not None:  # null: seen on a date, place not stated
            _check_place(seen["place"], w)
        _check_window(seen["seen"], w)


@pytest.mark.parametrize("path", _all_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_report_file_is_well_formed(path: Path) -> None:
    data = _load(path)
    where = f"{path.parent.name}/{path.name}"
    assert isinstance(data, dict), where
    assert set(data) >= REQUIRED, f"{where}: missing {sorted(REQUIRED - set(data))}"
    assert set(data) <= TOP_KEYS, f"{where}: unknown keys {sorted(set(data) - TOP_KEYS)}"
    assert isinstance(data["published"], dt.date), f"{where}: published is not a date"
    assert data["published_from"] in PUBLISHED_FROM, f"{where}: published_from"
    assert data["lang"] in LANGS, f"{where}: lang {data['lang']!r}"
    assert data["kind"] in KINDS, f"{where}: kind {data['kind']!r}"
    assert str(data["url"]).startswith(("http://", "https://")), f"{where}: url"
    assert isinstance(data["source"], str), f"{where}: source"
    assert data["source"].strip(), f"{where}: empty source"
    relayed = data.get("relayed_from")
    assert relayed is None or isinstance(relayed, str), f"{where}: relayed_from"
    text = data["text"]
    assert isinstance(text, str), f"{where}: text"
    assert text.strip(), f"{where}: empty text"
    assert len(text) <= MAX_TEXT, f"{where}: text has {len(text)} characters"
    _check_expected(data["expected"], where)
    if data["kind"] in {"negative", "aggregate"}:
        assert data["expected"]["shipments"] == [], f"{where}: a {data['kind']} has no shipment"
    else:
        assert data["expected"]["shipments"], f"{where}: kind {data['kind']} needs a shipment"


def test_ids_are_unique_across_both_corpora() -> None:
    ids = [_load(f)["id"] for f in _all_files()]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_no_report_page_in_both_corpora() -> None:
    dev = {_load(f)["url"] for f in _files("extraction_real")}
    hold = {_load(f)["url"] for f in _files("extraction_real_holdout")}
    assert not dev & hold, sorted(dev & hold)


def test_development_corpus_size_and_languages() -> None:
    langs = [_load(f)["lang"] for f in _files("extraction_real")]
    if len(langs) < 70:
        pytest.skip(f"corpus under construction: {len(langs)} reports")
    assert sum(lang != "en" for lang in langs) * 2 >= len(langs)
    for lang in ("ru", "uk", "be", "pl"):
        assert langs.count(lang) >= 10, lang
    assert langs.count("en") >= 20


def test_places_table_lists_every_labelled_place() -> None:
    table = CORPORA["extraction_real"] / "places.csv"
    if not table.exists():
        pytest.skip("places.csv not written yet")
    with table.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    assert set(rows[0]) == {
        "name_as_written",
        "lang",
        "canonical",
        "kind",
        "lat",
        "lon",
        "coord_source",
    }
    listed = {(r["name_as_written"], r["lang"]) for r in rows}
    for r in rows:
        assert r["kind"] in {"station", "town", "region", "country"}, r
        assert bool(r["lat"]) == bool(r["lon"]), r
        if r["lat"]:
            assert -90 <= float(r["lat"]) <= 90, r
            assert -180 <= float(r["lon"]) <= 180, r
            assert r["coord_source"], r
    missing = set()
    for path in _all_files():
        data = _load(path)
        exp = data["expected"]
        places = [p for s in exp["shipments"] for p in _places_of(s)]
        places += [seen["place"] for seen in exp.get("sightings") or [] if seen["place"]]
        for place in places:
            if (place["text"], data["lang"]) not in listed:
                missing.add((place["text"], data["lang"], path.name))
    assert not missing, sorted(missing)


def _places_of(shipment: dict) -> list[dict]:
    places = [shipment[r] for r in ("origin", "destination") if r in shipment]
    return places + list(shipment.get("via") or [])
