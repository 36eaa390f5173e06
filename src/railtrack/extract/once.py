"""A property computed on first use and kept on the instance, without a lock.

:func:`functools.cached_property` does the same, but in Python 3.11 it takes a
lock on every first use (removed in 3.12): the train assembly makes a clause
reader per clause and asks each for a few of its finders' results, so that lock
and its checks were about 3% of a report's time. :class:`once` is a non-data
descriptor: the first read calls the function and stores the value in the
instance's ``__dict__``, where every later read finds it without calling
:meth:`once.__get__` again. Not for objects shared between threads.

Examples
--------
>>> class Clause:
...     def __init__(self, text: str) -> None:
...         self.text = text
...     @once
...     def words(self) -> list[str]:
...         print("split")
...         return self.text.split()
>>> c = Clause("one train left")
>>> c.words
split
['one', 'train', 'left']
>>> c.words
['one', 'train', 'left']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

__all__ = ["once"]

_T = TypeVar("_T")
_R = TypeVar("_R")


class once(Generic[_T, _R]):  # noqa: N801 - a decorator, named like cached_property
    """Decorate a method of one argument: computed on first read, then an attribute.

    Parameters
    ----------
    func
        The method; its value is stored under its own name in the instance's
        ``__dict__`` (the class must not use ``__slots__`` alone).
    """

    def __init__(self, func: Callable[[_T], _R]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type[Any] | None = None) -> once[_T, _R]: ...

    @overload
    def __get__(self, instance: _T, owner: type[Any] | None = None) -> _R: ...

    def __get__(self, instance: _T | None, owner: type[Any] | None = None) -> once[_T, _R] | _R:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value
