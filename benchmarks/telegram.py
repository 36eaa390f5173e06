"""Read a large Telegram Desktop export: speed and peak memory, beside slurping it.

Writes a seeded channel export (``result.json``, newer generation, about 750 bytes a
message: posts about trains in five languages, chatter, captions, stickers, service
messages) into a temporary directory, then runs each stage in a fresh process so its
peak memory (``ru_maxrss``) is its own:

- ``stream + pre-filter``: :func:`railtrack.io.telegram_json.read_json_export` (ijson)
  and :func:`railtrack.io.telegram_filter.mentions_rail` over every message;
- ``slurp + pre-filter`` (baseline): ``json.load`` of the whole file, then the same
  loop over its messages;
- ``extract``: :func:`railtrack.io.telegram.read_telegram_file` on an export of
  ``--extract`` messages (reading, pre-filter and full extraction of what passes);
  its posts per second give the whole export's time;
- ``html``: the same channel as ``--html`` messages of HTML pages, read with
  :func:`railtrack.io.telegram_html.read_html_export` and pre-filtered;
- ``ingest``: the same export loaded, then ingested into a new store, then ingested
  again (every post unchanged).

It also prints the pre-filter's recall on the real reports corpus (every report
there with at least one expected shipment describes a train and must pass):
``tests/data/extraction*/`` of this repository and, when present beside it, the
corpus of real reports in other languages (``--corpus DIR``, ``*.yaml``).

Run: ``python benchmarks/telegram.py [--messages 400000] [--extract 20000]``.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

TRAINS = [
    "A military echelon of {n} flatcars with armour left {a} for {b} on {d} March.",
    "Вчера со станции {a} отправился воинский эшелон из {n} платформ в направлении {b}.",
    "Ешелон із {n} вагонів з технікою прибув на станцію {b} з {a}.",
    "На станцыю {b} прыбыў вайсковы эшалон з {n} платформамі з тэхнікай з {a}.",
    "Pociąg z {n} platformami z czołgami minął stację {a} w kierunku {b}.",
]
CHATTER = [
    "Thank you all for your support, friends! Every donation helps us keep watching.",
    "Спасибо всем за поддержку, друзья! Каждый донат помогает нам продолжать работу.",
    "Дякуємо всім за підтримку, друзі! Кожен донат допомагає нам працювати далі.",
    "Дзякуй усім за падтрымку, сябры! Кожны данат дапамагае нам працаваць далей.",
    "Dziękujemy wszystkim za wsparcie, przyjaciele! Każda wpłata pomaga nam działać.",
    "Колонна грузовой автотехники замечена на трассе М1 у Борисова, около 20 машин.",
    "Над Гомелем снова пролетели вертолёты, жители сообщают о шуме ночью.",
]
PLACES = ["Orsha", "Osipovichi", "Gomel", "Mozyr", "Baranovichi", "Smolensk", "Bryansk"]


def _message(i: int, rng: random.Random, when: datetime) -> dict[str, object]:
    roll = rng.random()
    out: dict[str, object] = {
        "id": i,
        "type": "message",
        "date": when.replace(tzinfo=None).isoformat(timespec="seconds"),
        "date_unixtime": str(int(when.timestamp())),
        "from": "Rail Watch",
        "from_id": "channel1234567890",
    }
    if roll < 0.05:
        out["type"] = "service"
        out["actor"], out["action"] = out.pop("from"), "pin_message"
        out["actor_id"] = out.pop("from_id")
        text = ""
    elif roll < 0.10:
        out["file"] = f"stickers/sticker_{i}.webp"
        out["media_type"] = "sticker"
        text = ""
    elif roll < 0.25:
        a, b = rng.sample(PLACES, 2)
        text = rng.choice(TRAINS).format(n=rng.randint(20, 60), a=a, b=b, d=rng.randint(1, 28))
        if rng.random() < 0.5:
            text += " " + rng.choice(CHATTER)  # some posts run to a few sentences
        if rng.random() < 0.3:
            out["photo"] = f"photos/photo_{i}@01-03-2023_10-00-00.jpg"
    else:
        text = rng.choice(CHATTER)
    if rng.random() < 0.2 and text:
        out["text"] = [text[:20], {"type": "bold", "text": text[20:40]}, text[40:]]
    else:
        out["text"] = text
    out["text_entities"] = [{"type": "plain", "text": text}] if text else []
    return out


def generate(path: Path, messages: int, *, seed: int = 14) -> int:
    """Write a channel export of ``messages`` messages to ``path``; return its size in bytes."""
    rng = random.Random(seed)
    start = datetime(2023, 1, 1, tzinfo=UTC)
    with path.open("w", encoding="utf-8") as out:
        out.write('{\n "name": "Rail Watch",\n "type": "public_channel",\n')
        out.write(' "id": 1234567890,\n "messages": [\n')
        for i in range(1, messages + 1):
            when = start + timedelta(seconds=i * 60)
            out.write(("  " if i == 1 else ",\n  ") + json.dumps(_message(i, rng, when)))
        out.write("\n ]\n}\n")
    return path.stat().st_size


def _html_message(message: dict[str, object], previous_date: str | None) -> str:
    """One message as Telegram Desktop's HTML export writes it (see export_output_html.cpp)."""
    mid = message["id"]
    if message["type"] == "service":
        return (
            f'<div class="message service" id="message{mid}">'
            '<div class="body details">pinned</div></div>'
        )
    text = message["text"]
    if not isinstance(text, str):
        text = "".join(p if isinstance(p, str) else str(p["text"]) for p in text)
    when = datetime.fromtimestamp(int(str(message["date_unixtime"])), UTC)
    joined = previous_date is not None and previous_date == when.date().isoformat()
    head = "" if joined else '<div class="from_name">Rail Watch</div>'
    media = ""
    if message.get("media_type") == "sticker":
        media = '<div class="media_wrap clearfix"><a class="sticker_wrap" href="s.webp"></a></div>'
    elif "photo" in message:
        media = '<div class="media_wrap clearfix"><a class="photo_wrap" href="p.jpg"></a></div>'
    body = f'<div class="text">{html.escape(text)}</div>' if text else ""
    return (
        f'<div class="message default clearfix{" joined" if joined else ""}" id="message{mid}">'
        f'<div class="body"><div class="pull_right date details" '
        f'title="{when:%d.%m.%Y %H:%M:%S} UTC+00:00">{when:%H:%M}</div>{head}{media}{body}'
        "</div></div>"
    )


def generate_html(folder: Path, messages: int, *, seed: int = 14) -> int:
    """Write the same channel as HTML pages of 1,000 messages; return their size in bytes."""
    rng = random.Random(seed)
    start = datetime(2023, 1, 1, tzinfo=UTC)
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for page in range(0, messages, 1000):
        items, previous = [], None
        for i in range(page + 1, min(page + 1000, messages) + 1):
            message = _message(i, rng, start + timedelta(seconds=i * 60))
            items.append(_html_message(message, previous))
            previous = None if message["type"] == "service" else str(message["date"])[:10]
        name = "messages.html" if page == 0 else f"messages{page // 1000 + 1}.html"
        path = folder / name
        path.write_text(
            '<html><body><div class="page_header"><div class="text bold">Rail Watch</div></div>'
            '<div class="history">' + "".join(items) + "</div></body></html>",
            encoding="utf-8",
        )
        size += path.stat().st_size
    return size


def _html_stage(folder: Path) -> dict[str, float]:
    from railtrack.io.telegram import export_files
    from railtrack.io.telegram_filter import mentions_rail
    from railtrack.io.telegram_html import read_html_export
    from railtrack.io.telegram_posts import ReadLog

    start, cpu = time.perf_counter(), time.process_time()
    log, passed = ReadLog(), 0
    for page in export_files(folder):
        passed += sum(mentions_rail(post.text) for post in read_html_export(page, log))
    return {
        "seconds": time.process_time() - cpu,
        "wall": time.perf_counter() - start,
        "seen": log.posts + sum(log.skipped.values()),
        "passed": passed,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _ingest_stage(path: Path) -> dict[str, float]:
    """Load an export, ingest it into a new store, then ingest it again (nothing new)."""
    from railtrack.io import load_reports
    from railtrack.store import Store

    reports = load_reports(path)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "s.sqlite") as store:
        cpu = time.process_time()
        first = store.ingest(reports)
        first_s = time.process_time() - cpu
        cpu = time.process_time()
        again = store.ingest(reports)
        again_s = time.process_time() - cpu
    return {
        "seconds": first_s,
        "again_seconds": again_s,
        "seen": len(reports.posts),
        "new": first.new,
        "unchanged": again.posts["unchanged"],
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _stage(name: str, path: Path, extract: int) -> dict[str, float]:
    """Run one stage in this process; return its time and counts."""
    from railtrack.io.telegram_filter import mentions_rail

    if name == "ingest":
        return _ingest_stage(path)
    if name == "html":
        return _html_stage(path)

    start = time.perf_counter()
    cpu = time.process_time()
    seen = passed = 0
    if name == "stream":
        from railtrack.io.telegram_json import read_json_export
        from railtrack.io.telegram_posts import ReadLog

        log = ReadLog()
        for post in read_json_export(path, log):
            seen += 1
            passed += mentions_rail(post.text)
        seen += sum(log.skipped.values())
    elif name == "slurp":
        with path.open(encoding="utf-8") as f:
            doc = json.load(f)
        for message in doc["messages"]:
            seen += 1
            text = message.get("text", "")
            if not isinstance(text, str):
                text = "".join(p if isinstance(p, str) else p.get("text", "") for p in text)
            passed += bool(text) and mentions_rail(text)
    else:
        from railtrack.io.telegram import read_telegram_file

        part = read_telegram_file(path)
        seen = part.read
        passed = part.read - part.skipped.get("telegram posts without train words (pre-filter)", 0)
        return {
            "seconds": time.process_time() - cpu,
            "wall": time.perf_counter() - start,
            "seen": seen,
            "passed": passed,
            "shipments": len(part.shipments),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
    return {
        "seconds": time.process_time() - cpu,
        "wall": time.perf_counter() - start,
        "seen": seen,
        "passed": passed,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _run_stage(name: str, path: Path, extract: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--stage", name, "--path", str(path), "--extract", str(extract)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _reports(corpus: Path) -> list[tuple[str, str, bool]]:
    """(name, text, describes a train) of each corpus report."""
    out = []
    for path in sorted(corpus.rglob("*.yaml")):
        try:
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, OSError):
            continue
        docs = doc if isinstance(doc, list) else [doc]
        for item in docs:
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                continue
            expected = item.get("expected") or {}
            describes = bool(expected.get("shipments") or expected.get("groups"))
            out.append((path.name, item["text"], describes))
    return out


def recall(corpora: list[Path]) -> None:
    """Print the pre-filter's recall on each corpus: reports describing a train, and all.

    Every report of the real corpora describes or mentions trains (its negatives are
    passenger trains, statistics, sabotage on the line); the labelled development
    corpora also hold battle news and exercises, which may be skipped.
    """
    from railtrack.io.telegram_filter import mentions_rail

    for corpus in corpora:
        if not corpus.is_dir():
            print(f"recall: {corpus} not found; skipped")
            continue
        reports = _reports(corpus)
        passed = [mentions_rail(text) for _, text, _ in reports]
        trains = [p for p, (_, _, describes) in zip(passed, reports, strict=True) if describes]
        missed = sorted({name for p, (name, _, _) in zip(passed, reports, strict=True) if not p})
        print(
            f"pre-filter on {corpus.relative_to(ROOT) if corpus.is_relative_to(ROOT) else corpus}:"
            f" reports describing a train {sum(trains)}/{len(trains)}, all reports "
            f"{sum(passed)}/{len(passed)}" + (f"; skipped {missed}" if missed else "")
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=400_000)
    parser.add_argument("--extract", type=int, default=20_000)
    parser.add_argument("--html", type=int, default=40_000)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--corpus", type=Path, action="append", default=[])
    parser.add_argument("--recall-only", action="store_true")
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        print(json.dumps(_stage(args.stage, args.path, args.extract)))
        return
    data = ROOT / "tests" / "data"
    corpora = [
        data / "extraction",
        data / "extraction_holdout",
        *(args.corpus or [data / "extraction_real", data / "extraction_real_holdout"]),
    ]
    recall(corpora)
    if args.recall_only:
        return
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big" / "result.json"
        big.parent.mkdir()
        start = time.perf_counter()
        size = generate(big, args.messages)
        print(
            f"generated {args.messages:,} messages, {size / 1e6:.0f} MB, "
            f"in {time.perf_counter() - start:.0f} s"
        )
        small = Path(tmp) / "small" / "result.json"
        small.parent.mkdir()
        generate(small, args.extract)
        pages = Path(tmp) / "html"
        html_mb = generate_html(pages, args.html) / 1e6
        results: dict[str, list[dict[str, float]]] = {}
        for _ in range(args.repeats):
            stages = (
                ("stream", big),
                ("slurp", big),
                ("html", pages),
                ("extract", small),
                ("ingest", small),
            )
            for name, path in stages:
                results.setdefault(name, []).append(_run_stage(name, path, args.extract))
    _report(results, args.messages)
    print(f"(HTML: {args.html:,} messages in {html_mb:.0f} MB of pages)")


def _report(results: dict[str, list[dict[str, float]]], messages: int) -> None:
    def med(name: str, key: str) -> float:
        return statistics.median(r[key] for r in results[name])

    stages = (
        ("stream", "stream + pre-filter"),
        ("slurp", "slurp + pre-filter"),
        ("html", "HTML + pre-filter"),
    )
    for name, label in stages:
        seconds = med(name, "seconds")
        print(
            f"{label:22s} {seconds:7.1f} s CPU ({med(name, 'wall'):.1f} s wall)  "
            f"{med(name, 'seen') / seconds:9,.0f} messages/s  "
            f"peak {med(name, 'peak_mb'):7,.0f} MB  passed {med(name, 'passed'):,.0f}"
        )
    ratio_t = med("stream", "seconds") / med("slurp", "seconds")
    ratio_m = med("stream", "peak_mb") / med("slurp", "peak_mb")
    print(f"stream / slurp: time x{ratio_t:.2f}, peak memory x{ratio_m:.2f}")
    seconds = med("extract", "seconds")
    passed = med("extract", "passed")
    print(
        f"{'read + extract':22s} {seconds:7.1f} s CPU ({med('extract', 'wall'):.1f} s wall)  "
        f"{med('extract', 'seen') / seconds:9,.0f} "
        f"posts/s  peak {med('extract', 'peak_mb'):7,.0f} MB  {passed:,.0f} extracted, "
        f"{med('extract', 'shipments'):,.0f} shipments"
    )
    print(
        f"{'store ingest':22s} {med('ingest', 'seconds'):7.1f} s CPU for "
        f"{med('ingest', 'seen'):,.0f} posts ({med('ingest', 'new'):,.0f} records); "
        f"again: {med('ingest', 'again_seconds'):.1f} s, "
        f"{med('ingest', 'unchanged'):,.0f} posts unchanged"
    )
    share = passed / max(med("extract", "seen"), 1)
    estimate = seconds / max(med("extract", "seen"), 1) * messages
    print(f"pre-filter pass rate {share:.1%}; whole export through extraction ~{estimate:,.0f} s")


if __name__ == "__main__":
    main()
