"""Time ``extract_shipments`` of one checkout: the child process of ``extraction.py``.

Usage: python benchmarks/_extraction_speed.py SRC REPORTS.json REPEAT [--no-network]

Imports railtrack from ``SRC`` (a checkout's ``src``), reads the reports the parent
wrote (text, published date, language), extracts each once to warm up (language
models, lexicons, the network's gazetteer), then times ``REPEAT`` passes over each
language's reports in CPU time of this process (one core). Before each pass the
caches keyed by a text (tokens and words of a clause, verb cues) are emptied, so a
pass reads its reports as new ones; caches keyed by a word or a name (morphology,
number words, the gazetteer's resolutions) stay warm, as they do over a stream of
reports. Prints one JSON object: the reports/s of every pass per language, and a
digest of each report's result (``to_dict()``) to compare two checkouts.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import sys
import time
from datetime import date
from pathlib import Path

LANGS = ("en", "ru", "uk", "be", "pl")
# Caches keyed by a whole text, in the modules that have them (older checkouts lack some).
TEXT_CACHES = (
    ("railtrack.extract.lexicon", "tokens"),
    ("railtrack.extract.numbers", "_words"),
    ("railtrack.extract.casefold", "folded"),
    ("railtrack.extract.sentences", "_sentence_bounds"),
)


def forget_texts() -> None:
    """Empty the caches keyed by a text, so that the next pass reads new reports."""
    for module_name, name in TEXT_CACHES:
        module = sys.modules.get(module_name)
        func = getattr(module, name, None) if module else None
        if func is not None and hasattr(func, "cache_clear"):
            func.cache_clear()
    for module_name in ("railtrack.extract.readers", "railtrack.extract.lexread"):
        reader_for = getattr(sys.modules.get(module_name), "reader_for", None)
        for lang in LANGS if reader_for is not None else ():
            try:
                cache = getattr(reader_for(lang), "_verb_cache", None)
            except (KeyError, ValueError):  # no reader of this language in that module
                continue
            if isinstance(cache, dict):
                cache.clear()


def main() -> None:
    src, reports_path, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
    use_network = "--no-network" not in sys.argv[4:]
    sys.path.insert(0, src)
    extract = importlib.import_module("railtrack.extract").extract_shipments
    network: object = False
    if use_network:
        network = importlib.import_module("railtrack.network").load_network()
    reports = json.loads(Path(reports_path).read_text(encoding="utf-8"))
    items = [
        (r["text"], date.fromisoformat(r["published"]) if r["published"] else None, r)
        for r in reports
    ]
    digests = {}
    for text, published, r in items:  # warm-up, and the results to compare
        result = extract(text, published=published, network=network, report_id=r["id"])
        blob = json.dumps(result.to_dict(), sort_keys=True, default=str, ensure_ascii=False)
        digests[r["id"]] = hashlib.sha1(blob.encode(), usedforsecurity=False).hexdigest()
    rates: dict[str, list[float]] = {}
    for lang in LANGS:
        subset = [(t, p) for t, p, r in items if r["lang"] == lang]
        if not subset:
            continue
        runs = []
        for _ in range(repeat):
            forget_texts()
            t0 = time.process_time()
            for text, published in subset:
                extract(text, published=published, network=network)
            runs.append(len(subset) / max(time.process_time() - t0, 1e-9))
        rates[lang] = runs
    print(json.dumps({"rates": rates, "digests": digests}))


if __name__ == "__main__":
    main()
