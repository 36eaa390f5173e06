"""Datelines: a post that opens with the place, the day and the time it tells of.

Channel posts and eyewitness messages are often written as a dateline, then the
facts::

    Лунинец, 12 апреля, 12:40. Эшелон со стороны Барановичей: 31 платформа ...
    Лунінец, 12 красавіка, 12:40. Эшалон з боку Баранавічаў: 31 платформа ...
    Łuniniec, 12 kwietnia, 12:40. Pociąg od strony Baranowicz: 31 platform ...
    Luninets, April 12. An echelon arrived: 31 flatcars with KamAZ trucks.

The dateline's place is where the train was seen, its day (and time) when: the train
assembly (:mod:`railtrack.extract.trains`) gives each train told after it a sighting
there. A dateline is a name of one to three capitalised words at the start of the text
or of a paragraph, a comma, a date the language's reader finds, an optional time, and
a stop (".", ":" or the end of the line), or a dash with the train told after it in
its sentence ("🔴 Лунінец, 19.04, 14:30 — эшалон з 36 платформаў ..."). A name that is
itself a date word ("Сегодня, 12 апреля, ..."; "Today, April 12, ...") or no place in the language's
lexicon (a channel's name) is none; so is a news agency's dateline in capitals
("МИНСК, 12 апреля.") or one followed by a dash and the outlet ("Тольятти, 31.05.2019 -
Тольятти Онлайн."). A train with a destination or a place seen of its own is not given
the dateline's place: a newsroom's city is no train's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from railtrack.extract.lexicon import lexicon, month_of
from railtrack.extract.places import PlaceSpan
from railtrack.extract.scripts import UPPER

if TYPE_CHECKING:
    from railtrack.extract.dates import DateSpan
    from railtrack.extract.readers import Reader

__all__ = ["Dateline", "datelines"]

_UP = UPPER
# the name at a paragraph's start, then a comma: "Лунинец, ", "Nowy Oskoł, "
_HEAD = re.compile(
    rf"(?:\A|\n[^\S\n]*\n)[^\w\n]*"
    rf"(?P<name>[{_UP}][\w'’-]+(?:[^\S\n]+[{_UP}][\w'’-]+){{0,2}})[^\S\n]*,[^\S\n]*"
)
# after the date: ", 12:40", " в 12:40", " o 12:40", then the stop
_TIME = r"(?:[^\S\n]*,?[^\S\n]*(?:[^\W\d_]{1,4}\.?[^\S\n]+)?(?:[01]?\d|2[0-3])[:.][0-5]\d)?"
_TAIL = re.compile(_TIME + r"[^\S\n]*(?:[.:]|(?=\n)|\Z)")
# or a dash, when the train follows it on the line: "🔴 Лунінец, 19.04, 14:30 — эшалон
# з 36 платформаў ... прыбыў" (trial14 T15); an outlet's name after a dash ("Тольятти,
# 31.05.2019 - Тольятти Онлайн.") names no train
_STOP = re.compile(r"[.!?](?:\s|\Z)")
_DASH_TAIL = re.compile(_TIME + r"[^\S\n]*[—–-][^\S\n]*")


@dataclass(frozen=True)
class Dateline:
    """A dateline: its place (role ``at``), its date, and where the dateline ends."""

    place: PlaceSpan
    day: DateSpan
    end: int


def _no_place(name: str, rd: Reader) -> bool:
    """Whether a dateline's name is a date word, a train noun or no place of the lexicon."""
    first = name.split()[0]
    if name.isupper():  # "МИНСК, 12 апреля. /ТАСС/": a news agency's city, not a sighting
        return True
    if month_of(first) is not None or rd.find_dates(name) or rd.has_train_noun(name):
        return True
    not_places = lexicon(rd.lang).not_places
    return not_places is not None and any(not_places.match(w.lower()) for w in name.split())


def _sentence_after(line: str, at: int) -> str:
    """Return ``line`` from ``at`` to its first stop: the words a dash leads to."""
    stop = _STOP.search(line, at)
    return line[at : stop.start() if stop else len(line)]


def datelines(text: str, rd: Reader) -> list[Dateline]:
    """Return the datelines of ``text``: at its start, or at a paragraph's start.

    Parameters
    ----------
    text
        The report.
    rd
        The reader of its language (its dates, train nouns and places that are none).

    Returns
    -------
    list of Dateline
        In text order; the place as written (not yet resolved), role ``at``.

    Examples
    --------
    >>> from railtrack.extract.readers import reader_for
    >>> [(d.place.text, d.day.text) for d in datelines(
    ...     "Лунинец, 12 апреля, 12:40. Эшелон со стороны Барановичей.", reader_for("ru"))]
    [('Лунинец', '12 апреля')]
    >>> datelines("Сегодня, 12 апреля, в Брест прибыл эшелон.", reader_for("ru"))
    []
    >>> [(d.place.text, d.day.text) for d in datelines(
    ...     "🔴 Лунинец, 19.04, 14:30 — эшелон из 36 платформ прибыл.", reader_for("ru"))]
    [('Лунинец', '19.04')]
    >>> datelines("Тольятти, 31.05.2019 - Тольятти Онлайн.", reader_for("ru"))
    []
    """
    found: list[Dateline] = []
    for m in _HEAD.finditer(text):
        name = m["name"]
        if _no_place(name, rd):
            continue
        line_end = text.find("\n", m.end())
        line = text[m.end() : len(text) if line_end < 0 else line_end]
        days = rd.find_dates(line)
        if not days or days[0].start != 0:
            continue
        day = days[0]
        tail = _TAIL.match(line, day.end)
        if tail is None:
            tail = _DASH_TAIL.match(line, day.end)
            if tail is None or not rd.has_train_noun(_sentence_after(line, tail.end())):
                continue
        at = m.end()
        moved = replace(day, start=day.start + at, end=day.end + at)
        place = PlaceSpan("at", name, m.start("name"), m.end("name"), m.start("name"), rd.lang)
        found.append(Dateline(place, moved, at + tail.end()))
    return found
