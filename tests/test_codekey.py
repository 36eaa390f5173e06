"""The code version in checkpoint keys: a changed railtrack computes again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from railtrack import _codekey
from railtrack._codekey import code_key


@pytest.fixture
def fresh() -> Iterator[None]:
    code_key.cache_clear()
    yield
    code_key.cache_clear()


def test_the_key_is_stable_and_changes_with_any_file(
    fresh: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    (data / "network").mkdir(parents=True)
    names = data / "network" / "names.yaml"
    names.write_text("a: 1\n", encoding="utf-8")
    monkeypatch.setattr(_codekey, "data_path", lambda: data)
    first = code_key()
    code_key.cache_clear()
    assert code_key() == first  # the same files, the same key
    for change in ("a: 2\n", "a: 2\n# comment\n"):
        names.write_text(change, encoding="utf-8")
        code_key.cache_clear()
        assert code_key() != first
        first = code_key()
    (data / "network" / "new.yaml").write_text("", encoding="utf-8")  # a file added
    code_key.cache_clear()
    assert code_key() != first
    # compiled caches are no source
    cache = data / "network" / "__pycache__"
    cache.mkdir()
    before = code_key()
    (cache / "x.pyc").write_bytes(b"\0")
    code_key.cache_clear()
    assert code_key() == before


def test_the_key_names_the_version(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    first = code_key()
    monkeypatch.setattr(_codekey, "__version__", "999.0")
    code_key.cache_clear()
    assert code_key() != first


def test_missing_data_still_gives_a_key(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> Path:
        raise FileNotFoundError("railtrack's embedded data directory is missing")

    monkeypatch.setattr(_codekey, "data_path", missing)
    assert len(code_key()) == 24
