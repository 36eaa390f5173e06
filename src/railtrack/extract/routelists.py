"""Routes written as a list of three or more places joined by dashes.

A route list names the train's start, the places it passes and its end, in order:
"traveled the route Xi'an, China – Altynkol, Kazakhstan – Etrek, Turkmenistan –
Tehran, Iran", "on the route Kum (Iran)—Etrek (Turkmenistan)—Yiwu (China)",
"the Changsha (China) -Altynkol (Kazakhstan) -Tehran route". The first name is the
origin, the last the destination and those between are places passed. A list is read
only beside a route word of the text's language ("route", "маршрут", "trasa"), so a
dash between two names elsewhere ("Kyiv – Chelm train") is left to the other rules.

An en or em dash always separates two names; a hyphen does only with a space on one
side, or after a country gloss ("(Turkmenistan)-Ak-Yayla"): "Ak-Yayla" stays one name.
A list of countries ("China – Kazakhstan – Iran") names no stations: it is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = ["RouteListPlace", "route_list_places"]

_UPPER = r"[^\W\d_a-zà-öø-ÿа-яёіїєўґąćęłńóśźżäöüß]"
_WORD = rf"{_UPPER}[\w'’.]*(?:-{_UPPER}[\w'’.]*)*"
_NAME = rf"{_WORD}(?:[^\S\n]+{_WORD}){{0,3}}"
# a gloss after a name: "(Iran)", ", Kazakhstan" (a capitalised word or two before the
# next dash or the end of the clause)
_GLOSS = (
    rf"(?:[^\S\n]*\([^()\n]{{1,40}}\)|,[^\S\n]*{_WORD}(?:[^\S\n]+{_WORD})?"
    rf"(?=[^\S\n]*(?:[–—]|-[^\S\n]|[.,;:)]|$)))"
)
_DASH = r"(?:[^\S\n]*[–—][^\S\n]*|[^\S\n]+-[^\S\n]*|-[^\S\n]+)"
_COLON_RE = re.compile(r"[^\S\n]*:")
_GLOSSED_DASH = r"[^\S\n]*-[^\S\n]*"
_ELEMENT_RE = re.compile(rf"(?P<name>{_NAME})(?P<gloss>{_GLOSS})?", re.MULTILINE)
_SEP_RE = re.compile(_DASH)
_GLOSSED_SEP_RE = re.compile(_GLOSSED_DASH)
# the words between a route word and its list; a colon may end the route word when
# the list stands as a label's value ("Маршрут: Орша — Смоленськ — Брянськ")
_GAP_RE = re.compile(rf"[^\S\n]*:?[^\S\n]+(?:[^\W\d_]+[^\S\n]+){{0,2}}?(?={_UPPER})")
_GLOSSED_FIRST_RE = re.compile(rf"(?<![\w'’.-]){_NAME}{_GLOSS}(?={_DASH})")
_NAME_START_RE = re.compile(rf"(?<![\w'’.-]){_UPPER}")


@dataclass(frozen=True)
class RouteListPlace:
    """One place of a route list.

    ``role`` is ``origin``, ``at`` or ``destination``; ``text`` the name as written,
    from ``start`` to ``end`` in the text.
    """

    role: str
    text: str
    start: int
    end: int


def _chain(text: str, pos: int) -> list[tuple[int, int]]:
    """Return the names of a dash-joined list starting at ``pos`` as (start, end) spans."""
    spans: list[tuple[int, int]] = []
    while True:
        m = _ELEMENT_RE.match(text, pos)
        if m is None:
            break
        end = m.end("name")
        while text[end - 1] == ".":
            end -= 1  # a full stop after the last name ends the sentence
        spans.append((m.start("name"), end))
        pos = m.end()
        sep = _SEP_RE.match(text, pos)
        if sep is None and m["gloss"]:
            sep = _GLOSSED_SEP_RE.match(text, pos)
        if sep is None:
            break
        pos = sep.end()
    return spans


def _list_starts(
    text: str, route_words: Sequence[str], max_gap: int, labels: Sequence[str] = ()
) -> tuple[set[int], set[int]]:
    """Return where a list may start: after a route word, or before one it ends at.

    The second set holds the starts right after a route label and its colon
    ("Маршрут: Орша — Брянськ"), where two names make a route.
    """
    lowered = text.lower()
    starts = set()
    labelled = set()
    for word in route_words:
        for m in re.finditer(re.escape(word), lowered):
            # a list after the route word ("the route A - B - C", "по маршруту А – Б – В")
            end = m.end()
            while end < len(text) and (text[end].isalpha() or text[end] in "'’"):
                end += 1  # the rest of the word ("маршруту")
            g = _GAP_RE.match(text, end)
            if g is not None and g.end() - end <= max_gap:
                starts.add(g.end())
                if lowered[m.start() : end] in labels and _COLON_RE.match(text, end):
                    labelled.add(g.end())
            # a list just before it ("the A (China) - B - C route")
            for c in _NAME_START_RE.finditer(text, max(0, m.start() - 400), m.start()):
                spans = _chain(text, c.start())
                if len(spans) >= 3 and not text[spans[-1][1] : m.start()].strip():
                    starts.add(c.start())
                    break
    # a list whose names are glossed with their countries needs no route word: "Sending
    # the train to Changsha (China)–Altynkol (Kazakhstan)–Tehran was held ..."
    for g in _GLOSSED_FIRST_RE.finditer(text):
        spans = _chain(text, g.start())
        glossed = sum(1 for a, _ in spans if _glossed_at(text, a))
        if len(spans) >= 3 and glossed >= 2:
            starts.add(g.start())
    return starts, labelled


def _glossed_at(text: str, start: int) -> bool:
    """Whether the name of a list starting at ``start`` carries a gloss."""
    m = _ELEMENT_RE.match(text, start)
    return m is not None and bool(m["gloss"])


def route_list_places(
    text: str,
    route_words: Sequence[str],
    *,
    is_broad: Callable[[str], bool],
    max_gap: int = 30,
    labels: Sequence[str] = (),
) -> list[RouteListPlace]:
    """Return the places of every route list beside a route word, in text order.

    Parameters
    ----------
    text
        The report's text.
    route_words
        Lower-case stems that name a route in the text's language ("route",
        "маршрут"); a list counts when one ends at most ``max_gap`` characters before
        it, or one follows it directly ("the A - B - C route").
    is_broad
        Whether a name is a country or region; a list whose names are all broad is
        skipped, and broad names between its ends are no places passed.
    max_gap
        How far (in characters) a route word may stand before the list.
    labels
        Lower-case route labels ("маршрут", "trasa", "route"): after one and its
        colon, as in "Маршрут: Орша — Брянськ", two names are a route too.

    Returns
    -------
    list of RouteListPlace
        For each list of three names or more: its first name as ``origin``, the
        names between as ``at`` and its last name as ``destination``.

    Examples
    --------
    >>> broad = lambda name: name in {"China", "Iran", "Kazakhstan", "Turkmenistan"}
    >>> [(p.role, p.text) for p in route_list_places(
    ...     "It traveled the route Xi’an, China – Altynkol, Kazakhstan – Etrek, "
    ...     "Turkmenistan – Tehran, Iran.", ["route"], is_broad=broad)]
    [('origin', 'Xi’an'), ('at', 'Altynkol'), ('at', 'Etrek'), ('destination', 'Tehran')]
    >>> route_list_places("on the route China – Kazakhstan – Iran", ["route"], is_broad=broad)
    []
    >>> [(p.role, p.text) for p in route_list_places(
    ...     "Маршрут: Орша — Брянськ.", ["маршрут"], is_broad=broad, labels=["маршрут"])]
    [('origin', 'Орша'), ('destination', 'Брянськ')]
    """
    if not route_words:
        return []
    starts, labelled = _list_starts(text, route_words, max_gap, labels)
    found: list[RouteListPlace] = []
    taken: set[int] = set()
    for start in sorted(starts):
        if start in taken:
            continue
        spans = _chain(text, start)
        if len(spans) < (2 if start in labelled else 3):
            continue
        names = [text[a:b] for a, b in spans]
        if all(is_broad(n) for n in names):
            continue
        taken.update(a for a, _ in spans)
        last = len(spans) - 1
        for k, ((a, b), name) in enumerate(zip(spans, names, strict=True)):
            role = "origin" if k == 0 else "destination" if k == last else "at"
            if role == "at" and is_broad(name):
                continue
            found.append(RouteListPlace(role, name, a, b))
    return found
