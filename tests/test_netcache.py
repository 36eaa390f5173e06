"""The network cache: same results as a fresh build, invalidated by every input it hashes."""

from __future__ import annotations

import csv
import json
import logging
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from railtrack import _netcache
from railtrack import network as network_module
from railtrack.gazetteer import load_gazetteer
from railtrack.network import RailNetwork, load_network
from railtrack.settings import DEFAULT_SETTINGS

REPO = Path(__file__).resolve().parents[1]
NAME_FILES = (
    REPO / "tests" / "data" / "network_names.csv",
    REPO / "tests" / "data" / "extraction_real" / "places.csv",
)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache directory of this test; small networks cached on disk too."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(_netcache.CACHE_DIR_ENV, str(folder))
    monkeypatch.delenv(_netcache.NO_CACHE_ENV, raising=False)
    monkeypatch.setattr(_netcache, "DISK_MIN_NODES", 0)
    monkeypatch.setattr(_netcache, "_memory", type(_netcache._memory)())
    monkeypatch.setattr(_netcache, "_warned", set())
    return folder


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Count the networks built from their files (cache misses)."""
    calls: list[Path] = []
    real = network_module._build_network

    def counting(root: Path, **kwargs: object) -> RailNetwork:
        calls.append(root)
        return real(root, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(network_module, "_build_network", counting)
    return calls


@pytest.fixture
def small(tmp_path: Path, tests_data: Path) -> Path:
    """A copy of the small split test network that a test may edit."""
    out = tmp_path / "net"
    shutil.copytree(tests_data / "network" / "split", out)
    return out


def _forget_memory() -> None:
    _netcache._memory.clear()


def _entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.pickle"))


def _graph_state(net: RailNetwork) -> tuple[object, ...]:
    G = net.G
    return (
        sorted(G.nodes(data=True), key=lambda nd: nd[0]),
        sorted((min(u, v), max(u, v), sorted(d.items())) for u, v, d in G.edges(data=True)),
        net.problems,
        net.estimated,
        net.regions,
        net.source,
    )


def _label_names() -> list[str]:
    names: list[str] = []
    for path in NAME_FILES:
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as f:
                names += [row["name_as_written"] for row in csv.DictReader(f)]
    return names


def test_cached_default_network_is_the_built_one(cache: Path) -> None:
    """A network and index read back from disk give the fresh build's graph and answers."""
    built = load_network()  # a miss: built from the files, then written
    built.gazetteer  # noqa: B018  (built from the graph, then written)
    _forget_memory()
    warm = load_network()  # read from disk
    assert _entries(cache) == sorted(
        [f"{warm._cache_key}.network.pickle", f"{warm._index_key}.gazetteer.pickle"]
    )
    assert _graph_state(warm) == _graph_state(built)
    names = _label_names()
    assert len(names) > 100
    for name in names:
        assert warm.resolve(name) == built.resolve(name), name
    assert warm.route("Slonim", "Matveev Kurgan")[0] == built.route("Slonim", "Matveev Kurgan")[0]


def test_hit_on_same_inputs_miss_on_any_change(
    cache: Path, small: Path, builds: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_network(small)
    _forget_memory()
    load_network(small)
    assert len(builds) == 1  # the second load read the disk entry

    # the data: one station renamed
    text = (small / "stations.csv").read_text(encoding="utf-8")
    (small / "stations.csv").write_text(text.replace("Midway", "Halfway"), encoding="utf-8")
    net = load_network(small)
    assert len(builds) == 2
    assert net.G.nodes["1002"]["name"] == "Halfway"

    # the options and the settings
    load_network(small, national=False, close_crossings=False)
    slack = DEFAULT_SETTINGS.model_copy(update={"circuity_factor": 1.4})
    assert load_network(small, settings=slack).settings is slack
    assert len(builds) == 4

    # regions.yaml beside the network
    (small / "regions.yaml").write_text(
        "regions:\n  - key: Westland\n    aliases: [Westland]\n    stations: ['1001']\n",
        encoding="utf-8",
    )
    assert load_network(small).resolve("Westland").region == "Westland"
    assert len(builds) == 5

    # railtrack's code, and the library versions
    monkeypatch.setattr(_netcache, "code_digest", lambda: "edited")
    load_network(small)
    assert len(builds) == 6
    load_network(small)
    assert len(builds) == 6


def test_every_call_gets_its_own_copy(cache: Path, small: Path, builds: list[Path]) -> None:
    one = load_network(small)
    one.G.remove_node("1002")
    one.G.nodes["1001"]["name"] = "Edited"
    two = load_network(small)
    assert len(builds) == 1
    assert "1002" in two.G
    assert two.G.nodes["1001"]["name"] == "Westend"
    assert two.resolve("Midway").station_id == "1002"
    # the edited copy indexes its own graph, not the cached index of the loaded one
    assert one.resolve("Midway").station_id != "1002"
    # unedited copies share one index (read-only), which holds no caller's graph:
    # an attribute edited in place in one copy does not reach the others' answers
    three = load_network(small)
    assert three.gazetteer is two.gazetteer
    three.G.nodes["1001"]["name"] = "Edited in place"
    assert two.gazetteer.place("1001")["name"] == "Westend"
    assert two.resolve("Westend").station_id == "1001"
    stricter = load_network(small)
    stricter.settings = DEFAULT_SETTINGS.model_copy(update={"resolve_min_score": 90.0})
    assert stricter.gazetteer is not two.gazetteer
    assert stricter.gazetteer.settings.resolve_min_score == 90.0
    assert len(builds) == 1


def test_unwritable_cache_directory(
    tmp_path: Path,
    small: Path,
    builds: list[Path],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv(_netcache.CACHE_DIR_ENV, str(blocker / "cache"))
    monkeypatch.setattr(_netcache, "DISK_MIN_NODES", 0)
    monkeypatch.setattr(_netcache, "_warned", set())
    with caplog.at_level(logging.WARNING, logger="railtrack._netcache"):
        net = load_network(small)
        assert net.resolve("Midway").station_id == "1002"
        _forget_memory()
        again = load_network(small)
    assert again.resolve("Westend").station_id == "1001"
    assert len(builds) == 2
    warnings = [r for r in caplog.records if "Cannot write the network cache" in r.message]
    assert len(warnings) == 1  # said once, not on every load
    assert "RAILTRACK_CACHE_DIR" in warnings[0].message


def test_corrupt_entry_is_rebuilt(
    cache: Path, small: Path, builds: list[Path], caplog: pytest.LogCaptureFixture
) -> None:
    key = load_network(small)._cache_key
    entry = cache / f"{key}.network.pickle"
    entry.write_bytes(b"\x80\x05garbage")
    _forget_memory()
    with caplog.at_level(logging.WARNING, logger="railtrack._netcache"):
        net = load_network(small)
    assert net.G.number_of_nodes() == 6
    assert len(builds) == 2
    assert any("unreadable" in r.message for r in caplog.records)
    assert pickle.loads(entry.read_bytes())[1] == key  # rewritten whole


def test_entry_of_another_key_is_not_used(cache: Path, small: Path, builds: list[Path]) -> None:
    key = load_network(small)._cache_key
    other = load_network(small, national=False, close_crossings=False)._cache_key
    assert key != other
    (cache / f"{other}.network.pickle").replace(cache / f"{key}.network.pickle")
    _forget_memory()
    net = load_network(small)
    assert net._cache_key == key
    assert len(builds) == 3


def test_no_cache_env_and_argument(
    cache: Path, small: Path, builds: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_network(small, cache=False)
    load_network(small, cache=False)
    assert len(builds) == 2
    monkeypatch.setenv(_netcache.NO_CACHE_ENV, "1")
    load_network(small).resolve("Midway")
    load_network(small)
    assert len(builds) == 4
    assert not cache.exists()


def test_oldest_entries_pruned_and_clear(
    cache: Path, small: Path, tmp_path: Path, tests_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_netcache, "MAX_ENTRIES", 2)
    keys = [
        load_network(small)._cache_key,
        load_network(tests_data / "network" / "sparse")._cache_key,
        load_network(small, national=False, close_crossings=False)._cache_key,
    ]
    assert _entries(cache) == sorted(f"{k}.network.pickle" for k in keys[1:])
    assert _netcache.clear() == 2
    assert _entries(cache) == []
    assert _netcache.clear() == 0


def test_small_networks_stay_off_disk(
    cache: Path, small: Path, builds: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_netcache, "DISK_MIN_NODES", 2000)
    load_network(small)
    load_network(small)  # from the process's own cache
    assert len(builds) == 1
    assert not cache.exists()


def test_cache_command_shows_and_clears(cache: Path, small: Path) -> None:
    from typer.testing import CliRunner

    from railtrack.cli import app

    load_network(small)
    runner = CliRunner()
    shown = runner.invoke(app, ["network", "cache"])
    assert shown.exit_code == 0, shown.output
    said = " ".join(shown.output.split())  # the terminal may wrap after a long folder
    assert "1 file(s)" in said
    assert "cache on" in said
    cleared = runner.invoke(app, ["network", "cache", "--clear"])
    assert cleared.exit_code == 0, cleared.output
    assert "1 file(s) deleted" in " ".join(cleared.output.split())
    assert _entries(cache) == []
    as_json = runner.invoke(app, ["network", "cache", "--json"])
    assert json.loads(as_json.stdout)["n_files"] == 0
    assert runner.invoke(app, ["network", "cache", "-q"]).stdout.strip() == str(cache)


def test_cache_command_builds_the_exact_form_index(cache: Path, small: Path) -> None:
    """``--build-names``: the answer of every form reports write stored; counted, and cleared."""
    from typer.testing import CliRunner

    from railtrack._formindex import known_forms, load_form_index, report_forms
    from railtrack.cli import app

    runner = CliRunner()
    built = runner.invoke(
        app, ["network", "cache", "--build-names", "--network", str(small), "--json"]
    )
    assert built.exit_code == 0, built.output
    doc = json.loads(built.stdout)
    index = load_network(small).gazetteer
    assert index._index_key is not None
    stored = load_form_index(index._index_key)
    assert stored is not None
    assert doc["n_forms"] == len(stored) == len(report_forms(index)) > len(known_forms(index)) > 0
    assert list(cache.glob("*.forms.pickle"))
    fresh = load_network(small, cache=False).gazetteer
    for name in report_forms(index):
        assert stored.get(index, name) == fresh.resolve(name), name
    cleared = runner.invoke(app, ["network", "cache", "--clear", "--json"])
    assert json.loads(cleared.stdout)["n_deleted"] == doc["n_files"]
    assert not list(cache.glob("*.forms.pickle"))


def test_name_index_alone_answers_as_the_network(
    cache: Path, small: Path, builds: list[Path]
) -> None:
    """``load_gazetteer`` reads the index cached with the network and resolves the same."""
    net = load_network(small)
    index = load_gazetteer(small)  # a hit: the network's own index, not a second build
    assert len(builds) == 1
    assert index is net.gazetteer
    _forget_memory()
    cold = load_gazetteer(small)  # read from disk alone
    assert len(builds) == 1
    for name in ("Midway", "Westend", "Xqzville"):
        assert cold.resolve(name) == net.resolve(name)
    assert cold.place("1001")["name"] == net.G.nodes["1001"]["name"]
    assert cold.place("no such node") == {}


def test_name_index_misses_build_the_network(cache: Path, small: Path, builds: list[Path]) -> None:
    assert load_gazetteer(small).resolve("Midway").station_id == "1002"
    assert len(builds) == 1
    assert load_gazetteer(small, cache=False).resolve("Midway").station_id == "1002"
    assert len(builds) == 2


def test_resolving_from_a_warm_cache_imports_no_graph_library(tmp_path: Path) -> None:
    """What makes ``railtrack resolve`` start quickly: no networkx, numpy or pandas."""
    env = {**os.environ, _netcache.CACHE_DIR_ENV: str(tmp_path / "cache")}
    env.pop(_netcache.NO_CACHE_ENV, None)
    warm = "from railtrack.gazetteer import load_gazetteer; load_gazetteer()"
    subprocess.run([sys.executable, "-c", warm], env=env, check=True, timeout=600)
    probe = (
        "import sys; from railtrack.gazetteer import load_gazetteer; "
        "r = load_gazetteer().resolve('Homel'); "
        "print(r.station_id, *sorted({'networkx', 'numpy', 'pandas'} & set(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, check=True, capture_output=True, text=True
    )
    assert done.stdout.split() == ["BY-GOMEL"]


def test_world_tables_read_from_the_cache_as_built(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The world tables' index is built once, read back equal, and rebuilt when a table changes."""
    from railtrack import data_path
    from railtrack.world_places import WorldPlaces, _cached

    root = tmp_path / "world"
    shutil.copytree(data_path("network", "world"), root)
    built: list[int] = []

    def build() -> WorldPlaces:
        built.append(1)
        return WorldPlaces(root)

    first = _cached("world", root, build, WorldPlaces)
    monkeypatch.setattr(_netcache, "_memory", type(_netcache._memory)())  # a new process
    again = _cached("world", root, build, WorldPlaces)
    assert len(built) == 1
    assert again is not first
    for name in ("Duisburg", "Niemcy", "Китай", "Москва", "Małaszewicze"):
        assert again.lookup(name) == first.lookup(name)
    assert again._by_key == first._by_key
    with (root / "country_aliases.csv").open("a", encoding="utf-8") as f:
        f.write("Dojczland,DE\n")
    edited = _cached("world", root, build, WorldPlaces)
    assert len(built) == 2
    assert [p.id for p in edited.lookup("Dojczland")] == ["DE"]
    monkeypatch.setenv(_netcache.NO_CACHE_ENV, "1")
    _cached("world", root, build, WorldPlaces)
    assert len(built) == 3


def test_national_towns_read_from_the_cache_as_built(cache: Path, tmp_path: Path) -> None:
    """The national layer's town index: the same towns for every key, built or read back."""
    from railtrack import data_path
    from railtrack.world_places import _cached, _national_index

    path = data_path("network", "national", "towns.csv.gz")
    built = _national_index(path)
    first = _cached("national", path, lambda: _national_index(path), dict)
    read = _cached("national", path, lambda: pytest.fail("built again"), dict)
    assert read == first == built
    missing = tmp_path / "none.csv.gz"
    assert _cached("national", missing, lambda: _national_index(missing), dict) == {}
