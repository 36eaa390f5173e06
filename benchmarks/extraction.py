"""Extraction quality and speed on the labelled corpora, per field and per language.

Usage: python benchmarks/extraction.py [--repeat N] [--rounds N] [--baseline-ref REF]
                                      [--no-network] [-v] [--corpus NAME] [--dir DIR]
       python benchmarks/extraction.py --check --baseline-ref REF [--no-network]
       python benchmarks/extraction.py --speed-only --baseline-ref REF [--repeat N] [--rounds N]

Quality: precision, recall and F1 per field and overall, then per language (en, ru,
uk, be, pl), on each corpus present: tests/data/extraction/ (written snippets,
development), tests/data/extraction_holdout/ (written, held out),
tests/data/extraction_real/ (real published reports, development) and
tests/data/extraction_real_holdout/ (real, held out). Held-out corpora are never
used to tune rules and their misses are never listed. ``--dir DIR`` scores one
other directory of labelled reports in the same format (e.g. newly found reports,
scored before any rule is changed for them). A snippet's language is its
``lang`` label, else the one railtrack detects. Shipments
are paired with the labels by an optimal assignment on the fields that agree (text
order breaks ties: ``pair_shipments``), so one train split in two or missed does not
shift every later train onto the wrong label; a field counts as a true positive when the value
matches the label, a false positive when a wrong or spurious value is given,
a false negative when a labelled value is missing or wrong. Places match on
the name as written (case, "the" and "station" ignored) or, with the network,
on the resolved station. ``via`` counts each labelled place passed, in the corpora
that label them (the real ones).

Speed: median reports per second of extract_shipments per language over the
development corpora's texts (written and real), in CPU time of one process (one
core, whatever else the machine runs), beside a baseline measured in the same run:
the same reports read by another commit (``--baseline-ref``, by default main before
the issue-13 speed work), checked out into a temporary git worktree. Each checkout
runs in its own process (``benchmarks/_extraction_speed.py``: warm-up, then timed
passes with the caches keyed by a whole text emptied before each, so every pass
reads its reports as new); the two alternate ``--rounds`` times, so that other work
on the machine slows both alike. The script also says whether both read every
report alike (a digest of each result): speed work must not change a result.
``--check`` does only that comparison, names each report read differently and exits
1 if there is one.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

import yaml

from railtrack.extract import extract_shipments
from railtrack.extract.language import detect_language

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _baseline import baseline_checkout

REPO = Path(__file__).resolve().parents[1]
CORPORA = {
    "development": REPO / "tests" / "data" / "extraction",
    "holdout": REPO / "tests" / "data" / "extraction_holdout",
    "real": REPO / "tests" / "data" / "extraction_real",
    "real-holdout": REPO / "tests" / "data" / "extraction_real_holdout",
}
HELD_OUT = frozenset({"holdout", "real-holdout"})
BASELINE_REF = "fc8cd9d"  # main before the issue-13 speed work
LANGS = ("en", "ru", "uk", "be", "pl")
CAR_FIELDS = ("total", "passenger", "covered", "flat", "tank", "other")
FIELDS = (
    "shipment",
    "origin",
    "destination",
    "via",
    "departure",
    "expected_arrival",
    *(f"cars.{c}" for c in CAR_FIELDS),
    "claim",
    "group",
    "group.n_trains",
    *(f"group.cars.{c}" for c in CAR_FIELDS),
)


def load_corpus(path: Path) -> list[dict]:
    snippets = []
    for file in sorted(path.glob("*.y*ml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "text" in data:
            data["_file"] = file.name
            snippets.append(data)
    return snippets


def _norm_place(text: str | None) -> str | None:
    if not text:
        return None
    text = re.sub(r"\b(the|railway|station)\b", " ", text.lower())
    # (a hyphen written as U+2010/U+2011, "Санкт\u2011Петербург", is a hyphen)
    return re.sub(r"[\s\-–\u2010\u2011]+", " ", text).strip()


def _as_date(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def _window(w: dict | None) -> tuple | None:
    if not w:
        return None
    return (_as_date(w.get("earliest")), _as_date(w.get("latest")), w.get("precision"))


def _place_match(exp: dict | None, got: dict | None, *, use_station: bool) -> bool:
    if not exp or not got:
        return False
    if _norm_place(exp.get("text")) == _norm_place(got.get("text")):
        return True
    return bool(use_station and exp.get("station") and exp.get("station") == got.get("station"))


def _partition(shipments: list[dict]) -> list[frozenset[int] | None]:
    members: dict[object, set[int]] = {}
    for i, s in enumerate(shipments):
        if s.get("group") is not None:
            members.setdefault(s["group"], set()).add(i)
    return [None if s.get("group") is None else frozenset(members[s["group"]]) for s in shipments]


def _point_cars(record: dict) -> dict:
    """Return a record's car counts as the labels state them: a range is no count.

    The labelling rules (``tests/data/extraction_real/README.md``) give a range
    ("30-35 платформ") no number; the reader keeps it as a range (``cars_at_least``
    and ``cars_at_most``, the high end in ``cars_total_max``), which is therefore
    scored as no count, neither right nor wrong.
    """
    if record.get("cars_at_least") and record.get("cars_at_most"):
        return {}
    return record.get("cars") or {}


def _agreement(e: dict, g: dict, *, use_station: bool) -> int:
    """How many fields of a labelled and a read shipment agree (for pairing them)."""
    n = sum(_place_match(e.get(r), g.get(r), use_station=use_station) for r in _PLACE_ROLES)
    n += sum(
        _window(e.get(r)) is not None and _window(e.get(r)) == _window(g.get(r))
        for r in _DATE_ROLES
    )
    ec, gc = e.get("cars") or {}, _point_cars(g)
    n += sum(ec.get(c) is not None and ec.get(c) == gc.get(c) for c in CAR_FIELDS)
    ev, gv = e.get("via") or [], g.get("via") or []
    n += sum(any(_place_match(p, q, use_station=use_station) for q in gv) for p in ev)
    # (groups are paired by the same measure: their size and counts)
    return n + int(e.get("n_trains") is not None and e.get("n_trains") == g.get("n_trains"))


def pair_shipments(
    exp_s: list[dict], got_s: list[dict], *, use_station: bool
) -> list[tuple[int | None, int | None]]:
    """Pair labelled with read shipments: the pairing on which most fields agree.

    A reader that splits one train in two, or misses the first of three, must not
    have every later train scored against the wrong label: shipments are paired by
    an optimal assignment (``scipy.optimize.linear_sum_assignment``) on the number
    of agreeing fields, ties going to text order. Pairs on which nothing agrees are
    still made while both sides have shipments left (as many as the shorter side:
    a wrong train is a wrong train).
    Returns (expected index or None, read index or None), every index once, in the
    labels' order then the unpaired reads.

    >>> e = [{"origin": {"text": "Orsha"}}, {"origin": {"text": "Slonim"}}]
    >>> pair_shipments(e, [{"origin": {"text": "Slonim"}}], use_station=False)
    [(0, None), (1, 0)]
    """
    if not exp_s or not got_s:
        return [(i, None) for i in range(len(exp_s))] + [(None, j) for j in range(len(got_s))]
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    gain = np.array(
        [
            [
                # text order breaks ties (a pair further apart costs a little)
                _agreement(e, g, use_station=use_station) - 0.001 * abs(i - j)
                for j, g in enumerate(got_s)
            ]
            for i, e in enumerate(exp_s)
        ]
    )
    rows, cols = linear_sum_assignment(gain, maximize=True)
    paired = dict(zip(rows.tolist(), cols.tolist(), strict=True))
    out: list[tuple[int | None, int | None]] = [(i, paired.get(i)) for i in range(len(exp_s))]
    used = set(paired.values())
    return out + [(None, j) for j in range(len(got_s)) if j not in used]


_PLACE_ROLES = ("origin", "destination")
_DATE_ROLES = ("departure", "expected_arrival")


def _groups_as_labels(
    pairs: list[tuple[int | None, int | None]], exp_s: list[dict], got_s: list[dict]
) -> tuple[list[frozenset[object] | None], list[frozenset[object] | None]]:
    """Each pair's group members, named alike on both sides (a label's index, or the
    read index for a read train paired with no label)."""
    name = {j: ("e", i) if i is not None else ("g", j) for i, j in pairs if j is not None}
    exp_part, got_part = _partition(exp_s), _partition(got_s)
    exp_named: list[frozenset[object] | None] = []
    got_named: list[frozenset[object] | None] = []
    for i, j in pairs:
        ep = exp_part[i] if i is not None else None
        gp = got_part[j] if j is not None else None
        exp_named.append(None if ep is None else frozenset(("e", k) for k in ep))
        got_named.append(None if gp is None else frozenset(name[k] for k in gp))
    return exp_named, got_named


def score_snippet(
    expected: dict, got: dict, counts: Counter, *, use_station: bool, score_via: bool = True
) -> None:
    """Tally one report's fields: labelled and read shipments paired by
    :func:`pair_shipments`, groups paired likewise on their size and counts."""
    exp_s = expected.get("shipments") or []
    got_s = got["shipments"]
    counts["shipment", "tp"] += min(len(exp_s), len(got_s))
    counts["shipment", "fp"] += max(0, len(got_s) - len(exp_s))
    counts["shipment", "fn"] += max(0, len(exp_s) - len(got_s))
    pairs = pair_shipments(exp_s, got_s, use_station=use_station)
    exp_groups, got_groups = _groups_as_labels(pairs, exp_s, got_s)

    def tally(name: str, e: object, g: object, equal: bool) -> None:
        if e is not None and g is not None and equal:
            counts[name, "tp"] += 1
            return
        if g is not None:
            counts[name, "fp"] += 1
        if e is not None:
            counts[name, "fn"] += 1

    for k, (i, j) in enumerate(pairs):
        e = exp_s[i] if i is not None else {}
        g = got_s[j] if j is not None else {}
        for role in _PLACE_ROLES:
            tally(
                role,
                e.get(role),
                g.get(role),
                _place_match(e.get(role), g.get(role), use_station=use_station),
            )
        for role in _DATE_ROLES:
            ew, gw = _window(e.get(role)), _window(g.get(role))
            tally(role, ew, gw, ew == gw)
        _tally_via(e, g, counts, use_station=use_station, score_via=score_via)
        ec, gc = e.get("cars") or {}, _point_cars(g)
        for car in CAR_FIELDS:
            tally(f"cars.{car}", ec.get(car), gc.get(car), ec.get(car) == gc.get(car))
        if e or g:
            ecl = e.get("claim", "sighted") if e else None
            gcl = g.get("claim") if g else None
            tally("claim", ecl, gcl, ecl == gcl)
        ep, gp = exp_groups[k], got_groups[k]
        tally("group", ep, gp, ep == gp)

    exp_g = expected.get("groups") or []
    got_g = got["groups"]
    for i, j in pair_shipments(exp_g, got_g, use_station=use_station):
        e = exp_g[i] if i is not None else {}
        g = got_g[j] if j is not None else {}
        tally(
            "group.n_trains",
            e.get("n_trains"),
            g.get("n_trains"),
            e.get("n_trains") == g.get("n_trains"),
        )
        ec, gc = e.get("cars") or {}, _point_cars(g)
        for car in CAR_FIELDS:
            tally(f"group.cars.{car}", ec.get(car), gc.get(car), ec.get(car) == gc.get(car))


def _tally_via(e: dict, g: dict, counts: Counter, *, use_station: bool, score_via: bool) -> None:
    """Each labelled place passed is a true positive when read, else a miss; each
    place read and not labelled a false positive (only in corpora that label them)."""
    if not score_via:
        return
    g_via = list(g.get("via") or [])
    for place in e.get("via") or []:
        hit = next((x for x in g_via if _place_match(place, x, use_station=use_station)), None)
        if hit is None:
            counts["via", "fn"] += 1
        else:
            g_via.remove(hit)
            counts["via", "tp"] += 1
    counts["via", "fp"] += len(g_via)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _published(snippet: dict) -> date | None:
    value = snippet.get("published")
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)) if value else None


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def snippet_lang(snippet: dict) -> str:
    """Return the snippet's ``lang`` label, else the language railtrack detects in it."""
    if snippet.get("lang"):
        return str(snippet["lang"])
    return detect_language(snippet["text"]).lang


def score(snippets: list[dict], network: object, *, verbose: bool) -> dict[str, Counter]:
    """Tally every snippet: counts per language, and over all under "all"."""
    by_lang: dict[str, Counter] = {"all": Counter()}
    labels_via = any(
        "via" in s
        for snippet in snippets
        for s in (snippet.get("expected") or {}).get("shipments") or []
    )
    for snippet in snippets:
        result = extract_shipments(
            snippet["text"],
            published=_published(snippet),
            source=snippet.get("source"),
            network=network,
            report_id=str(snippet.get("id", snippet["_file"])),
        ).to_dict()
        counts: Counter = Counter()
        score_snippet(
            snippet.get("expected") or {},
            result,
            counts,
            use_station=bool(network),
            score_via=labels_via,
        )
        lang = snippet_lang(snippet)
        by_lang["all"].update(counts)
        by_lang.setdefault(lang, Counter()).update(counts)
        if verbose:
            misses = sorted({k[0] for k, v in counts.items() if k[1] in ("fp", "fn") and v})
            if misses:
                print(f"  {snippet['_file']} [{lang}]: misses in {', '.join(misses)}")
    return by_lang


def totals(counts: Counter) -> tuple[int, int, int]:
    """Return (tp, fp, fn) summed over the fields."""
    return tuple(sum(counts[f, kind] for f in FIELDS) for kind in ("tp", "fp", "fn"))


def evaluate(name: str, snippets: list[dict], network: object, *, verbose: bool) -> float:
    by_lang = score(snippets, network, verbose=verbose)
    counts = by_lang["all"]
    print(f"\n{name}: {len(snippets)} snippets")
    print(f"{'field':<22}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}{'F1':>7}")
    for field in FIELDS:
        tp, fp, fn = counts[field, "tp"], counts[field, "fp"], counts[field, "fn"]
        if tp + fp + fn:
            p, r, f = prf(tp, fp, fn)
            print(f"{field:<22}{tp:>5}{fp:>5}{fn:>5}{p:>11.3f}{r:>8.3f}{f:>7.3f}")
    tp, fp, fn = totals(counts)
    p, r, f1 = prf(tp, fp, fn)
    print(f"{'overall':<22}{tp:>5}{fp:>5}{fn:>5}{p:>11.3f}{r:>8.3f}{f1:>7.3f}")
    n_by_lang = Counter(snippet_lang(s) for s in snippets)
    langs = [lang for lang in (*LANGS, *sorted(set(by_lang) - {*LANGS, "all"})) if lang in by_lang]
    print(
        f"{'language':<12}{'reports':>8}{'tp':>7}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}{'F1':>7}"
    )
    for lang in langs:
        tp, fp, fn = totals(by_lang[lang])
        lp, lr, lf = prf(tp, fp, fn)
        print(f"{lang:<12}{n_by_lang[lang]:>8}{tp:>7}{fp:>5}{fn:>5}{lp:>11.3f}{lr:>8.3f}{lf:>7.3f}")
    print(f"{'F1 by field':<22}" + "".join(f"{lang:>7}" for lang in langs))
    for field in FIELDS:
        cells = []
        for lang in langs:
            c = by_lang[lang]
            tp, fp, fn = c[field, "tp"], c[field, "fp"], c[field, "fn"]
            cells.append(f"{prf(tp, fp, fn)[2]:>7.3f}" if tp + fp + fn else f"{'-':>7}")
        if any(cell.strip() != "-" for cell in cells):
            print(f"{field:<22}" + "".join(cells))
    return f1


def _time_checkout(src: Path, reports: Path, repeat: int, *, network: bool) -> dict:
    """Run the timing child on the checkout at ``src``; its JSON output."""
    cmd = [sys.executable, str(REPO / "benchmarks" / "_extraction_speed.py")]
    cmd += [str(src), str(reports), str(repeat)] + ([] if network else ["--no-network"])
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _measure(
    reports: list[dict], repeat: int, rounds: int, baseline_ref: str | None, *, network: bool
) -> tuple[dict[str, list[float]], dict[str, list[float]], list[str] | None]:
    """Return the passes' reports/s per language now and at the baseline, and the ids
    of the reports the two read differently (None without a baseline)."""
    now: dict[str, list[float]] = {}
    then: dict[str, list[float]] = {}
    digests: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "reports.json"
        path.write_text(json.dumps(reports, ensure_ascii=False), encoding="utf-8")
        with baseline_checkout(baseline_ref, Path(tmp) / "baseline") as base:
            checkouts = [("now", REPO / "src", now)] + ([("base", base, then)] if base else [])
            for _ in range(rounds):
                for name, src, into in checkouts:
                    out = _time_checkout(src, path, repeat, network=network)
                    for lang, runs in out["rates"].items():
                        into.setdefault(lang, []).extend(runs)
                    digests[name] = out["digests"]
    if "base" not in digests:
        return now, then, None
    differ = [k for k, d in digests["now"].items() if d != digests["base"].get(k)]
    return now, then, differ


def _timed_reports(snippets: list[dict]) -> list[dict]:
    """Return the snippets as the timing child reads them (id, text, published, lang)."""
    return [
        {
            "id": str(s.get("id", s["_file"])),
            "text": s["text"],
            "published": _iso(_published(s)),
            "lang": snippet_lang(s),
        }
        for s in snippets
    ]


def check_same(snippets: list[dict], baseline_ref: str, *, network: bool) -> int:
    """Compare every report's result with the baseline checkout's; 0 when all are equal.

    Each checkout reads the reports in its own process (no timing); a report whose
    ``to_dict()`` differs is named. Speed work must leave every result as it was.
    """
    reports = _timed_reports(snippets)
    _, _, differ = _measure(reports, 0, 1, baseline_ref, network=network)
    if differ is None:
        return 2
    print(
        f"results identical to {baseline_ref}'s: {len(reports) - len(differ)} of "
        f"{len(reports)} reports (station names resolved: {'yes' if network else 'no'})"
    )
    for report_id in differ:
        print(f"  differs: {report_id}")
    return 1 if differ else 0


def speed(
    snippets: list[dict], repeat: int, rounds: int, baseline_ref: str | None, *, network: bool
) -> None:
    """Print the median reports/s per language, beside the baseline checkout's.

    Each checkout is timed in its own process (``_extraction_speed.py``), the two
    alternating ``rounds`` times so that a busy machine slows both alike; the median
    is over every pass of every round.
    """
    reports = _timed_reports(snippets)
    now, then, differ = _measure(reports, repeat, rounds, baseline_ref, network=network)
    words = statistics.median(len(r["text"].split()) for r in reports)
    print(
        f"\nspeed over {len(reports)} development reports (median {words:.0f} words), "
        f"median of {rounds} x {repeat} passes, CPU time of one process (one core), "
        f"caches keyed by a text emptied before each pass; python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
    )
    if then:
        print(f"  baseline: commit {baseline_ref}, timed in the same run")
    for lang in (lang for lang in LANGS if lang in now):
        n = sum(r["lang"] == lang for r in reports)
        rate = statistics.median(now[lang])
        target = 1000 if lang == "en" else 500
        met = "met" if rate >= target else "NOT met"
        line = f"  {lang} ({n:>3} reports): {rate:8,.0f} reports/s  (target >= {target:,}: {met})"
        if lang in then:
            base_rate = statistics.median(then[lang])
            line += f"; baseline {base_rate:8,.0f} reports/s, {rate / base_rate:.2f} x"
        print(line)
    if differ is not None:
        print(
            f"  results identical to the baseline's: {len(reports) - len(differ)} of "
            f"{len(reports)} reports (a difference is a change of reading since the "
            "baseline, not of speed)"
        )


def _development_only(args: argparse.Namespace, network: object) -> int:
    """``--check`` or ``--speed-only``: the development reports beside the baseline."""
    snippets = [s for name in ("development", "real") for s in load_corpus(CORPORA[name])]
    if args.check:
        return check_same(snippets, args.baseline_ref, network=bool(network))
    print(f"station names resolved: {'yes' if network else 'no'}")
    speed(snippets, max(args.repeat, 1), args.rounds, args.baseline_ref, network=bool(network))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeat", type=int, default=5, help="timed passes per process and round (0: none)"
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="processes per checkout, alternating (default 3)"
    )
    parser.add_argument(
        "--baseline-ref",
        default=BASELINE_REF,
        help=f"commit timed beside this checkout (default {BASELINE_REF}); '' for none",
    )
    parser.add_argument("--no-network", action="store_true", help="do not resolve names")
    parser.add_argument("-v", "--verbose", action="store_true", help="list snippets with misses")
    parser.add_argument("--corpus", choices=sorted(CORPORA), help="score one corpus only")
    parser.add_argument(
        "--dir",
        "--corpus-dir",
        dest="dir",
        type=Path,
        help="score this directory of labelled reports instead (e.g. new reports not yet tuned on)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="only compare every development report's result with --baseline-ref's "
        "(exit 1 when one differs); no scores, no timing",
    )
    parser.add_argument(
        "--speed-only",
        action="store_true",
        help="only time the development reports beside --baseline-ref (no scores)",
    )
    args = parser.parse_args()
    network: object = False
    if not args.no_network:
        try:
            from railtrack.network import load_network

            network = load_network()
        except Exception as exc:
            print(f"network not loaded ({exc}); places scored on text only", file=sys.stderr)
    if args.check and not args.baseline_ref:
        parser.error("--check needs a --baseline-ref")
    if args.check or args.speed_only:
        return _development_only(args, network)
    print(f"station names resolved: {'yes' if network else 'no'}")
    timed: list[dict] = []
    if args.dir is not None:
        if not args.dir.is_dir():
            print(f"{args.dir}: not a directory", file=sys.stderr)
            return 2
        f1 = evaluate(args.dir.name, load_corpus(args.dir), network, verbose=args.verbose)
        print(f"  F1 {f1:.3f}")
        return 0
    for name, path in CORPORA.items():
        if args.corpus and name != args.corpus:
            continue
        if not path.is_dir():
            print(f"\n{name}: {path} not present")
            continue
        snippets = load_corpus(path)
        f1 = evaluate(name, snippets, network, verbose=args.verbose and name not in HELD_OUT)
        print(f"  F1 {f1:.3f}")
        if name in ("development", "real"):
            timed.extend(snippets)
    if timed and args.repeat > 0:
        speed(timed, args.repeat, args.rounds, args.baseline_ref, network=bool(network))
    return 0


if __name__ == "__main__":
    sys.exit(main())
