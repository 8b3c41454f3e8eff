"""Benchmark: Waarborg's de-identifier beside deduce, on the same synthetic Dutch social-domain corpus.

    .venv/bin/pip install -r bench/requirements.txt     # deduce: for the benchmark only, never the product
    .venv/bin/python -m bench.deidentify --chars 1000000 [--seed 0] [--no-deduce] [--json bench/out/deid.json]
        [--baseline DIR]   # also an earlier Waarborg, e.g. DIR=/tmp/old after `git archive REV src | tar -x -C /tmp/old`

In one run: generate the texts (`deid_notes`: notes, questions, complaints, referrals with gold spans) and
two corpora without personal data (`deid_plain`, and the Dutch translations that ship with Django and DRF,
read from the installed packages), then for each tool start a fresh Python process that reads the texts,
de-identifies them and writes its spans; the parent measures that process's peak memory (ru_maxrss) and
the tool's own time per character, and separately, three times, how long a fresh process takes from start
to its first de-identified sentence (imports and word lists included). Then per category of the gold:
full coverage (every non-space character of the gold span hidden) and partial coverage (any), for values
the detector's lexicons hold (seen) and those they do not (unseen); false positives: spans in the case
notes that touch no gold span, and spans in the ordinary texts per 10,000 words.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench import deid_notes, deid_plain
from bench.deid_corpus import Doc, Gold

OUT = Path(__file__).parent / "out" / "deidentify"
# The first note each tool gets, before the clock runs, and the one the start-up time is measured to. It holds
# what makes Waarborg load everything it loads lazily: a sentence start that needs the Dutch word list
# ("Huisbezoek"), and an IBAN and a BSN that need python-stdnum. With only the first sentence, loading the word
# list and stdnum (about 0.3 s) fell inside the timed run and counted as speed instead of start-up.
SENTENCE = (
    "Mevrouw Fatima El Amrani (82 jaar) belde vanaf 06-12345678 over haar zoon Kofi. "
    "Huisbezoek gepland; haar IBAN is NL91 ABNA 0417 1643 00 en haar BSN 123456782."
)

# --- the tools ---------------------------------------------------------------------------------------------


def _tool(name: str) -> Any:
    """A function text -> [(start, end, label)] for the named tool."""
    if name in ("waarborg", "baseline"):  # the baseline is the same code from another source tree (`--baseline`)
        from waarborg.engine.deidentify import find

        return lambda text: [(s.start, s.end, s.category.value) for s in find(text)]
    if name == "deduce":
        from deduce import Deduce

        model = Deduce()
        return lambda text: [(int(a.start_char), int(a.end_char), a.tag) for a in model.deidentify(text).annotations]
    raise SystemExit(f"unknown tool {name}")


def worker(tool: str, infile: Path, outfile: Path) -> None:
    texts = [json.loads(line)["text"] for line in infile.open(encoding="utf-8")]
    fn = _tool(tool)
    fn(SENTENCE)  # warm: lazy word lists and imports are part of start-up, not of speed
    # CPU time, not wall time: the machine is shared, and both tools are measured alike.
    start = time.process_time()
    spans = [fn(text) for text in texts]
    seconds = time.process_time() - start
    with outfile.open("w", encoding="utf-8") as f:
        for s in spans:
            f.write(json.dumps(s) + "\n")
    print(json.dumps({"seconds": seconds, "chars": sum(map(len, texts))}))


def startup(tool: str) -> None:
    _tool(tool)(SENTENCE)


def _run_worker(tool: str, infile: Path, outfile: Path) -> dict[str, Any]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.deidentify", "--worker", tool, str(infile), str(outfile)],
        stdout=subprocess.PIPE,
        env=_env(tool),
    )
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"{tool} worker failed ({proc.returncode})")
    stats: dict[str, Any] = json.loads(out.decode().strip().splitlines()[-1])
    stats["peak_mb"] = usage.ru_maxrss / 1024
    return stats


def _startup_seconds(tool: str, rounds: int = 3) -> tuple[float, float]:
    """(wall, CPU) seconds from starting a fresh Python to its first de-identified sentence, median of `rounds`."""
    walls, cpus = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "bench.deidentify", "--startup", tool], env=_env(tool))
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
        if os.waitstatus_to_exitcode(status):
            raise SystemExit(f"{tool} start-up failed")
    return statistics.median(walls), statistics.median(cpus)


BASELINE: Path | None = None  # `--baseline DIR`: DIR/src holds the earlier Waarborg to compare with


def _env(tool: str = "waarborg") -> dict[str, str]:
    root = Path(__file__).resolve().parent.parent
    src = BASELINE / "src" if tool == "baseline" and BASELINE else root / "src"
    return {**os.environ, "PYTHONPATH": f"{src}{os.pathsep}{root}"}


# --- corpora -----------------------------------------------------------------------------------------------


def django_texts() -> list[str]:
    """The msgstr texts of the Dutch (nl) translations of the installed Django and DRF."""
    import django

    roots = [Path(django.__file__).parent]
    try:
        import rest_framework

        roots.append(Path(rest_framework.__file__).parent)
    except ImportError:
        pass
    texts: list[str] = []
    for root in roots:
        for po in sorted(root.glob("**/locale/nl/LC_MESSAGES/*.po")):
            current: list[str] | None = None
            for line in [*po.read_text(encoding="utf-8").splitlines(), ""]:
                if line.startswith("msgstr"):
                    current = [line.split(" ", 1)[1]]
                elif current is not None and line.startswith('"'):
                    current.append(line)
                else:
                    if current is not None:
                        text = "".join(part.strip()[1:-1] for part in current).replace('\\"', '"').replace("\\n", "\n")
                        if text.strip() and "Last-Translator" not in text and "Content-Type" not in text:
                            texts.append(text)
                    current = None
    return texts


def corpora(chars: int, seed: int, plain_words: int | None = None) -> tuple[list[Doc], list[str], list[str]]:
    rng = random.Random(seed)
    docs = deid_notes.corpus(rng, chars)
    words = plain_words if plain_words is not None else max(20_000, chars // 8)
    return docs, deid_plain.corpus(rng, words), django_texts()


# --- scoring -----------------------------------------------------------------------------------------------


def _mask(text: str, spans: list[tuple[int, int, str]]) -> bytearray:
    mask = bytearray(len(text))
    for start, end, _ in spans:
        mask[start:end] = b"\x01" * (end - start)
    return mask


def score(docs: list[Doc], predicted: list[list[tuple[int, int, str]]]) -> dict[str, Any]:
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    false_pos = 0
    missed: dict[str, list[str]] = defaultdict(list)
    for doc, spans in zip(docs, predicted, strict=True):
        mask = _mask(doc.text, spans)
        gold_mask = bytearray(len(doc.text))
        for g in doc.gold:
            gold_mask[g.start : g.end] = b"\x01" * (g.end - g.start)
            chars = [i for i in range(g.start, g.end) if not doc.text[i].isspace()]
            hit = sum(mask[i] for i in chars)
            for key in (g.category, "ALL"):
                row = table[key]
                row["n"] += 1
                row["full"] += hit == len(chars)
                row["partial"] += hit > 0
                if g.seen is not None:
                    tag = "seen" if g.seen else "unseen"
                    row[f"n_{tag}"] += 1
                    row[f"full_{tag}"] += hit == len(chars)
            if hit < len(chars) and len(missed[g.category]) < 40:
                missed[g.category].append(_context(doc.text, g))
        for start, end, _ in spans:
            if not any(gold_mask[start:end]):
                false_pos += 1
    words = sum(len(d.text.split()) for d in docs)
    return {
        "categories": {k: dict(v) for k, v in table.items()},
        "false_positives": false_pos,
        "words": words,
        "missed": missed,
    }


def _context(text: str, g: Gold) -> str:
    return f"{g.category}: {text[max(0, g.start - 40) : g.start]}[[{text[g.start : g.end]}]]{text[g.end : g.end + 30]}".replace(
        "\n", " "
    )


def false_positives(texts: list[str], predicted: list[list[tuple[int, int, str]]]) -> dict[str, Any]:
    words = sum(len(t.split()) for t in texts)
    examples = [
        f"{text[max(0, s - 30) : s]}[[{text[s:e]}]]{text[e : e + 20]}".replace("\n", " ")
        for text, spans in zip(texts, predicted, strict=True)
        for s, e, _ in spans
    ]
    return {
        "words": words,
        "spans": len(examples),
        "per_10k_words": 10_000 * len(examples) / max(words, 1),
        "examples": examples[:60],
    }


# --- one run -----------------------------------------------------------------------------------------------


def run(
    chars: int, seed: int, tools: tuple[str, ...], *, isolated: bool = True, plain_words: int | None = None
) -> dict[str, Any]:
    docs, plain, django = corpora(chars, seed, plain_words)
    sets = {"notes": [d.text for d in docs], "plain": plain, "django": django}
    if isolated:
        OUT.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {
        "chars": sum(len(t) for t in sets["notes"]),
        "documents": len(docs),
        "gold_spans": sum(len(d.gold) for d in docs),
        "seed": seed,
        "tools": {},
    }
    for tool in tools:
        preds: dict[str, list[list[tuple[int, int, str]]]] = {}
        stats: dict[str, Any] = {}
        for name, texts in sets.items():
            if isolated:
                infile, outfile = OUT / f"{name}.jsonl", OUT / f"{name}.{tool}.out.jsonl"
                with infile.open("w", encoding="utf-8") as f:
                    for text in texts:
                        f.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
                s = _run_worker(tool, infile, outfile)
                preds[name] = [[tuple(x) for x in json.loads(line)] for line in outfile.open(encoding="utf-8")]  # type: ignore[misc]
            else:
                fn = _tool(tool)
                start = time.process_time()
                preds[name] = [fn(t) for t in texts]
                s = {"seconds": time.process_time() - start, "chars": sum(map(len, texts))}
            if name == "notes":
                stats = s
        entry = {
            "notes": score(docs, preds["notes"]),
            "plain": false_positives(plain, preds["plain"]),
            "django": false_positives(django, preds["django"]),
            "chars_per_second": stats["chars"] / max(stats["seconds"], 1e-9),
            "peak_mb": stats.get("peak_mb"),
        }
        if isolated:
            entry["startup_seconds"], entry["startup_cpu_seconds"] = _startup_seconds(tool)
        result["tools"][tool] = entry
    return result


ORDER = (
    "NAME",
    "ADDRESS",
    "POSTCODE",
    "CITY",
    "PHONE",
    "EMAIL",
    "URL",
    "BSN",
    "IBAN",
    "IDDOC",
    "DATE",
    "AGE",
    "INSTITUTION",
    "PLATE",
    "ALL",
)


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f} %" if b else "-"


def report(result: dict[str, Any]) -> str:
    tools = list(result["tools"])
    lines = [
        f"{result['documents']} documents, {result['chars']:,} characters, {result['gold_spans']:,} identifying spans (seed {result['seed']}).",
        "",
        "| category | spans | " + " | ".join(f"{t} full | {t} partial" for t in tools) + " | "
        + " | ".join(f"{t} full seen / unseen" for t in tools) + " |",
        "|---|---:|" + "---:|---:|" * len(tools) + "---:|" * len(tools),
    ]  # fmt: skip
    first = result["tools"][tools[0]]["notes"]["categories"]
    for cat in ORDER:
        if cat not in first:
            continue
        cells = [f"**{cat}**" if cat == "ALL" else cat, f"{first[cat]['n']:,}"]
        for t in tools:
            row = result["tools"][t]["notes"]["categories"][cat]
            cells += [_pct(row["full"], row["n"]), _pct(row["partial"], row["n"])]
        for t in tools:
            row = result["tools"][t]["notes"]["categories"][cat]
            if row.get("n_seen") or row.get("n_unseen"):
                cells.append(
                    f"{_pct(row.get('full_seen', 0), row.get('n_seen', 0))} / {_pct(row.get('full_unseen', 0), row.get('n_unseen', 0))}"
                )
            else:
                cells.append("(by shape)")
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "| | " + " | ".join(tools) + " |", "|---|" + "---:|" * len(tools)]
    rows = {
        "spans in the notes touching no gold span": lambda e: (
            f"{e['notes']['false_positives']:,} ({10_000 * e['notes']['false_positives'] / e['notes']['words']:.1f} per 10,000 words)"
        ),
        "false positives, ordinary text (per 10,000 words)": lambda e: (
            f"{e['plain']['per_10k_words']:.2f} ({e['plain']['spans']} in {e['plain']['words']:,} words)"
        ),
        "false positives, Django/DRF Dutch translations (per 10,000 words)": lambda e: (
            f"{e['django']['per_10k_words']:.2f} ({e['django']['spans']} in {e['django']['words']:,} words)"
        ),
        "characters per CPU second": lambda e: f"{e['chars_per_second']:,.0f}",
        "start-up, fresh process to first sentence, wall (CPU), median of 3": lambda e: (
            f"{e['startup_seconds']:.2f} s ({e['startup_cpu_seconds']:.2f} s)" if "startup_seconds" in e else "-"
        ),
        "peak memory (ru_maxrss)": lambda e: f"{e['peak_mb']:.0f} MB" if e.get("peak_mb") else "-",
    }
    for label, fn in rows.items():
        lines.append(f"| {label} | " + " | ".join(fn(result["tools"][t]) for t in tools) + " |")
    return "\n".join(lines)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))
        return
    if len(sys.argv) > 1 and sys.argv[1] == "--startup":
        startup(sys.argv[2])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-deduce", action="store_true", help="only Waarborg's de-identifier")
    parser.add_argument("--json", type=Path, help="write the full result (with missed spans and examples) here")
    parser.add_argument("--baseline", type=Path, help="a source tree (with src/) of an earlier Waarborg to run too")
    args = parser.parse_args()
    tools: tuple[str, ...] = ("waarborg",) if args.no_deduce else ("waarborg", "deduce")
    if args.baseline:
        global BASELINE
        BASELINE = args.baseline.resolve()
        tools = ("baseline", *tools)
    result = run(args.chars, args.seed, tools)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1, default=asdict))
    print(report(result))


if __name__ == "__main__":
    main()
