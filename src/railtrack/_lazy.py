"""A module imported on first use, so commands that never touch it start faster.

``pd = lazy_module("pandas")`` binds a stand-in; the first attribute read
(``pd.DataFrame``) imports pandas and caches each attribute on the stand-in, so
later reads cost what a plain module attribute does. Type checkers see the real
module through an ``if TYPE_CHECKING`` import beside it.

Examples
--------
>>> json = lazy_module("json")
>>> json.dumps([1])
'[1]'
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

__all__ = ["lazy_module"]


class _LazyModule:
    """Stands in for a module until one of its attributes is read."""

    def __init__(self, name: str) -> None:
        object.__setattr__(self, "_lazy_name", name)

    def __getattr__(self, attr: str) -> Any:
        module: ModuleType = importlib.import_module(object.__getattribute__(self, "_lazy_name"))
        value = getattr(module, attr)
        object.__setattr__(self, attr, value)  # next read is a plain attribute
        return value

    def __repr__(self) -> str:
        return f"<lazy module {object.__getattribute__(self, '_lazy_name')!r}>"


def lazy_module(name: str) -> Any:
    """Return a stand-in for module ``name`` that imports it on first attribute read."""
    return _LazyModule(name)
