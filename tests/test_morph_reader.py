"""pymorphy3's C++ dictionary reader gives exactly what its pure-Python reader gave.

railtrack depends on ``DAWG2`` (pymorphy3's extra ``fast``) so that pymorphy3 reads its
dictionaries with the C++ ``dawg`` module; without it pymorphy3 falls back to the
pure-Python ``dawg2-python`` (what the tree before issue 15's session 9 ran). The
speed-up is only worth having if no answer moves, so each check below runs the new
path in this process and the old path in a child process in which ``import dawg``
fails (``sys.modules["dawg"] = None``: pymorphy3 then picks the pure-Python reader),
and compares every field:

- the case forms (:func:`railtrack.inflection.lemma_forms`, without a language and in
  Russian and Ukrainian) and the full resolution (every field of
  :class:`railtrack.gazetteer.Resolution`) of every name of every names table
  (``tests/data/names_real/*.csv``, the corpus's ``places.csv``,
  ``tests/data/network_names.csv``);
- the same for the Russian names of the default network's places and oblique case
  forms of them (genitive, dative, accusative, locative as pymorphy3 inflects them,
  and by the suffix rules);
- Hypothesis-drawn Cyrillic names (letters, hyphens, spaces, case endings).
"""

from __future__ import annotations

import csv
import json
import random
import subprocess
import sys
from dataclasses import astuple
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from railtrack.gazetteer import Gazetteer
from railtrack.inflection import lemma_forms
from railtrack.network import load_network


def _has_cpp_reader() -> bool:
    try:
        import dawg  # noqa: F401
    except ImportError:
        return False
    return True


# a mark, not importorskip: the child process imports this module without the reader
pytestmark = pytest.mark.skipif(
    not _has_cpp_reader(), reason="DAWG2 (pymorphy3's C++ reader) is not installed"
)

TESTS = Path(__file__).parent
TABLES = [
    TESTS / "data" / "network_names.csv",
    TESTS / "data" / "extraction_real" / "places.csv",
    *sorted((TESTS / "data" / "names_real").glob("*.csv")),
]
_LANGS = (None, "ru", "uk")

# Runs in the child: the old path (pure-Python reader), names on stdin, answers on stdout.
_CHILD = """
import json, sys
sys.modules["dawg"] = None  # pymorphy3 falls back to the pure-Python reader
from dataclasses import astuple
import pymorphy3.dawg
assert pymorphy3.dawg.DAWG.__module__.startswith("dawg_python"), pymorphy3.dawg.DAWG
from railtrack.gazetteer import Gazetteer
from railtrack.inflection import lemma_forms
from railtrack.network import load_network
sys.path.insert(0, sys.argv[1])
from test_morph_reader import answers
print(json.dumps(answers(json.load(sys.stdin))))
"""


def answers(names: list[str]) -> dict[str, Any]:
    """Case forms and every field of the resolution of each name, on a fresh index.

    Run by both paths: here (the C++ reader) and in the child (the pure-Python one).
    """
    net = load_network()
    gaz = Gazetteer(net.G, regions=net.regions, settings=net.settings)
    out: dict[str, Any] = {}
    for name in names:
        forms = [list(lemma_forms(name, lang)) for lang in _LANGS]
        found = [list(astuple(gaz._resolve(name, lang))) for lang in _LANGS]
        out[name] = json.loads(json.dumps([forms, found], ensure_ascii=False, default=str))
    return out


def old_path(names: list[str]) -> dict[str, Any]:
    """:func:`answers` computed with pymorphy3's pure-Python reader, in a child process."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(TESTS)],
        input=json.dumps(names, ensure_ascii=False),
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def assert_same(names: list[str]) -> None:
    """Both paths give every name the same case forms and resolution."""
    import pymorphy3.dawg

    assert pymorphy3.dawg.DAWG.__module__ == "dawg"  # this process reads with C++
    new, old = answers(names), old_path(names)
    assert new.keys() == old.keys()
    differ = [(n, old[n], new[n]) for n in names if new[n] != old[n]]
    assert not differ, differ[:3]


def table_names() -> list[str]:
    """Every name as written of every names table."""
    out: list[str] = []
    for path in TABLES:
        with path.open(encoding="utf-8", newline="") as f:
            out += [row["name_as_written"] for row in csv.DictReader(f)]
    return list(dict.fromkeys(out))


def network_names(n: int, seed: int) -> list[str]:
    """``n`` Russian names of the default network's places and oblique forms of them."""
    import pymorphy3

    net = load_network()
    names = sorted(
        {str(d["name_ru"]) for _, d in net.G.nodes(data=True) if d.get("name_ru")}
        - {""}  # track nodes have none
    )
    rng = random.Random(seed)
    morph = pymorphy3.MorphAnalyzer(lang="ru")
    out = []
    for name in rng.sample(names, n):
        head, _, last = name.rpartition(" ")
        parse = morph.parse(last)[0]
        case = rng.choice(["gent", "datv", "accs", "loct"])
        inflected = parse.inflect({case})
        word = inflected.word if inflected is not None else last + rng.choice(["а", "е", "у"])
        out += [name, f"{head} {word[:1].upper()}{word[1:]}".strip()]
    return out


def test_table_names_answer_as_with_the_pure_python_reader() -> None:
    assert_same(table_names())


def test_network_names_and_their_case_forms_answer_as_with_the_pure_python_reader() -> None:
    assert_same(network_names(600, seed=9))


_CYRILLIC_WORD = st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў'", min_size=2,
                         max_size=12)  # fmt: skip
_ENDING = st.sampled_from(["", "а", "е", "у", "ой", "ом", "ах", "ях", "ском", "ской", "ську"])
_NAME = st.builds(
    lambda words, ending, sep: sep.join(w.capitalize() for w in words) + ending,
    st.lists(_CYRILLIC_WORD, min_size=1, max_size=3),
    _ENDING,
    st.sampled_from([" ", "-"]),
)


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_NAME, min_size=150, max_size=150, unique=True))
def test_drawn_names_answer_as_with_the_pure_python_reader(names: list[str]) -> None:
    assert_same(names)
