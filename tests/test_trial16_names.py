"""Station names (trial15 T15): fleeting vowels, stations known by name only, standing idle.

"у Гомлі" (Гомель) lost a Belarusian train; the border stations Vidzibor, Skryhalau and
Oltush resolved to nothing with "no station scores 85". Each kind in the languages it
concerns, with forms the trial did not use.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from railtrack import load_network
from railtrack.gazetteer import Gazetteer
from railtrack.inflection import lemma_forms
from railtrack.io import load_reports


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_network().gazetteer


@pytest.mark.parametrize(("name", "lang"), [("Гомлі", "be"), ("Гомлем", "be"), ("Гомлі", None)])
def test_the_fleeting_vowel_of_gomel_resolves(gaz: Gazetteer, name: str, lang: str | None) -> None:
    assert gaz.resolve(name, lang=lang).station_id == "BY-GOMEL"


@pytest.mark.parametrize(
    ("form", "lang", "nominative"),
    [
        ("Гомлі", "be", "Гомель"),
        ("Лепля", "be", "Лепель"),  # a form the trial did not use
        ("Гарадку", "be", "Гарадок"),
        ("Лунінцы", "be", "Лунінец"),
        ("Арла", "be", "Арол"),
        ("Ельцом", "ru", "Елец"),
        ("Орле", "ru", "Орёл"),
        ("Камня", "ru", "Камень"),
        ("Єльці", "uk", "Єлець"),
        ("Кременцем", "uk", "Кременець"),
        ("Орлі", "uk", "Орел"),
    ],
)
def test_fleeting_vowel_case_forms(form: str, lang: str, nominative: str) -> None:
    assert nominative in lemma_forms(form, lang)


@pytest.mark.parametrize(
    ("name", "station"),
    [
        ("Выдзібар", "Vidzibor"),
        ("Відзібару", "Vidzibor"),  # "зь Відзібару": a case form
        ("Wydybór", "Vidzibor"),
        ("Vidzibor", "Vidzibor"),
        ("Скрыгалаў", "Skryhalau"),
        ("Скрыгалава", "Skryhalau"),
        ("Skryhalau", "Skryhalau"),
        ("Олтуш", "Oltush"),
        ("Oltush", "Oltush"),
    ],
)
def test_a_station_known_by_name_only_says_what_is_missing(
    gaz: Gazetteer, name: str, station: str
) -> None:
    found = gaz.resolve(name)
    assert not found.resolved
    assert f"is {station} (BY)" in found.note
    assert "no source the repository may carry" in found.note
    assert "--network" in found.note


def test_an_unknown_name_keeps_its_plain_note(gaz: Gazetteer) -> None:
    assert gaz.resolve("Blorptonovka").note.startswith("no station scores")


@pytest.mark.parametrize(
    "sentence",
    [
        "Сёння ў Гомлі прастойвае эшалон з 40 платформаў з тэхнікай.",
        "Сегодня в Гомеле простаивает эшелон из 40 платформ.",
        "Сьогодні в Гомелі простоює ешелон із 40 платформ.",
    ],
)
def test_a_train_standing_idle_at_gomel_is_read(tmp_path: Path, sentence: str) -> None:
    path = tmp_path / "post.txt"
    path.write_text(
        f"source: Беларускі Гаюн\npublished: 2023-05-20\n\n{sentence}\n", encoding="utf-8"
    )
    reports = load_reports(path)
    (train,) = reports.shipments
    assert train.cars.total == 40
    assert [s.station.station_id for s in reports.sightings] == ["BY-GOMEL"]  # type: ignore[union-attr]
