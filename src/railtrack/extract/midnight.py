"""Clock times told in turn across midnight: "учора а 23:50 прайшоў Оршу, а 00:40 ...".

A report that follows one train with clock times under one day word tells them in the
order they happened: "Эшалон, які ўчора а 23:50 прайшоў Оршу, а 00:40 быў ужо ў
Шклове", "вчера в 23:50 прошёл Оршу, а в 00:40 был уже в Шклове", "wczoraj o 23:50
przejechał przez Orszę, a o 00:40 był już w Szkłowie", "passed Orsha at 23:50 yesterday
and was in Shklov by 00:40" (trial15 T9). The day word dates the first time; a later
time that is earlier on the clock is past midnight, on the next day. Only a step back
of more than twelve hours is read so (23:50 then 00:40): a smaller one (14:00 then
09:00) is a report that does not tell its times in order, and is left as written.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import datetime, timedelta

__all__ = ["past_midnight"]

_HALF_DAY = timedelta(hours=12)
_DAY = timedelta(days=1)


def past_midnight(seen: Sequence[tuple[int, Hashable, datetime | None]]) -> list[datetime | None]:
    """Return each time seen, a day later where it follows a later clock time of its day.

    Parameters
    ----------
    seen
        One ``(position, day, moment)`` per sighting: where its place is in the text
        (characters), what dated it (the same value for times under one day word,
        e.g. the day word's offsets) and when it was seen; ``moment`` is None for a
        sighting without a time of day, which is kept and breaks no run.

    Returns
    -------
    list of datetime or None
        The moments in the order given, those past midnight moved one day on.

    Examples
    --------
    >>> from datetime import datetime
    >>> out = past_midnight([(10, "d", datetime(2023, 5, 19, 23, 50)),
    ...                      (40, "d", datetime(2023, 5, 19, 0, 40))])
    >>> [m.isoformat() for m in out]
    ['2023-05-19T23:50:00', '2023-05-20T00:40:00']
    >>> out = past_midnight([(10, "d", datetime(2023, 5, 19, 14)),
    ...                      (40, "d", datetime(2023, 5, 19, 9))])
    >>> [m.hour for m in out], out[1].day
    ([14, 9], 19)
    """
    out = [moment for _, _, moment in seen]
    last: dict[Hashable, datetime] = {}
    for n in sorted(range(len(seen)), key=lambda k: seen[k][0]):
        _, day, moment = seen[n]
        if moment is None:
            continue
        before = last.get(day)
        while before is not None and before - moment > _HALF_DAY:
            moment += _DAY
        out[n] = moment
        last[day] = moment
    return out
