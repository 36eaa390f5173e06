"""The form index answers every name it holds exactly as the rules do (issue 15 speed).

The index (:mod:`railtrack._formindex`) holds the names of the network's places as
written, their Russian and Ukrainian case forms, capitals and hyphen spellings, each
answered once by the gazetteer's own rules. Here it is built over every name of
every names table (``tests/data/names_real/*.csv``, the corpus ``places.csv``, the
embedded reports' ``network_names.csv``, the distances table) with their report forms,
and over a sample of the network's report forms; then every one of those names is
answered from the index (the rules switched off) and by the rules of a fresh index
(``Gazetteer._resolve``), and every field must be equal: place, precision, score,
candidates, note, form. Hypothesis draws more names from the held forms, changed as
reports change them, and compares the two paths the same way.
"""

from __future__ import annotations

import csv
import pickle
from collections.abc import Iterator
from dataclasses import astuple
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from railtrack import _netcache
from railtrack._formindex import (
    CASES,
    build_form_index,
    case_forms,
    known_forms,
    load_form_index,
    report_forms,
)
from railtrack.gazetteer import Gazetteer
from railtrack.network import load_network

TESTS = Path(__file__).parent
REPO = TESTS.parent
TABLES = [
    TESTS / "data" / "network_names.csv",
    TESTS / "data" / "extraction_real" / "places.csv",
    *sorted((TESTS / "data" / "names_real").glob("*.csv")),
]
KEY = "f" * 32


def table_names() -> list[str]:
    """Every name as written of every names table and of the distances table."""
    out: list[str] = []
    for path in TABLES:
        with path.open(encoding="utf-8", newline="") as f:
            out += [row["name_as_written"] for row in csv.DictReader(f)]
    with (REPO / "data" / "network" / "distances.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            out += [row["origin"], row["destination"]]
    return list(dict.fromkeys(out))


def as_reports_write(name: str) -> list[str]:
    """A name with the forms the index adds to a known form (cases, capitals, hyphens)."""
    out = [name, *case_forms(name)]
    out += [f.upper() for f in out] + [f.replace(" ", "-") for f in out]
    return list(dict.fromkeys(out))


def fresh(gaz: Gazetteer) -> Gazetteer:
    """An independent copy of an index with every answer cache empty."""
    copy: Gazetteer = pickle.loads(pickle.dumps(gaz))
    copy.keep_answers(None)
    copy._cache.clear()
    copy._lang_cache.clear()
    copy._token_cache.clear()
    return copy


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_network().gazetteer


@pytest.fixture(scope="module")
def held(gaz: Gazetteer) -> list[str]:
    """The names the test index holds: the tables' names and a sample of report forms."""
    names = [f for name in table_names() for f in as_reports_write(name)]
    return list(dict.fromkeys(names + report_forms(gaz)[::150]))


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("forms-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(_netcache.CACHE_DIR_ENV, str(folder))
        mp.delenv(_netcache.NO_CACHE_ENV, raising=False)
        yield folder


@pytest.fixture(scope="module")
def indexed(gaz: Gazetteer, held: list[str], cache: Path) -> Gazetteer:
    """A fresh index that answers from the form index only (the rules switched off)."""
    assert build_form_index(gaz, KEY, forms=held) == len(held)
    index = fresh(gaz)
    index.keep_answers(KEY)
    index._store_key = None  # no answers of an earlier run: the form index only
    index._read_forms()
    assert index._forms is not None
    return index


@pytest.fixture(scope="module")
def rules(gaz: Gazetteer) -> Gazetteer:
    return fresh(gaz)


def test_every_table_name_from_the_index_equals_the_rules(
    indexed: Gazetteer, rules: Gazetteer, held: list[str]
) -> None:
    forms = indexed._forms
    assert forms is not None
    assert list(forms) == sorted(held)
    differ = []
    for name in held:
        got = forms.get(indexed, name)
        assert got is not None, name
        want = rules._resolve(name)
        if astuple(got) != astuple(want):
            differ.append((name, got, want))
    assert not differ, differ[:3]


def test_batch_through_the_index_equals_the_rules(
    indexed: Gazetteer, rules: Gazetteer, held: list[str]
) -> None:
    """A batch of held and unheld names: held ones read, the rest by the rules."""
    names = held[::7] + [f"ст. {n}" for n in held[::11]] + ["Blorpton", "Ншкр", ""]
    batch = fresh(indexed)
    batch.keep_answers(KEY)
    batch._store_key = None
    got = batch.resolve_all(names)
    assert batch._forms is not None
    assert [astuple(r) for r in got] == [astuple(rules._resolve(n)) for n in names]


_EDITS = st.sampled_from(
    ["{}", "{}", "st. {}", "{} station", "ст. {}", "из {}", "w {}", "{}-2", "{} (Russia)"]
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_drawn_names_index_equals_rules(
    indexed: Gazetteer, rules: Gazetteer, held: list[str], data: st.DataObject
) -> None:
    """Names drawn from the held forms, changed as reports change them, either path."""
    name = data.draw(st.sampled_from(held))
    how = data.draw(st.sampled_from(["same", "lower", "upper", "title", "drop", "add"]))
    if how == "drop" and len(name) > 3:
        i = data.draw(st.integers(1, len(name) - 2))
        name = name[:i] + name[i + 1 :]
    elif how == "add":
        name += data.draw(st.sampled_from(["а", "е", "у", "і", "ой", "a", "u", "ie"]))
    elif how in ("lower", "upper", "title"):
        name = getattr(name, how)()
    text = data.draw(_EDITS).format(name)
    assert astuple(indexed.resolve(text)) == astuple(rules._resolve(text))


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("Гомель", "Гомеля"),
        ("Гомель", "Гомеле"),
        ("Калуга", "Калугу"),
        ("Калуга", "Калузі"),
        ("Брянская область", "Брянской области"),
        ("Брянська область", "Брянської області"),
        ("Старый Оскол", "Старого Оскола"),
        ("Орша", "Оршей"),
    ],
)
def test_case_forms_are_those_reports_write(name: str, form: str) -> None:
    assert form in case_forms(name)
    assert name not in case_forms(name)
    assert len(case_forms(name)) <= 2 * len(CASES)


@pytest.mark.parametrize("name", ["Minsk", "Matveev Kurgan", "Małaszewicze", "123", ""])
def test_latin_names_have_no_case_forms(name: str) -> None:
    assert case_forms(name) == []


def test_report_forms_hold_every_known_form_and_its_report_spellings(gaz: Gazetteer) -> None:
    forms = set(report_forms(gaz))
    known = known_forms(gaz)
    assert set(known) <= forms
    assert {"ГОМЕЛЬ", "Гомеля", "Гомелі", "Matveev-Kurgan", "MATVEEV KURGAN"} <= forms
    assert "Старого Оскола" in forms
    assert all(f.strip() for f in forms)


def test_old_index_entry_is_not_read(gaz: Gazetteer, cache: Path) -> None:
    """An entry in another layout (names -> pickled answers) is not an index: rules answer."""
    from railtrack._formindex import KIND, _entry_key

    key = _entry_key("e" * 32)
    assert key is not None
    _netcache.save(key, KIND, {"Гомель": b"x"}, disk=True)
    assert load_form_index("e" * 32) is None
