"""The faster load and index paths give exactly what the plain code they replace gave."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import numpy as np
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from railtrack import _national, _regions, _translit
from railtrack._data import data_path
from railtrack.extract import lexicon as lexicon_mod
from railtrack.extract.lexicon import LANGUAGES
from railtrack.network import load_network

_DOUBLES = re.compile(r"(.)\1+")


def reference_to_latin(text: str) -> str:
    """The letter-by-letter transliteration that ``to_latin`` replaced with one translate."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFKC", text).casefold():
        if ch in _translit._CYRILLIC:
            out.append(_translit._CYRILLIC[ch])
        elif ch in _translit._LATIN_SPECIAL:
            out.append(_translit._LATIN_SPECIAL[ch])
        elif ord(ch) < 128:
            out.append(ch)
        else:
            out.append("".join(c for c in unicodedata.normalize("NFKD", ch) if ord(c) < 128))
    return "".join(out)


def reference_tokens_skeleton(tokens: list[str]) -> str:
    """Join the merged parts, then collapse doubled letters with a regex (the old way).

    A lone letter after the first token is a yard park and keeps its hyphen
    ("ЧЕЛЯБИНСК-А" is no key of "Челябинска"; session 18).
    """
    parts = [_translit._merge(t) for t in tokens]
    parts[1:] = [
        "-" + t if len(t) == 1 and t.isalpha() else _translit._role_code(p)
        for t, p in zip(tokens[1:], parts[1:], strict=True)
    ]
    return _DOUBLES.sub(r"\1", "".join(parts))


@pytest.fixture(scope="module")
def all_names() -> list[str]:
    """Every name, Cyrillic name and alias of the default network's stations and towns."""
    net = load_network()
    names: list[str] = []
    for n, d in net.G.nodes(data=True):
        if d.get("kind") != "track":
            names += [d.get("name") or n, d.get("name_ru") or "", *d.get("aliases", [])]
    return [x for x in names if x]


def test_to_latin_and_skeleton_match_reference_on_every_name(all_names: list[str]) -> None:
    assert len(all_names) > 40_000
    for name in all_names:
        assert _translit.to_latin(name) == reference_to_latin(name), name
        tokens = _translit.name_tokens(name)
        if tokens:
            for toks in (tokens, _translit.base_tokens(tokens)):
                assert _translit.tokens_skeleton(toks) == reference_tokens_skeleton(toks), name


_LETTERS = st.sampled_from(
    list("abcxyz-' .ABCŁłšžčćżźâêëûß") + list("абвгджзийклмнопрстуфхцчшщьыэюяёєіїґў") + ["é", "ñ"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LETTERS, max_size=24).map("".join))
def test_to_latin_and_skeleton_match_reference_on_any_text(text: str) -> None:
    assert _translit.to_latin(text) == reference_to_latin(text)
    tokens = _translit.name_tokens(text)
    if tokens:
        assert _translit.tokens_skeleton(tokens) == reference_tokens_skeleton(tokens)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", "aa", "ab", "ba", "b", "1", "sort", "glavny", "ka"]),
                min_size=1, max_size=5))  # fmt: skip
def test_skeleton_joins_like_the_regex(tokens: list[str]) -> None:
    assert _translit.tokens_skeleton(tokens) == reference_tokens_skeleton(tokens)


def test_snap_without_kd_tree_finds_the_kd_tree_nodes(monkeypatch: pytest.MonkeyPatch) -> None:
    from scipy.spatial import cKDTree

    root = data_path("network", "national")
    nodes = _national._columns(root / "track_nodes.csv.gz")
    track_lat = np.array(nodes["lat"], dtype=float)
    track_lon = np.array(nodes["lon"], dtype=float)
    towns = _national._columns(root / "towns.csv.gz")
    lat = np.array(towns["lat"][::20], dtype=float)
    lon = np.array(towns["lon"][::20], dtype=float)
    chord, want = cKDTree(_national._unit(track_lat, track_lon)).query(_national._unit(lat, lon))
    monkeypatch.setattr(_national, "_BRUTE_FORCE_PAIRS", 10**12)
    got, km = _national.snap_to_track(lat, lon, track_lat, track_lon)
    assert got.tolist() == want.tolist()
    np.testing.assert_allclose(km, 2 * 6371.0088 * np.arcsin(chord / 2), atol=1e-9)


def test_regions_read_alike_with_either_yaml_loader() -> None:
    text = data_path("network", "regions.yaml").read_text(encoding="utf-8")
    assert yaml.load(text, Loader=_regions._safe_loader()) == yaml.safe_load(text)


@pytest.mark.parametrize("corpus", ["extraction", "extraction_real"])
def test_corpus_reports_read_alike_with_either_yaml_loader(corpus: str) -> None:
    # tests/_corpora.py reads the corpora with libyaml; the plain loader is the reference
    from tests._corpora import DATA, corpus_reports

    plain = []
    for path in sorted((DATA / corpus).glob("*.y*ml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("text"), str):
            plain.append(data)
    assert len(plain) >= 50
    assert corpus_reports(corpus) == plain


@pytest.mark.parametrize("lang", LANGUAGES)
def test_lexicons_read_alike_with_either_yaml_loader(lang: str) -> None:
    path = Path(lexicon_mod.__file__).parent / "lexicons" / f"{lang}.yaml"
    plain = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert plain
    assert lexicon_mod._parsed(lang) == plain
