"""Status, tense, dates and times of trains told in real reports (issue 13, trial13).

T7 a direction cue ("в направлении Гомеля", "у направленні", "у накіраванні", "по
направлению к") with a verb of passing is a sighting at the place passed, as "в сторону"
is: the noun "направлении" is no departure verb (lexicon key ``verbs.not``).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests._extract_helpers import read

APR13 = date(2023, 4, 13)

# -- T7: a direction cue with a verb of passing ------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("13 апреля в 22:40 через Жлобин в направлении Гомеля проследовал воинский эшелон"
         " (42 вагона).", "ru"),
        ("13 апреля в 22:40 через станцию Жлобин в направлении Гомеля прошёл воинский"
         " эшелон (42 вагона).", "ru"),
        ("🚂 13.04 в 22:40 через Жлобин в направлении Гомеля проследовал воинский эшелон"
         " (42 вагона).", "ru"),
        ("13 апреля в 22:40 через Жлобин по направлению к Гомелю проследовал эшелон"
         " (42 вагона).", "ru"),
        ("13 квітня о 22:40 через Жлобин у направленні Гомеля пройшов військовий ешелон"
         " (42 вагони).", "uk"),
        ("13 квітня о 22:40 через Жлобин у напрямку Гомеля пройшов військовий ешелон"
         " (42 вагони).", "uk"),
        ("13 красавіка а 22:40 праз Жлобін у накіраванні Гомеля прайшоў вайсковы эшалон"
         " (42 вагоны).", "be"),
        ("13 красавіка а 22:40 праз Жлобін у напрамку Гомеля прайшоў вайсковы эшалон"
         " (42 вагоны).", "be"),
        ("13 kwietnia o 22:40 przez Żłobin w kierunku Homla przejechał pociąg wojskowy"
         " (42 wagony).", "pl"),
        ("On April 13 at 22:40 a military train (42 cars) passed through Zhlobin towards"
         " Gomel.", "en"),
        ("On April 13 at 22:40 a military train (42 cars) heading for Gomel passed through"
         " Zhlobin.", "en"),
    ],
)  # fmt: skip
def test_a_direction_with_a_passing_verb_is_a_sighting(text: str, lang: str) -> None:
    result = read(text, APR13, lang=lang)
    (train,) = result.shipments
    assert train.departure is None
    assert train.destination is not None
    assert [s.seen_at for s in result.sightings] == [datetime(2023, 4, 13, 22, 40)]
