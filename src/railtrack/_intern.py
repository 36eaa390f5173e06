"""Share one object per distinct value among the frozen models of one load.

A hundred thousand reports name a few thousand sources, stations and dates: keeping
one :class:`~railtrack.models.Source`, :class:`~railtrack.models.Place`,
:class:`~railtrack.models.DateWindow` or :class:`~railtrack.models.CarCounts` per
distinct value, instead of one per record, divides the memory of a loaded report set
several times and skips validating the same value again. The models are frozen, so
sharing them cannot change what any record says.

:func:`interning` opens a table for the duration of a load; code that builds models
asks :func:`current` for it and builds as before when there is none.

Examples
--------
>>> from railtrack.models import Source
>>> with interning() as table:
...     a = table.model(Source, {"reporter": "Hajun", "reliability": "C"})
...     b = table.model(Source, {"reporter": "Hajun", "reliability": "C"})
>>> a is b, a.reliability
(True, 'C')
>>> current() is None
True
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Hashable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

__all__ = ["Interner", "collector_paused", "current", "full_collections_paused", "interning"]

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)

_CURRENT: ContextVar[Interner | None] = ContextVar("railtrack_interner", default=None)


def _value_key(data: Mapping[str, Any]) -> tuple[Any, ...]:
    """Return a hashable key for a flat mapping; types are part of it (``1`` is not ``True``)."""
    return (tuple(data.items()), tuple(map(type, data.values())))


class Interner:
    """A table of shared objects, each stored under a hashable key of its value."""

    def __init__(self) -> None:
        self._table: dict[Hashable, Any] = {}

    def __len__(self) -> int:
        return len(self._table)

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        """Return the object stored under ``key``, building and storing it if new."""
        try:
            return self._table[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self._table[key] = build()
            return value

    def table(self, key: Hashable) -> dict[Any, Any]:
        """Return a plain dict stored under ``key`` (a cache a caller fills itself)."""
        return self.get(key, dict)

    def share(self, model: M) -> M:
        """Return the first stored model equal to ``model`` (storing ``model`` if none is)."""
        try:
            return self.get((type(model), _value_key(model.__dict__)), lambda: model)
        except TypeError:  # a field holds an unhashable value
            return model

    def model(self, cls: type[BaseModel], data: Mapping[str, Any]) -> BaseModel | Mapping[str, Any]:
        """Return the shared ``cls`` validated from the flat mapping ``data``.

        ``data`` is returned unchanged when it is not valid (validating the record
        that holds it then reports the error where it belongs) or not hashable.
        """
        try:
            key = (cls, _value_key(data))
            return self._table[key]  # type: ignore[no-any-return]
        except TypeError:
            return data
        except KeyError:
            pass
        try:
            value = self._table[key] = cls.model_validate(data)
        except ValidationError:
            return data
        return value


def current() -> Interner | None:
    """Return the table of the load in progress, or None outside :func:`interning`."""
    return _CURRENT.get()


@contextmanager
def interning() -> Iterator[Interner]:
    """Share equal frozen models built inside the ``with`` block (nested blocks share too)."""
    active = _CURRENT.get()
    if active is not None:
        yield active
        return
    table = Interner()
    token = _CURRENT.set(table)
    try:
        yield table
    finally:
        _CURRENT.reset(token)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while many models are built.

    Loading and resolving build millions of small objects that form no reference
    cycles; each automatic collection walks all of them again, which made a third of
    the time of resolving 100,000 reports. Everything freed meanwhile is still freed
    at once by reference counting; the collector is restored as it was on exit.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def full_collections_paused() -> Iterator[None]:
    """Pause the cyclic collector's full (oldest-generation) passes; keep the young ones.

    A whole :func:`railtrack.pipeline.track` at national scale holds the loaded
    reports (a million small models) and builds frames and routes beside them; each
    full pass walks every one of them again: 2.4 s of CPU for one pass at 100,000
    reports, and freezing the inputs (:func:`gc.freeze`) only moved the passes to
    later stages (3.6 s in all). Young collections still run, so short-lived cycles
    are freed as usual; the old generation is collected as before once the block
    ends. The thresholds are restored on exit.

    Examples
    --------
    >>> import gc
    >>> before = gc.get_threshold()
    >>> with full_collections_paused():
    ...     gc.get_threshold()[2] > before[2]
    True
    >>> gc.get_threshold() == before
    True
    """
    young, middle, old = gc.get_threshold()
    gc.set_threshold(young, middle, max(old, 1_000_000_000))
    try:
        yield
    finally:
        gc.set_threshold(young, middle, old)
