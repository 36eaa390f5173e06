"""Which day of a train's itinerary dates which place it passed.

A train's way told day by day in one clause, "19 апреля он прошёл через Могилёв, а 20
апреля — через Кричев", "19 kwietnia przejechał przez Mohylew, a 20 kwietnia przez
Krzyczew", "passed Orsha on 5 March and Minsk on 6 March", pairs its days and places in
turn, whichever comes first: a place is dated by the last day told before it when the
clause opens with a day, by the first day told after it when it opens with a place
(trial14 T4). The nearest day by distance alone gave Mogilev the second day too (it
stands closer to "20 апреля" than to "19 апреля"): a second, false sighting.
"""

from __future__ import annotations

__all__ = ["days_in_turn"]


def days_in_turn(places: list[int], days: list[int]) -> dict[int, int]:
    """Return the day each place of an itinerary is dated by, by position.

    Parameters
    ----------
    places
        The start offsets of the places passed, in one clause.
    days
        The start offsets of the days told in that clause.

    Returns
    -------
    dict of int to int
        A place's start mapped to the start of its day; empty unless the clause tells
        two or more days (one day dates all places alike). One place and two days ("On
        5 March it left Minsk and on 6 March passed Orsha") dates the place once.

    Examples
    --------
    >>> t = "19 апреля он прошёл через Могилёв, а 20 апреля — через Кричев."
    >>> days_in_turn([t.index("Могилёв"), t.index("Кричев")], [0, t.index("20")])
    {26: 0, 55: 37}
    >>> t = "passed Orsha on 5 March and Minsk on 6 March"
    >>> days_in_turn([7, 28], [t.index("5"), t.index("6")])
    {7: 16, 28: 37}
    >>> days_in_turn([7], [0, 20]), days_in_turn([7, 20], [0])
    ({7: 0}, {})
    """
    places, days = sorted(places), sorted(days)
    if not places or len(days) < 2:
        return {}
    found: dict[int, int] = {}
    for place in places:
        before = [d for d in days if d < place]
        after = [d for d in days if d > place]
        if days[0] < places[0]:
            day = before[-1] if before else None
        else:
            day = after[0] if after else None
        if day is not None:
            found[place] = day
    return found
