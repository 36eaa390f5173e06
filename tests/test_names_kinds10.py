"""Kinds of names ``unseen10.csv`` and the real corpus left unresolved or wrong (issue 15).

Each kind is checked in the languages it concerns and, where the gazetteer allows, as
a property over its data:

- a case form whose nominative ties between towns of the network ("Николаевом":
  Mykolaiv, Mykolaiv of Lviv oblast, Mykolaivka) never resolves to a smaller place
  off the track that bears the nominative as its own name (the Rostov village
  Nikolayev, 630 people); it stays a tie with all of them as candidates.
"""

from __future__ import annotations

import gzip

import pytest

from railtrack import data_path, load_network
from railtrack.network import RailNetwork


@pytest.fixture(scope="module")
def net() -> RailNetwork:
    return load_network()


# -- a case form of a tied nominative ---------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["Николаевом", "Николаеве", "Николаева", "Николаеву", "под Николаевом"],  # ru, unseen10
)
def test_a_case_form_of_a_tied_nominative_stays_a_tie(net: RailNetwork, name: str) -> None:
    r = net.resolve(name)
    assert not r.resolved, r
    ids = {c for c, _, _ in r.candidates}
    assert {"GN700569", "GN700568"} <= ids, r  # both Mykolaivs stay candidates
    assert r.name != "Nikolayev"


def test_a_case_form_still_reaches_a_place_off_the_track_it_alone_names(
    net: RailNetwork,
) -> None:
    # no network town bears "Wilno"/"Ейск": the place off the network answers
    assert net.resolve("Wilnie").name == "Vilnius"
    assert net.resolve("Ейске").name == "Yeysk"


def _off_track_cyrillic_names() -> list[tuple[str, str]]:
    """(Cyrillic name, GeoNames id) of the places of RU/UA/BY the track does not reach."""
    out = []
    path = data_path() / "network" / "world" / "places.tsv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        head = fh.readline().rstrip("\n").split("\t")
        for line in fh:
            row = dict(zip(head, line.rstrip("\n").split("\t"), strict=True))
            if row["country"] not in {"RU", "UA", "BY"}:
                continue
            for n in row["names"].split("|"):
                if n.isalpha() and n[0] in "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ" and n[-1] in "внрлк":
                    out.append((n, row["id"]))
    return out


def test_property_no_case_form_picks_a_place_off_the_track_over_a_tie(
    net: RailNetwork,
) -> None:
    checked = 0
    for name, gid in _off_track_cyrillic_names():
        nominative = net.resolve(name)
        if nominative.resolved or "score alike" not in nominative.note:
            continue  # not a tie of network towns the nominative names alike
        tied = {c for c, _, _ in nominative.candidates if c.startswith("GN") and c != gid}
        if len(tied) < 2:
            continue
        checked += 1
        for form in (name + "ом", name + "е"):
            r = net.resolve(form)
            assert not (
                r.resolved
                and r.in_network is False
                and r.name
                and gid in {c for c, _, _ in r.candidates}
            ), (form, r)
    assert checked >= 1
