"""A report's correction of a count: the corrected number replaces the old one.

Channels correct themselves: "Поправка: вагонов было не 40, а 44.", "Sprostowanie:
wagonów było 44, nie 40.", "Correction: the train had 44 cars, not 40." Read as a
plain text, the old count stays on the train (trial13 T4). :func:`count_corrections`
finds each corrected count after a correction cue, and
:func:`apply_count_corrections` puts the new number on the train that carried the
old one (or marks the train that already carries the new one), with a note that
says so.

The words are the lexicon's (``correction``: the cue; ``correction_swap``: the forms
"не {old}, а {new}", "{new}, nie {old}", "not {old} but {new}").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from railtrack import columns as C
from railtrack.extract.lexicon import LANGUAGES, lexicon
from railtrack.models import CAR_TYPES

if TYPE_CHECKING:
    import pandas as pd

    from railtrack.models import Shipment, Source

__all__ = [
    "CountCorrection",
    "apply_count_corrections",
    "corrected_count",
    "corrected_pair",
    "corrected_totals",
    "corrects_earlier",
    "count_corrections",
    "reply_corrections",
]

_NUMBER = r"(\d{1,4})"
# up to two words after a number inside a form ("44 cars, not 40")
_NOUNS = r"(?:\s+[^\W\d]+){0,2}?"
_SAID = "count corrected:"
"""How a shipment's note records a correction; :func:`corrected_count` reads it back."""
_SAID_NOTE = re.compile(rf"{re.escape(_SAID)} (\d+), not (\d+)")
_EARLIER = "of an earlier report"
"""Added to the note, for people, when the report only corrects: its train already carried
the new count. No code reads it: the flag is :attr:`~railtrack.models.Shipment.corrects_only`
(review17 #9)."""
_CAR_FIELDS = ("total", *CAR_TYPES)


@dataclass(frozen=True)
class CountCorrection:
    """A count the report corrects: ``old`` was wrong, ``new`` is right; ``text`` as written."""

    old: int
    new: int
    text: str


def _template(template: str) -> re.Pattern[str]:
    """Return the pattern of one ``correction_swap`` form ({old}, {new}: numbers)."""
    out: list[str] = []
    pieces = re.split(r"(\{old\}|\{new\})", template)
    for i, piece in enumerate(pieces):
        if piece in {"{old}", "{new}"}:
            out.append(f"(?P<{piece[1:-1]}>{_NUMBER[1:-1]})")
            if i + 1 < len(pieces) - 1 or pieces[-1]:
                out.append(_NOUNS)  # "44 cars, not 40", "не 40 вагонов, а 44"
        elif not piece:
            continue
        else:
            words = [re.escape(w) for w in piece.split()]
            joined = r"\s+".join(words)
            lead = r"\s*" if piece[:1].isspace() or piece[:1] in ",;" else ""
            tail = r"\s*" if piece[-1:].isspace() else ""
            joined = joined.replace(r"\,", r"\s*,")
            out.append(lead + joined + tail)
    return re.compile(rf"(?<![\d\w]){''.join(out)}(?![\d])", re.IGNORECASE)


@lru_cache(maxsize=8)
def _swaps(lang: str) -> tuple[re.Pattern[str], ...]:
    return tuple(_template(t) for t in lexicon(lang).correction_swap)


def count_corrections(text: str, lang: str) -> list[CountCorrection]:
    """Return the counts a report corrects, in order.

    Parameters
    ----------
    text
        The report.
    lang
        Its language (``en``, ``ru``, ``uk``, ``be``, ``pl``).

    Returns
    -------
    list of CountCorrection
        Each "not {old} but {new}" after a correction cue ("Поправка",
        "Sprostowanie", "Correction"); none without a cue. The cue is read in every
        language's lexicon (a Belarusian post opening with the Russian "Поправка",
        trial20 T10), the forms in the report's language and the cue's.

    Examples
    --------
    >>> count_corrections("Эшелон из 40 вагонов. Поправка: вагонов было не 40, а 44.", "ru")
    [CountCorrection(old=40, new=44, text='не 40, а 44')]
    >>> count_corrections("Sprostowanie: wagonów było 44, nie 40.", "pl")
    [CountCorrection(old=40, new=44, text='44, nie 40')]
    >>> count_corrections("Поправка: у эшалоне было не 45, а 47 вагонаў.", "be")
    [CountCorrection(old=45, new=47, text='не 45, а 47')]
    >>> count_corrections("Эшелон шёл не 2, а 3 дня.", "ru")  # no correction cue
    []
    """
    cues = [(m.start(), cue_lang) for cue_lang, m in _cues(text, lang)]
    if not cues:
        return []
    start = min(at for at, _ in cues)
    langs = dict.fromkeys((lang, *(cue_lang for _, cue_lang in cues)))
    found: dict[int, CountCorrection] = {}
    for pattern in (p for one in langs for p in _swaps(one)):
        for m in pattern.finditer(text, start):
            old, new = int(m["old"]), int(m["new"])
            if old != new and m.start() not in found:
                found[m.start()] = CountCorrection(old, new, m.group(0))
    return [found[k] for k in sorted(found)]


def _cues(text: str, lang: str) -> list[tuple[str, re.Match[str]]]:
    """Return (language, first match) of each lexicon's correction cue found in ``text``."""
    out = []
    for one in dict.fromkeys((lang, *LANGUAGES)):
        cue = lexicon(one).correction if one in LANGUAGES else None
        m = cue.search(text) if cue is not None else None
        if m is not None:
            out.append((one, m))
    return out


def apply_count_corrections(
    shipments: list[Shipment], corrections: list[CountCorrection]
) -> list[Shipment]:
    """Return the shipments with each corrected count replaced and the correction noted.

    A train whose count (total or a car type) is the old number gets the new one; a
    train that already carries the new number (a post that only corrects) is noted
    as the correction. The note (``"count corrected: 44, not 40 (не 40, а 44)"``)
    is the correction's source in the report; a train that already carried the new
    number has `` of an earlier report`` added to it for people, and
    ``corrects_only`` set for code (:func:`corrects_earlier`).

    Parameters
    ----------
    shipments : list of Shipment
        The report's shipments.
    corrections : list of CountCorrection
        The corrections the report tells (:func:`count_corrections`).

    Returns
    -------
    list of Shipment
        Copies where a correction applies; ``shipments`` itself when there is none.

    Examples
    --------
    >>> from railtrack.models import CarCounts, Shipment, Source
    >>> s = Shipment(id="t1", cars=CarCounts(total=40), source=Source(reporter="H"))
    >>> (t,) = apply_count_corrections([s], [CountCorrection(40, 44, "не 40, а 44")])
    >>> t.cars.total, t.note, t.corrects_only
    (44, 'count corrected: 44, not 40 (не 40, а 44)', False)
    >>> s = Shipment(id="t1", cars=CarCounts(total=44), source=Source(reporter="H"))
    >>> (t,) = apply_count_corrections([s], [CountCorrection(40, 44, "не 40, а 44")])
    >>> t.cars.total, t.corrects_only  # the report only corrects an earlier one
    (44, True)
    """
    if not corrections:
        return shipments
    out: list[Shipment] = []
    for s in shipments:
        for fix in corrections:
            s = _corrected(s, fix)
        out.append(s)
    return out


def reply_corrections(
    answered: list[Shipment],
    corrections: list[CountCorrection],
    *,
    report: str,
    source: Source,
    text: str,
) -> list[Shipment]:
    """Return the trains a reply that corrects a count tells: those of the post it answers.

    A channel corrects a post by replying to it, naming no place ("Папраўка: у эшалоне
    было не 40, а 42 вагоны.", "Поправка: вагонов было 42, а не 40.", "Correction: 42
    cars, not 40"): the reply is about the post it answers (trial19 T4). Each train of
    that post that carries an old count is told again by the reply with the new one,
    its ends and days, as a report that only corrects (``corrects_only``, ``told_before``,
    the note :func:`apply_count_corrections` writes, `` of an earlier report`` added):
    the train it corrects then takes the new count with the usual problem line
    (:func:`railtrack.recounts.correction_links`).

    Parameters
    ----------
    answered : list of Shipment
        The trains of the post replied to.
    corrections : list of CountCorrection
        The reply's corrections (:func:`count_corrections`).
    report : str
        The reply's report id; its trains are ``{report}-t1``, ``{report}-t2``, ...
    source : Source
        The reply's source.
    text : str
        The reply as written (the evidence points at the correction's words in it).

    Returns
    -------
    list of Shipment
        One train per answered train that carries an old count; empty when none does.

    Examples
    --------
    >>> from railtrack.models import CarCounts, Shipment, Source
    >>> told = Shipment(id="a-t1", cars=CarCounts(total=40), source=Source(reporter="H"))
    >>> fix = CountCorrection(40, 42, "не 40, а 42")
    >>> text = "Папраўка: было не 40, а 42 вагоны."
    >>> (t,) = reply_corrections([told], [fix], report="b", source=told.source, text=text)
    >>> t.id, t.cars.total, t.corrects_only, t.told_before
    ('b-t1', 42, True, True)
    >>> reply_corrections([told], [CountCorrection(30, 33, "")], report="b",
    ...                   source=told.source, text=text)
    []
    """
    from railtrack.models import Evidence

    out: list[Shipment] = []
    for s in answered:
        counts = s.cars.model_dump()
        fixes = [f for f in corrections if any(counts.get(k) == f.old for k in _CAR_FIELDS)]
        if not fixes:
            continue
        cars = s.cars
        notes = []
        evidence = []
        for fix in fixes:
            changed = {k: fix.new for k in _CAR_FIELDS if counts.get(k) == fix.old}
            cars = cars.model_copy(update=changed)
            notes.append(f"{_said(fix)} {_EARLIER}")
            start = max(text.find(fix.text), 0)
            evidence.append(
                Evidence(
                    field="cars.total" if "total" in changed else f"cars.{next(iter(changed))}",
                    text=fix.text or text[:1],
                    start=start,
                    end=start + max(len(fix.text), 1),
                )
            )
        out.append(
            s.model_copy(
                update={
                    "id": f"{report}-t{len(out) + 1}",
                    "report": report,
                    "source": source,
                    "cars": cars,
                    "note": "; ".join(notes),
                    "corrects_only": True,
                    "told_before": True,
                    "group": None,
                    "evidence": tuple(evidence),
                }
            )
        )
    return out


def _corrected(s: Shipment, fix: CountCorrection) -> Shipment:
    counts = s.cars.model_dump()
    changed = {k: fix.new for k in _CAR_FIELDS if counts.get(k) == fix.old}
    if not changed and fix.new not in (counts.get(k) for k in _CAR_FIELDS):
        return s
    said = _said(fix) if changed else f"{_said(fix)} {_EARLIER}"
    note = said if not s.note else f"{s.note}; {said}"
    update: dict[str, object] = {"note": note}
    if changed:
        update["cars"] = s.cars.model_copy(update=changed)
    else:
        update["corrects_only"] = True
    return s.model_copy(update=update)


def _said(fix: CountCorrection) -> str:
    """Return the note recording ``fix``, in the form :data:`_SAID_NOTE` reads back."""
    return f"{_SAID} {fix.new}, not {fix.old} ({fix.text})"


def corrected_count(note: object) -> int | None:
    """Return the corrected count a shipment's note records, or None.

    Parameters
    ----------
    note : object
        A shipment's ``note`` (a string, or None/NaN when it has none).

    Returns
    -------
    int or None
        The new count of the first correction the note records.

    Examples
    --------
    >>> corrected_count("count corrected: 44, not 40 (не 40, а 44)")
    44
    >>> corrected_count(None) is None
    True
    """
    m = _SAID_NOTE.search(note) if isinstance(note, str) else None
    return int(m[1]) if m else None


def corrects_earlier(told: object) -> bool:
    """Return whether a shipment's report only corrects an earlier one.

    A report whose train carries the corrected count and never the old one
    ("Удакладненне: было 33 вагоны, а не 31") tells no train of its own: it corrects
    a train an earlier report told (:func:`railtrack.recounts.correction_links`). A
    report that tells the old count and corrects it ("Эшелон из 40 вагонов.
    Поправка: не 40, а 44") tells its own train. The answer is the shipment's
    ``corrects_only`` flag, never its note's wording (review17 #9).

    Parameters
    ----------
    told : Shipment or object
        A shipment, or the ``corrects_only`` cell of a shipment table (a bool, or
        None/NA when the table has none).

    Returns
    -------
    bool

    Examples
    --------
    >>> from railtrack.models import Shipment, Source
    >>> corrects_earlier(Shipment(id="b-t1", source=Source(reporter="H"), corrects_only=True))
    True
    >>> corrects_earlier(True), corrects_earlier(False), corrects_earlier(None)
    (True, False, False)
    >>> import pandas as pd
    >>> corrects_earlier(pd.NA)
    False
    """
    from railtrack.models import Shipment

    if isinstance(told, Shipment):
        return told.corrects_only
    if isinstance(told, bool):
        return told
    try:  # a NumPy or pandas boolean; NA answers neither
        return bool(told == True)  # noqa: E712
    except TypeError:
        return False


def corrected_pair(note: object) -> tuple[int, int] | None:
    """Return (new, old) of the first correction a shipment's note records, or None.

    Parameters
    ----------
    note : object
        A shipment's ``note`` (a string, or None/NaN when it has none).

    Returns
    -------
    tuple of (int, int) or None
        The corrected count and the count it replaces.

    Examples
    --------
    >>> corrected_pair("count corrected: 33, not 30 (33 цыстэрны, а не 30)")
    (33, 30)
    >>> corrected_pair(float("nan")) is None
    True
    """
    m = _SAID_NOTE.search(note) if isinstance(note, str) else None
    return (int(m[1]), int(m[2])) if m else None


def corrected_totals(shipments: pd.DataFrame, relays: pd.DataFrame) -> dict[str, tuple[int, bool]]:
    """Return the kept trains a linked report corrects: its corrected car total.

    A post correcting an earlier one ("Поправка: ... было не 40, а 44 вагона") is
    linked to the train it corrects as a relay; the kept train takes the corrected
    count, whichever record was kept (trial13 T4), when the count corrected is its
    total (or it has none): a corrected car kind ("не 30, а 33 цистерны" of a train of
    40 cars) leaves the total as it was (trial17b T7).

    Parameters
    ----------
    shipments
        The shipment table (kept and dropped rows alike), with ``id`` and ``note``.
    relays
        The relay links (``id`` of a dropped record, ``train`` it was linked to).

    Returns
    -------
    dict
        Kept train id -> (the corrected total, False: an exact count); the shape of
        :func:`railtrack.relays.merged_counts`.

    Examples
    --------
    >>> import pandas as pd
    >>> ships = pd.DataFrame({"id": ["a-t1", "b-t1"], "cars_total": [40, 44],
    ...                       "note": [None, "count corrected: 44, not 40 (...)"]})
    >>> corrected_totals(ships, pd.DataFrame({"id": ["b-t1"], "train": ["a-t1"]}))
    {'a-t1': (44, False)}
    >>> ships["cars_total"] = [50, 44]  # 40 was a car kind of a train of 50: the total stays
    >>> corrected_totals(ships, pd.DataFrame({"id": ["b-t1"], "train": ["a-t1"]}))
    {}
    """
    if not len(relays) or C.NOTE not in shipments.columns:
        return {}
    fixed = {
        str(i): pair
        for i, note in zip(shipments[C.ID], shipments[C.NOTE], strict=True)
        if (pair := corrected_pair(note)) is not None
    }
    if not fixed:
        return {}
    totals = (
        dict(zip(shipments[C.ID].astype(str), shipments[C.CARS_TOTAL].tolist(), strict=True))
        if C.CARS_TOTAL in shipments.columns
        else {}
    )
    out: dict[str, tuple[int, bool]] = {}
    links = zip(relays[C.ID].astype(str), relays["train"].astype(str), strict=True)
    for dropped, train in links:
        if dropped not in fixed:
            continue
        new, old = fixed[dropped]
        try:
            had: int | None = int(totals.get(train))  # type: ignore[arg-type]
        except (TypeError, ValueError):  # None, NA, NaN: no total told
            had = None
        if had is None or had == old:
            out[train] = (new, False)  # (a car kind corrected: the total stays, trial17b T7)
    return out
