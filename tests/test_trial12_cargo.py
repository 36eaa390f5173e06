"""Trial12 T8 (equipment after "с/з/із" is the load, never a place) and T14 (a row pasted twice).

"36 платформ с САУ" gave origin "САУ", "з РСЗА «Град»" origin "РСЗА", "із КрАЗами"
origin "КрАЗами", and "31 платформа с КамАЗами" destination "КамАЗами": self-propelled
guns, rocket launchers and army lorries are in each language's ``military`` lexicon, so
``LexiconReader.names_cargo`` reads them as what the cars carry. A place in the genitive
after the same preposition ("с Урала", from the Urals) stays the origin.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._extract_helpers import read


def _places(text: str, lang: str) -> list[str]:
    result = read(text, lang=lang)
    names = []
    for s in result.shipments:
        names += [p.text for p in (s.origin, s.destination) if p is not None]
        names += [v.text for v in s.via]
    return names


@pytest.mark.parametrize(
    ("text", "lang", "load"),
    [
        ("5 марта через Жлобин прошёл эшелон: 36 платформ с САУ.", "ru", "САУ"),
        ("5 марта в Брест прибыл эшелон с РСЗА «Град».", "ru", "РСЗА"),
        ("5 марта в Брест прибыл эшелон: 31 платформа с КамАЗами.", "ru", "КамАЗами"),
        ("5 марта в Брест прибыл эшелон: 31 платформа с Уралами.", "ru", "Уралами"),
        ("5 березня ешелон із КрАЗами прибув до Гомеля.", "uk", "КрАЗами"),
        ("5 березня ешелон з РСЗВ прибув до Гомеля.", "uk", "РСЗВ"),
        ("5 сакавіка праз Жлобін прайшоў эшалон: 36 платформаў з САУ.", "be", "САУ"),
        ("5 сакавіка ў Брэст прыбыў эшалон з КамАЗамі.", "be", "КамАЗамі"),
    ],
)
def test_equipment_after_with_is_no_place(text: str, lang: str, load: str) -> None:
    places = _places(text, lang)
    assert places, "the train's other place is still read"
    assert load not in places


def test_a_place_in_the_genitive_stays_the_origin() -> None:
    assert _places("5 марта эшелон с Урала прибыл в Брест.", "ru") == ["Урала", "Брест"]


# -- trial12 T14: a row pasted twice is said, not silently counted twice ----------------


def test_a_repeated_row_is_kept_and_named(tmp_path: Path) -> None:
    from railtrack import load_reports

    row = "04.04.2023;Смоленск;Брест;48;Беларускі Гаюн;https://t.me/Hajun_BY/302\n"
    log = tmp_path / "log.csv"
    log.write_text("date;from;to;cars;source;url\n" + row + row, encoding="utf-8")
    reports = load_reports(log)
    assert len(reports) == 2  # two like trains may fill two rows: both kept
    said = [p for p in reports.problems if "repeats row 2" in p.message]
    assert [(p.path.endswith("log.csv"), p.row) for p in said] == [(True, 3)]


def test_rows_that_differ_are_not_named(tmp_path: Path) -> None:
    from railtrack import load_reports

    log = tmp_path / "log.csv"
    log.write_text(
        "date;from;to;cars;source\n04.04.2023;Смоленск;Брест;48;Гаюн\n"
        "05.04.2023;Смоленск;Брест;48;Гаюн\n",
        encoding="utf-8",
    )
    assert not [p for p in load_reports(log).problems if "repeats" in p.message]
