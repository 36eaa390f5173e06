"""Tests for railtrack.osm_import and `railtrack network import-osm` on small .osm.pbf files."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from railtrack import load_network
from railtrack.cli import app
from railtrack.errors import InputPathError, NetworkError, NoRoute
from railtrack.network import haversine_km

osmium = pytest.importorskip("osmium", reason="pyosmium (the 'osm' extra) is not installed")
from railtrack.osm_import import import_osm  # noqa: E402

# A junction J with three lines (north to station A, east to halt B beside the track,
# south through a gauge break G to station C on 1435 mm track), and a separate piece
# of track with station D far away.
NODES = {
    1: (54.00, 30.00, {}),  # J: the junction
    2: (
        54.10,
        30.00,
        {
            "railway": "station",
            "name": "Альфа",
            "name:en": "Alpha",
            "esr:user": "123456",
            "uic_ref": "2100001",
        },
    ),
    3: (54.00, 30.10, {}),
    4: (54.00, 30.20, {}),
    5: (53.95, 30.00, {}),  # G: gauge break
    6: (53.90, 30.00, {"railway": "station", "name": "Гамма", "name:be": "Гама"}),
    7: (60.00, 40.00, {}),
    8: (60.05, 40.00, {"railway": "station", "name": "Дельта"}),
    20: (54.004, 30.20, {"railway": "halt", "name": "Бета"}),  # beside node 4, ~450 m
    21: (55.00, 35.00, {"railway": "station", "name": "Nowhere"}),  # far from any track
}
WAYS = {
    100: ([1, 2], {"railway": "rail", "gauge": "1520", "usage": "main"}),
    101: ([1, 3, 4], {"railway": "rail", "gauge": "1520", "usage": "branch"}),
    102: ([1, 5], {"railway": "rail", "gauge": "1520", "service": "siding"}),
    103: ([5, 6], {"railway": "rail", "gauge": "1435", "usage": "main"}),
    104: ([7, 8], {"railway": "rail", "gauge": "1520"}),
    105: ([3, 4], {"highway": "primary"}),  # not a railway: ignored
}


def write_pbf(path: Path) -> Path:
    with osmium.SimpleWriter(str(path)) as writer:
        for nid, (lat, lon, tags) in NODES.items():
            writer.add_node(osmium.osm.mutable.Node(id=nid, location=(lon, lat), tags=tags))
        for wid, (refs, tags) in WAYS.items():
            writer.add_way(osmium.osm.mutable.Way(id=wid, nodes=refs, tags=tags))
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    root = tmp_path_factory.mktemp("osm")
    pbf = write_pbf(root / "small.osm.pbf")
    return root / "net", import_osm(pbf, root / "net")


def test_counts(built: tuple[Path, dict[str, int]]) -> None:
    _, summary = built
    assert summary["stations"] == 4  # Alpha, Beta (snapped), Gamma, Delta; not Nowhere
    assert summary["stations_on_track"] == 3
    assert summary["stations_snapped"] == 1
    assert summary["stations_too_far"] == 1
    assert summary["ways"] == 5


def test_stations_keep_names_and_codes(built: tuple[Path, dict[str, int]]) -> None:
    out, _ = built
    st = pd.read_csv(out / "stations.csv", dtype=str, keep_default_na=False).set_index("id")
    alpha = st.loc["OSM2"]
    assert alpha["name"] == "Альфа"
    assert "Alpha" in alpha["aliases"].split("|")
    assert alpha["esr"] == "123456"
    assert alpha["express_code"] == "2100001"
    assert "Гама" in st.loc["OSM6", "aliases"].split("|")
    assert float(st.loc["OSM20", "snap_km"]) == pytest.approx(0.445, abs=0.01)
    assert (st.loc[["OSM1", "OSM5"], "kind"] == "track").all()


def test_links_keep_tags_and_measure_geometry(built: tuple[Path, dict[str, int]]) -> None:
    out, _ = built
    links = pd.read_csv(out / "links.csv", dtype=str, keep_default_na=False)
    by_pair = {frozenset((r.source, r.target)): r for r in links.itertuples()}
    east = by_pair[frozenset(("OSM1", "OSM4"))]  # one link over the way's three nodes
    assert east.usage == "branch"
    assert float(east.length_km) == pytest.approx(haversine_km(54, 30, 54, 30.2), rel=1e-3)
    assert by_pair[frozenset(("OSM1", "OSM5"))].service == "siding"
    assert by_pair[frozenset(("OSM5", "OSM6"))].gauge == "1435"  # split at the gauge break
    assert by_pair[frozenset(("OSM1", "OSM5"))].gauge == "1520"
    assert by_pair[frozenset(("OSM20", "OSM4"))].length_km == "0.0"


def test_network_routes_on_the_import(built: tuple[Path, dict[str, int]]) -> None:
    out, _ = built
    net = load_network(out)
    assert net.problems == []
    assert len(net.components) == 2  # the far piece stays apart
    assert net.resolve("Alpha").station_id == "OSM2"
    assert net.resolve("Альфа").station_id == "OSM2"
    assert net.G.nodes["OSM2"]["esr"] == "123456"
    assert net.resolve("track node 1").station_id != "OSM1"  # track nodes are not names
    (route,) = net.route("Альфа", "Бета")
    assert route.length_km == pytest.approx(
        haversine_km(54.1, 30, 54, 30) + haversine_km(54, 30, 54, 30.2), rel=1e-3
    )
    with pytest.raises(NoRoute, match="Дельта"):
        net.route("Альфа", "Дельта")


def test_cli_import_then_route(tmp_path: Path) -> None:
    pbf = write_pbf(tmp_path / "small.osm.pbf")
    runner = CliRunner()
    res = runner.invoke(
        app, ["network", "import-osm", str(pbf), "--out", str(tmp_path / "n"), "--json"]
    )
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["n_stations"] == 4
    res = runner.invoke(app, ["route", "Alpha", "Gamma", "--network", str(tmp_path / "n")])
    assert res.exit_code == 0, res.output
    assert "Гамма" in res.output


def test_missing_and_bad_files(tmp_path: Path) -> None:
    with pytest.raises(InputPathError):
        import_osm(tmp_path / "none.osm.pbf", tmp_path / "out")
    bad = tmp_path / "bad.osm.pbf"
    bad.write_bytes(b"not a pbf at all")
    with pytest.raises(NetworkError, match=r"bad\.osm\.pbf"):
        import_osm(bad, tmp_path / "out")
    empty = tmp_path / "empty.osm.pbf"
    with osmium.SimpleWriter(str(empty)) as writer:
        writer.add_node(osmium.osm.mutable.Node(id=1, location=(30, 54), tags={"a": "b"}))
    with pytest.raises(NetworkError, match="no railway=rail"):
        import_osm(empty, tmp_path / "out")
    res = CliRunner().invoke(
        app, ["network", "import-osm", str(tmp_path / "none.pbf"), "--out", str(tmp_path)]
    )
    assert res.exit_code != 0
    assert isinstance(res.exception, InputPathError)
    assert "none.pbf" in str(res.exception)


def test_an_output_directory_is_never_overwritten(tmp_path: Path) -> None:
    pbf = write_pbf(tmp_path / "small.osm.pbf")
    out = tmp_path / "n"
    import_osm(pbf, out)
    import_osm(pbf, out)  # an earlier import is replaced
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(NetworkError, match=r"notes\.txt"):
        import_osm(pbf, out)
    import subprocess
    import sys

    res = subprocess.run(
        [sys.executable, "-m", "railtrack", "network", "import-osm", str(pbf), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 2
    assert "notes.txt" in res.stderr
    assert "Traceback" not in res.stderr
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_halt_beside_the_middle_of_a_way_joins_the_track(tmp_path: Path) -> None:
    """Stations snap to any node of a way, not only to junctions and way ends."""
    path = tmp_path / "line.osm.pbf"
    nodes = {
        1: (54.00, 30.00, {"railway": "station", "name": "West"}),
        2: (54.00, 30.30, {}),  # a bend in the middle of the way
        3: (54.00, 30.60, {"railway": "station", "name": "East"}),
        9: (54.0005, 30.30, {"railway": "halt", "name": "Middle"}),  # ~55 m from node 2
    }
    with osmium.SimpleWriter(str(path)) as writer:
        for nid, (lat, lon, tags) in nodes.items():
            writer.add_node(osmium.osm.mutable.Node(id=nid, location=(lon, lat), tags=tags))
        writer.add_way(osmium.osm.mutable.Way(id=1, nodes=[1, 2, 3], tags={"railway": "rail"}))
    summary = import_osm(path, tmp_path / "net")
    assert (summary["stations_snapped"], summary["stations_too_far"]) == (1, 0)
    net = load_network(tmp_path / "net", national=False)
    (west_mid,) = net.route("West", "Middle")
    (west_east,) = net.route("West", "East")
    assert west_mid.length_km == pytest.approx(west_east.length_km / 2, rel=0.01)
