"""A post headed by its station alone: where the trains it tells of were (issue 13 T5).

Belarusian Hajun heads most posts with the station, on a line of its own, then the
report::

    🔴 Асіповічы

    Сёння раніцай прыбыў эшалон з 40 вагонаў.

Relays keep the layout in every language ("#Осиповичи", "Osipowicze:", "🔴
Asipovichy"). The heading is a line that is only a place's name: one to three
capitalised words, with marks (an emoji), a hashtag or a colon around it, at the start
of the text (where a single line break after the name will do: "Брест\nСегодня утром
прибыл эшелон" is headed by Brest) or of a paragraph, or anywhere when marked ("🔴
Лунинец" on the line after the last station's report, as a day's digest writes them
line by line: trial17b T4), with the report after it. The name is a station or town
the embedded gazetteer knows as written (:func:`~railtrack.extract.nominatives.is_nominative_name`):
a region or a country ("🔴 Беларусь", "Гомельская область") heads no station, nor does a
word such as "Срочно" or "Update".

:func:`station_headings` finds them; the train assembly
(:mod:`railtrack.extract.trains`) gives the heading's station to each train told under
it that names no place of its own: the end of a train that arrived or was unloaded, a
place passed by a train that passed, and the origin of a train told as leaving "from
the station" with no name (:func:`heading_station_roles`: "са станцыі адправіўся").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from railtrack.extract.lexicon import lexicon, month_of, tokens
from railtrack.extract.nominatives import is_nominative_name
from railtrack.extract.places import PlaceSpan, is_broad

if TYPE_CHECKING:
    from railtrack.extract.readers import Reader

__all__ = ["StationHeading", "heading_station_roles", "station_headings"]

# a line that is only a name: marks (an emoji, a bullet) and a hashtag before it, a
# colon or marks after it; each word starts with a capital of any script (checked with
# str.isupper on the match: review17 #5)
_HEAD = re.compile(
    r"^[^\w\n]*?#?(?P<name>[^\W\d_][\w'’-]*(?:[^\S\n]+[^\W\d_][\w'’-]*){0,2})"
    r"[^\S\n]*:?[^\w\n]*$",
    re.MULTILINE,
)


@dataclass(frozen=True)
class StationHeading:
    """A heading naming a station: its place (role ``at``) and where its line ends."""

    place: PlaceSpan
    end: int


def station_headings(text: str, rd: Reader) -> list[StationHeading]:
    """Return the lines of ``text`` that head a post or a paragraph with a station alone.

    Parameters
    ----------
    text
        The report.
    rd
        The reader of its language (its dates and train nouns are no station).

    Returns
    -------
    list of StationHeading
        In text order: each heading at the start of the text, after a blank line or
        marked on a line of its own (an emoji, a hashtag), followed by more text,
        naming a station or town the embedded gazetteer knows (the name as written,
        role ``at``; offsets into ``text``).

    Examples
    --------
    >>> from railtrack.extract.readers import reader_for
    >>> t = "🔴 Асіповічы\\n\\nСёння раніцай прыбыў эшалон з 40 вагонаў."
    >>> [h.place.text for h in station_headings(t, reader_for("be"))]
    ['Асіповічы']
    >>> [h.place.text for h in station_headings("#Osipowicze\\nDziś rano ...", reader_for("pl"))]
    ['Osipowicze']
    >>> t = "Итоги дня 22 мая\\n🔴 Осиповичи\\nПрибыл эшелон.\\n🔴 Лунинец\\nПрошёл эшелон."
    >>> [h.place.text for h in station_headings(t, reader_for("ru"))]
    ['Осиповичи', 'Лунинец']
    >>> station_headings("🔴 Беларусь\\n\\nСёння прыбыў эшалон.", reader_for("be"))
    []
    >>> station_headings("Срочно\\n\\nСегодня прибыл эшелон.", reader_for("ru"))
    []
    """
    found: list[StationHeading] = []
    for m in _HEAD.finditer(text):
        start = m.start()
        above = text[text.rfind("\n", 0, max(0, start - 1)) + 1 : max(0, start - 1)]
        marked = bool(text[start : m.start("name")].strip())
        if start > 0 and above.strip() and not marked:
            continue  # (a paragraph's first line, or a line marked "🔴 Лунинец")
        if not text[m.end() :].strip():
            continue  # (the report follows its heading)
        name = m["name"]
        if not all(word[0].isupper() for word in name.split()):
            continue  # a station's name: every word capitalised
        if not _names_a_station(name, rd):
            continue
        place = PlaceSpan("at", name, m.start("name"), m.end("name"), m.start("name"), rd.lang)
        found.append(StationHeading(place, m.end()))
    return found


def _names_a_station(name: str, rd: Reader) -> bool:
    """Whether a heading's name is a known station or town, not a region, day or train."""
    if is_broad(name) or month_of(name.split()[0]) is not None:
        return False
    if rd.find_dates(name) or rd.has_train_noun(name):
        return False
    return is_nominative_name(name)


def heading_station_roles(text: str, lang: str) -> list[str]:
    """Return the ends a text gives to "the station" it does not name ("со станции").

    Under a station heading a report says "from the station" for the heading's station
    ("🔴 Барысаў" / "Учора ўвечары са станцыі адправіўся эшалон": it left Barysau).
    The phrases are the lexicon's ``heading_station``; one followed, within two
    words, by a capitalised name ("со станции Орша", "ze stacji w Borysowie") names
    its own station and gives nothing.

    Parameters
    ----------
    text
        A sentence of the report.
    lang
        Its language (one of :data:`~railtrack.extract.lexicon.LANGUAGES`).

    Returns
    -------
    list of str
        The roles (``"origin"``) of the unnamed station phrases, each once, in text
        order; empty for none.

    Examples
    --------
    >>> heading_station_roles("Учора ўвечары са станцыі адправіўся эшалон", "be")
    ['origin']
    >>> heading_station_roles("Вчера со станции Орша отправился эшелон", "ru")
    []
    >>> heading_station_roles("Pociąg wyjechał ze stacji w Borysowie", "pl")
    []
    """
    table = lexicon(lang).heading_station
    toks = tokens(text)
    roles: list[str] = []
    for i, tok in enumerate(toks):
        if tok.low not in table:
            continue
        hit = table.match(toks, i)
        if hit is None or hit[0] in roles:
            continue
        after = [t.text for t in toks[hit[1] :] if t.text[:1].isalnum() or t.text[:1] in '«"„“']
        if any(w[:1].isupper() or not w[:1].isalnum() for w in after[:2]):
            continue  # (a station of its own: "со станции Орша", "со станции «Орша»")
        roles.append(hit[0])
    return roles
