"""The fast name paths (issue 15 speed) give exactly what the plain code they replace gave.

Every name of the label tables (the embedded reports and DOMAIN.md spellings, the
real-report corpus places, the real spellings tables, the distances table) and
report-style spellings generated from the network's own names (case, hyphens,
"st."/"station", prepositions, oblique endings, a dropped letter) are resolved

- by the batch path (:meth:`Gazetteer.resolve_all`, each distinct name and language
  once, with the caches of a name as written and of a name with its language), and
- name by name by the uncached top level (``Gazetteer._resolve``) of another fresh
  copy of the index,

and every field of every answer must be equal (station id, precision, score,
candidates, note, form, ...). The cached ``name_tokens`` is checked against its
plain version on the same names and on every case form the gazetteer looks up.
"""

from __future__ import annotations

import csv
import pickle
import random
from dataclasses import astuple
from pathlib import Path

import pandas as pd
import pytest

from railtrack import _translit
from railtrack.gazetteer import Gazetteer
from railtrack.inflection import lemma_forms
from railtrack.network import load_network

TESTS = Path(__file__).parent
REPO = TESTS.parent
TABLES = [
    TESTS / "data" / "network_names.csv",
    TESTS / "data" / "extraction_real" / "places.csv",
    TESTS / "data" / "names_real" / "spellings.csv",
    TESTS / "data" / "names_real" / "unseen.csv",
]
_LANGS = (None, "ru", "uk", "be", "pl", "en")


def labelled() -> list[tuple[str, str | None]]:
    """(name as written, language or None) of every label table and the distances table."""
    out: list[tuple[str, str | None]] = []
    for path in TABLES:
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                out.append((row["name_as_written"], row.get("lang") or None))
    with (REPO / "data" / "network" / "distances.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            out += [(row["origin"], None), (row["destination"], None)]
    return out


def spellings(gaz: Gazetteer, n: int, seed: int) -> list[str]:
    """``n`` report-style spellings of names the network's places are written with."""
    rng = random.Random(seed)
    written = sorted({w for names in gaz._written.values() for w in names if w})
    out = []
    for name in rng.sample(written, n):
        text = rng.choice([name, name.upper(), name.lower(), name.replace(" ", "-")])
        if rng.random() < 0.2 and len(text) > 6:  # a dropped letter
            i = rng.randrange(1, len(text) - 1)
            text = text[:i] + text[i + 1 :]
        if rng.random() < 0.3:  # an oblique ending, right or wrong for the name
            text += rng.choice(["а", "е", "у", "ой", "ом", "і", "ie", "u", "a", "y"])
        frame = rng.choice(["{}", "st. {}", "{} station", "из {}", "w {}", "ст. {}", "{}-2"])
        out.append(frame.format(text))
    return out


def fresh(gaz: Gazetteer) -> Gazetteer:
    """An independent copy of an index with every answer cache empty."""
    copy: Gazetteer = pickle.loads(pickle.dumps(gaz))
    copy.keep_answers(None)  # no answers of an earlier run: each one computed here
    copy._cache.clear()
    copy._lang_cache.clear()
    copy._token_cache.clear()
    return copy


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_network().gazetteer


@pytest.fixture(scope="module")
def queries(gaz: Gazetteer) -> list[tuple[str, str | None]]:
    rng = random.Random(15)
    out = labelled()
    out += [(name, lang) for name, lang in out if lang is not None and rng.random() < 0.5]
    out = [(name, None) for name, _ in out] + out  # each label also without its language
    # and in a Cyrillic and a Latin language: one name, different languages, different forms
    out += [(name, lang) for name, _ in labelled() for lang in ("ru", "pl")]
    out += [(name, rng.choice(_LANGS)) for name in spellings(gaz, 600, seed=15)]
    return out


def test_batch_equals_name_by_name(gaz: Gazetteer, queries: list[tuple[str, str | None]]) -> None:
    batch = fresh(gaz)
    repeated = queries + queries[::-1]  # every name twice: the second answer is cached
    names = [q for q, _ in repeated]
    got = batch.resolve_all(names, lang=[lang for _, lang in repeated])
    assert len(got) == len(repeated)
    plain = fresh(gaz)
    differ = []
    for (name, lang), r in zip(repeated, got, strict=True):
        want = plain._resolve(name, lang)
        if astuple(r) != astuple(want):
            differ.append((name, lang, r, want))
    assert not differ, differ[:3]
    # one language for all names, and the table of resolve_many, agree as well
    one = fresh(gaz).resolve_all(names[:300], lang="ru")
    assert [astuple(r) for r in one] == [astuple(plain._resolve(q, "ru")) for q in names[:300]]
    table = fresh(gaz).resolve_many(names[:300])
    ids = [None if pd.isna(x) else x for x in table["station_id"]]
    assert ids == [plain._resolve(q).station_id for q in names[:300]]


def test_resolve_all_checks_languages(gaz: Gazetteer) -> None:
    with pytest.raises(ValueError, match="2 names but 1 languages"):
        gaz.resolve_all(["Orsha", "Homel"], lang=["ru"])
    assert gaz.resolve_all([]) == []


def test_cached_name_tokens_equal_plain(
    gaz: Gazetteer, queries: list[tuple[str, str | None]]
) -> None:
    texts = {name for name, _ in queries}
    texts |= {form for name in list(texts) for form in lemma_forms(name)}
    texts |= {w for names in list(gaz._written.values())[::7] for w in names}
    texts |= {"", " ", "-", "ст.", "Осиповичи-I", "Kubinka-II", "Оршi", "Brëkhovo"}
    for text in sorted(texts):
        first = _translit.name_tokens(text)
        first.append("mutated")  # the caller's list is its own: the cache is not changed
        assert _translit.name_tokens(text) == _translit._plain_name_tokens(text), text


def test_resolve_command_reads_a_file_of_names(tmp_path: Path, gaz: Gazetteer) -> None:
    """``railtrack resolve --file``: one record per line, in order, as name by name."""
    import json

    from typer.testing import CliRunner

    from railtrack.cli import app

    names = ["Гомель", "Homel", "Matveyev-Kurhan", "Blorpton", "у Калузі", "Homel", "Belarus"]
    path = tmp_path / "names.txt"
    path.write_bytes(("\ufeff" + "\n".join(names[:3]) + "\n\n").encode() + b"\xff\xfe\n"
                     + "\r\n".join(names[3:]).encode())  # fmt: skip
    result = CliRunner().invoke(app, ["resolve", "--file", str(path), "--json"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["query"] for r in records] == names
    plain = fresh(gaz)
    assert [r["station_id"] for r in records] == [plain._resolve(n).station_id for n in names]
    assert [r["region"] for r in records][-1] == "Belarus"
    # the bad line is named and skipped; an unresolved name makes the exit code 1
    assert "line 5: not UTF-8 text" in result.stderr
    # (with --json stderr holds records only: the unresolved name is its own record's
    # "station_id": null, session 17)
    assert [r["station_id"] for r in records if r["query"] == "Blorpton"] == [None]
    assert result.exit_code == 1
    both = CliRunner().invoke(app, ["resolve", "Homel", "--file", str(path)])
    assert both.exit_code == 2
    assert "one of the two" in both.stderr
    quiet = CliRunner().invoke(app, ["resolve", "--file", "-", "-q"], input="Homel\nGomel\n")
    assert (quiet.exit_code, quiet.stdout.split()) == (0, ["BY-GOMEL", "BY-GOMEL"])


def test_answers_are_kept_for_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gaz: Gazetteer
) -> None:
    """A batch's answers are stored under a key of the index, read by the next index."""
    from railtrack import _answers, _netcache

    monkeypatch.setenv(_netcache.CACHE_DIR_ENV, str(tmp_path))
    monkeypatch.delenv(_netcache.NO_CACHE_ENV, raising=False)
    names = [*spellings(gaz, _answers.SAVE_MIN + 50, seed=20), "Homel", "Крым"]
    first = fresh(gaz)
    first.keep_answers("f" * 32)
    got = first.resolve_all(names, lang=["ru"] * 10 + [None] * (len(names) - 10))
    assert list(tmp_path.glob("*.answers.pickle"))  # stored: enough new answers
    second = fresh(gaz)
    second.keep_answers("f" * 32)
    second._resolve = None  # type: ignore[assignment,method-assign]  # must not compute
    again = second.resolve_all(names, lang=["ru"] * 10 + [None] * (len(names) - 10))
    assert [astuple(r) for r in again] == [astuple(r) for r in got]
    # another index key (other data, code or settings) never reads them
    other = fresh(gaz)
    other.keep_answers("e" * 32)
    other.resolve_all(names)
    assert not other._lang_cache  # the stored answers with a language were not read
    # a batch of a few names resolves them rather than read every stored answer
    small = fresh(gaz)
    small.keep_answers("f" * 32)
    assert astuple(small.resolve_all(["Homel"])[0]) == astuple(got[-2])
    assert len(small._cache) == 1
    # a corrupt entry is a miss, deleted and written again, never an error
    for path in tmp_path.glob("*.answers.pickle"):
        path.write_bytes(b"not a pickle")
    _netcache._memory.pop(str(_answers.answers_key("f" * 32)), None)  # read from disk
    third = fresh(gaz)
    third.keep_answers("f" * 32)
    assert [astuple(r) for r in third.resolve_all(names)] == [
        astuple(r) for r in fresh(gaz).resolve_all(names)
    ]
    assert _answers.load_answers(str(_answers.answers_key("f" * 32))) is not None


def _texts(gaz: Gazetteer, queries: list[tuple[str, str | None]]) -> list[str]:
    """Every query, its case forms, a seventh of the network's written names, edge cases."""
    texts = {name for name, _ in queries}
    texts |= {form for name in list(texts) for form in lemma_forms(name)}
    texts |= {w for names in list(gaz._written.values())[::7] for w in names}
    texts |= {"", " ", "-", "Аз", "Азия", "Asia", "Europy", "Африки", "Ame", "ам"}
    return sorted(texts)


def test_continent_filter_equals_plain(
    gaz: Gazetteer, queries: list[tuple[str, str | None]]
) -> None:
    """``continent_prefix`` (one set look-up) says what the scan over every name said."""
    from railtrack.world_places import WorldPlaces, _fold

    world = WorldPlaces.default()

    def plain(text: str) -> bool:
        head = _fold(text)[:3]
        return len(head) == 3 and any(name.startswith(head) for name in world._continents)

    texts = _texts(gaz, queries)
    assert sum(map(world.continent_prefix, texts)) > 0  # the filter lets some through
    assert [world.continent_prefix(t) for t in texts] == [plain(t) for t in texts]


def test_region_match_equals_plain(gaz: Gazetteer, queries: list[tuple[str, str | None]]) -> None:
    """Region matching over the length window answers as over every alias key."""
    from rapidfuzz import fuzz, process

    from railtrack import _regions
    from railtrack._regions import RegionIndex, RegionMatch

    index: RegionIndex = pickle.loads(pickle.dumps(gaz._region_index))

    class Plain(RegionIndex):
        def _window(self, core: bool, n: int) -> list[str]:
            return self._core_keys if core else self._full_keys

        @staticmethod
        def _lookup(
            key: str, table: dict[str, set[int]], keys: list[str], *, explicit: bool
        ) -> RegionMatch:
            # the code before the cut-off and the length window, as it was
            if not key:
                return RegionMatch(None, 0.0, explicit, "no region name left")
            hit = table.get(key)
            score = 100.0
            if hit is None:
                found = process.extract(key, keys, scorer=fuzz.ratio, limit=2)
                if not found or found[0][1] < _regions._REGION_FUZZ:
                    return RegionMatch(None, 0.0, explicit, "no region of that name")
                if len(found) > 1 and found[1][1] > found[0][1] - _regions._REGION_MARGIN:
                    return RegionMatch(None, 0.0, explicit, "ambiguous region name")
                hit, score = table[found[0][0]], min(float(found[0][1]), 99.9)
            if len(hit) > 1:
                return RegionMatch(None, 0.0, explicit, "name shared by several regions")
            return RegionMatch(next(iter(hit)), score, explicit)

    plain = pickle.loads(pickle.dumps(index))
    plain.__class__ = Plain
    texts = _texts(gaz, queries)
    # region names themselves, cut and misspelled, with and without marker words
    for core in index._core_keys[:400]:
        texts += [core, core[:-1], core + "a", f"{core} oblast", f"{core[:-1]} region"]
    found = 0
    for text in texts:
        tokens = _translit.name_tokens(text)
        got, want = index._match(tokens), plain._match(tokens)
        assert got == want, text
        found += got.index is not None and got.score < 100.0
    assert found > 0  # fuzzy region matches were among them


def test_lazy_form_keys_equal_plain(gaz: Gazetteer, queries: list[tuple[str, str | None]]) -> None:
    """``_may_name`` (region core only when needed) answers as the two keys together did."""
    from railtrack.gazetteer import _form_key

    texts = _texts(gaz, queries)
    texts += [r.key for r in gaz._regions] + [a for r in gaz._regions for a in r.aliases]
    got = [gaz._may_name(t) for t in texts]
    assert got == [gaz._may_name_a_place(_form_key(t)) for t in texts]
    assert any(got)
    assert not all(got)


def test_form_index_answers_as_the_rules(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    gaz: Gazetteer,
    queries: list[tuple[str, str | None]],
) -> None:
    """A name the exact-form index holds gets the answer the rules give, field by field.

    The index is built over a twentieth of the network's known forms and half the
    query names (so labels, spellings and generated variants are answered from it,
    the other half by the rules); every query is resolved through it (with and without
    its language) and by the plain top level of a fresh index.
    """
    from railtrack import _netcache
    from railtrack._formindex import build_form_index, known_forms, load_form_index

    monkeypatch.setenv(_netcache.CACHE_DIR_ENV, str(tmp_path))
    monkeypatch.delenv(_netcache.NO_CACHE_ENV, raising=False)
    known = known_forms(gaz)
    assert {"Гомель", "Belarus", "Крым"} <= set(known)
    names = [q for q, _ in queries]
    held = known[::20] + names[::2]
    assert build_form_index(gaz, "d" * 32, forms=held) == len(set(held))
    assert list(tmp_path.glob("*.forms.pickle"))
    stored = load_form_index("d" * 32)
    assert stored is not None
    assert list(stored) == sorted(set(held))
    index = fresh(gaz)
    index.keep_answers("d" * 32)
    index._store_key = None  # no answers of an earlier run: the form index only
    asked = known[::20] + names
    langs = [None] * len(known[::20]) + [lang for _, lang in queries]
    got = index.resolve_all(asked, lang=langs)
    assert index._forms is not None
    plain = fresh(gaz)
    differ = [
        (q, lang, r, want)
        for q, lang, r in zip(asked, langs, got, strict=True)
        if astuple(r) != astuple(want := plain._resolve(q, lang))
    ]
    assert not differ, differ[:3]
    # the held names are read, not resolved again; a pickled index reads them again
    again: Gazetteer = pickle.loads(pickle.dumps(fresh(gaz)))
    again.keep_answers("d" * 32)
    again._store_key = None
    again._resolve = None  # type: ignore[assignment,method-assign]  # must not compute
    assert [astuple(r) for r in again.resolve_all(held)] == [
        astuple(plain._resolve(q)) for q in held
    ]
    assert pickle.loads(pickle.dumps(again))._forms is None
    # names one at a time (extraction): read once this many were resolved by the rules
    from railtrack.gazetteer import _FORMS_AFTER

    single = fresh(gaz)
    single.keep_answers("d" * 32)
    single._store_key = None
    first = [q for q in dict.fromkeys(names[1::2]) if q not in set(held)][:_FORMS_AFTER]
    assert [astuple(single.resolve(q)) for q in first] == [
        astuple(plain._resolve(q)) for q in first
    ]
    assert single._forms is not None
    single._resolve = None  # type: ignore[assignment,method-assign]  # must not compute
    assert [astuple(single.resolve(q)) for q in held[:300]] == [
        astuple(plain._resolve(q)) for q in held[:300]
    ]


def test_form_index_missing_or_unreadable_is_resolved_as_usual(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, gaz: Gazetteer
) -> None:
    from railtrack import _answers, _netcache
    from railtrack._formindex import build_form_index

    monkeypatch.setenv(_netcache.CACHE_DIR_ENV, str(tmp_path))
    monkeypatch.delenv(_netcache.NO_CACHE_ENV, raising=False)
    names = ["Гомель", "Homel", "Belarus", "Blorpton", *spellings(gaz, _answers.SAVE_MIN, 3)]
    want = [astuple(fresh(gaz)._resolve(q)) for q in names]
    none = fresh(gaz)
    none.keep_answers("c" * 32)
    assert [astuple(r) for r in none.resolve_all(names)] == want
    assert none._forms is None  # none built for this key
    assert build_form_index(gaz, "c" * 32, forms=names[:4]) == 4
    for path in tmp_path.glob("*.forms.pickle"):
        path.write_bytes(b"not a pickle")
    _netcache._memory.clear()  # read from disk
    broken = fresh(gaz)
    broken.keep_answers("c" * 32)
    assert [astuple(r) for r in broken.resolve_all(names)] == want
    assert broken._forms is None
    monkeypatch.setenv(_netcache.NO_CACHE_ENV, "1")
    assert build_form_index(gaz, "c" * 32, forms=names) is None
