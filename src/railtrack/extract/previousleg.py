"""The leg before the one told: "Раней, 10 траўня, ён прыбыў з Расіі".

A channel tells a train leaving a station, then where it came from before: "Эшалон
(40 вагонаў) адправіўся з Асіповічаў у бок Гомеля. Раней, 10 траўня, ён прыбыў з
Расіі." ("Ранее ... он прибыл из России", "Раніше ... він прибув з Росії",
"Wcześniej ... przyjechał z Rosji", "Earlier, on 10 May, it arrived from Russia"). The
arrival after "earlier" is the train's arrival at the station it then left (10 May at
Asipovichy, from Russia), never at the end it is heading to (session 17 T2). The
lexicons' ``earlier_leg`` words open such a clause.
"""

from __future__ import annotations

import re

from railtrack.extract.lexicon import LANGUAGES, lexicon

__all__ = ["opens_with_earlier"]

# what may stand before the word at the clause's start: spaces, quotes, dashes, a bullet
_LEAD = re.compile(r"[\s\"'«»„“”‘’()\-–—•*]*")


def opens_with_earlier(text: str, lang: str) -> bool:
    """Whether a clause opens with a word of the lexicon's ``earlier_leg`` ("Раней").

    Parameters
    ----------
    text
        One clause of a report.
    lang
        Its language (en, ru, uk, be, pl); another language has no such words.

    Returns
    -------
    bool
        True when the first words of ``text`` are one of the ``earlier_leg`` words
        (whole words, any case).

    Examples
    --------
    >>> opens_with_earlier("Раней, 10 траўня, ён прыбыў з Расіі.", "be")
    True
    >>> opens_with_earlier("Wcześniej, 10 maja, przyjechał z Rosji.", "pl")
    True
    >>> opens_with_earlier("Ён прыбыў з Расіі раней.", "be")
    False
    >>> opens_with_earlier("Earlier, on 10 May, it arrived from Russia.", "lt")
    False
    """
    if lang not in LANGUAGES:
        return False
    pattern = lexicon(lang).earlier_leg
    if pattern is None:
        return False
    lead = _LEAD.match(text)
    at = lead.end() if lead is not None else 0
    found = pattern.match(text, at)
    return found is not None
