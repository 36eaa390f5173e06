"""One reporter or outlet under every name it is written with (trial T12).

A channel is named in the language of whoever relays it: "Belarusian Hajun",
"Беларускі Гаюн", "Білоруський Гаюн" and "Białoruski Hajun" are one Telegram channel.
Counted by name they are four sources, which a reader takes for four independent
confirmations. :func:`outlet_name` gives every name of one outlet one name: the
outlet's row of ``data/outlets/outlets.csv`` when one of its names is written
(translations need a row), else the name itself, cleaned; names compare by their
spelling-independent key (:func:`railtrack._translit.skeleton`), so "Зеркало" and
"Zerkalo" are one outlet without a row.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from functools import lru_cache

from railtrack._data import data_path
from railtrack._translit import skeleton

__all__ = ["outlet_key", "outlet_name", "reporter_names"]

_QUOTES = "«»\"“”„‟'‘’`"
_LEADING = re.compile(r"^(?:@|https?://)?(?:t\.me/)?", re.IGNORECASE)


def _cleaned(name: str) -> str:
    """Return a name without surrounding quotes, a leading ``@`` and runs of spaces."""
    return " ".join(_LEADING.sub("", name.strip().strip(_QUOTES).strip()).split())


def outlet_key(name: str) -> str:
    """Return the key two names of one outlet share (spelling, script and case folded).

    Parameters
    ----------
    name : str
        A reporter or outlet as written.

    Returns
    -------
    str
        The spelling-independent key; the casefolded name when it has no letters.

    Examples
    --------
    >>> outlet_key("«Зеркало»") == outlet_key("Zerkalo")
    True
    >>> outlet_key("Belarusian Hajun") == outlet_key("Беларускі Гаюн")
    False
    """
    clean = _cleaned(name)
    return skeleton(clean) or clean.casefold()


@lru_cache(maxsize=1)
def _known_outlets() -> dict[str, str]:
    """Return ``{key of a name: outlet}`` for every name in ``data/outlets/outlets.csv``.

    Raises
    ------
    ValueError
        When one name belongs to two outlets of the file (file, row and name named).
    """
    path = data_path("outlets", "outlets.csv")
    known: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row_number, row in enumerate(csv.DictReader(handle), start=2):
            outlet = _cleaned(row.get("outlet") or "")
            names = [outlet, *(row.get("names") or "").split("|")]
            for name in filter(None, map(_cleaned, names)):
                key = outlet_key(name)
                if known.setdefault(key, outlet) != outlet:
                    msg = (
                        f"{path}, row {row_number}, field 'names': {name!r} is also a name "
                        f"of {known[key]!r}"
                    )
                    raise ValueError(msg)
    return known


def outlet_name(name: str) -> str:
    """Return the one name railtrack shows for a reporter or outlet written ``name``.

    Parameters
    ----------
    name : str
        A reporter or relaying outlet as a report names it, in any language or script.

    Returns
    -------
    str
        The outlet's name in ``data/outlets/outlets.csv`` when ``name`` is one of its
        names (in any spelling), else ``name`` without quotes and extra spaces.

    Examples
    --------
    >>> outlet_name("Білоруський Гаюн"), outlet_name("«Białoruski Hajun»")
    ('Belarusian Hajun', 'Belarusian Hajun')
    >>> outlet_name("Сообщество железнодорожников Беларуси")
    'Community of Railway Workers of Belarus'
    >>> outlet_name("  Radio  Racyja ")
    'Radio Racyja'
    """
    clean = _cleaned(name)
    return _known_outlets().get(outlet_key(clean), clean)


def reporter_names(values: Iterable[object]) -> list[str]:
    """Return the distinct outlets named by ``"; "``-joined source labels, sorted.

    Parameters
    ----------
    values : iterable
        Source labels (``source`` or ``relayed_by`` cells: one name or several joined
        by ``;``); missing values (None, NaN) are skipped.

    Returns
    -------
    list of str
        One :func:`outlet_name` per outlet, sorted case-insensitively: a channel
        written in five languages is one entry.

    Examples
    --------
    >>> reporter_names(["Belarusian Hajun; Zerkalo", "Беларускі Гаюн", None, "Зеркало"])
    ['Belarusian Hajun', 'Zerkalo']
    """
    names: dict[str, str] = {}
    for value in values:
        if not isinstance(value, str):
            continue
        for part in value.split(";"):
            if part.strip():
                name = outlet_name(part)
                names.setdefault(outlet_key(name), name)
    return sorted(names.values(), key=lambda n: (n.casefold(), n))
