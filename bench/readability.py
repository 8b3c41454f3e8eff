"""How readable is each generated privacy statement, beside the original it was written from?

    python -m bench.readability [--seeds /work/shared/seeds] [--json bench/out/readability.json]

For every policy in examples/ the Dutch statement (Markdown, as `make generated` writes it) is reduced to its
running text: headings, list items and table cells each count as one sentence, link targets and markup go. Then:

- Flesch-Douma, the Dutch Flesch: 206.835 - 0.93 * (words per sentence) - 77 * (syllables per word). Above 60
  reads as "fairly easy"; language level B1 (what the Dutch government asks of public texts) sits at about
  60-70. The syllables are counted as vowel groups (ij, ui, oe, eu, ... count once; a diaeresis starts a new
  one), which is within a few percent of a hyphenation dictionary on this kind of text;
- the mean sentence length in words (B1: at most 15 on average), and the share of sentences over 25 words;
- the length in words beside the original statement (the seed of the same organisation, matched by the
  example's position in `tests/front_door.SHIPPED`). An example without a seed reports no ratio.

The originals are measured the same way, so the two columns can be compared. Only the standard library and the
platform's own renderer are used.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = Path("/work/shared/seeds")
SHIPPED = ("ikzorginassen", "socialekaart", "wlzclientondersteuning", "werkzaak", "kwartier")  # seed 000..004

_VOWELS = re.compile(r"[aeiouyáàâéèêíóôúû]+|[ëïöü][aeiouy]*", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-zÀ-ÿ0-9]+(?:[-'][A-Za-zÀ-ÿ0-9]+)*")


@dataclass(frozen=True)
class Measure:
    words: int
    sentences: int
    syllables: int
    long_sentences: int  # over 25 words

    @property
    def flesch_douma(self) -> float:
        return 206.835 - 0.93 * self.words / self.sentences - 77 * self.syllables / self.words

    @property
    def mean_sentence(self) -> float:
        return self.words / self.sentences


def syllables(word: str) -> int:
    if word.isdigit():
        return max(1, len(word) // 2)
    return max(1, len(_VOWELS.findall(word)))


def plain(markdown: str) -> list[str]:
    """The running text of a Markdown statement, one block (line, list item, table cell) per entry."""
    blocks: list[str] = []
    for line in markdown.splitlines():
        line = line.strip()
        if not line or set(line) <= {"|", "-", " "}:
            continue
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)|<(https?://[^>]*)>", r"\1", line)
        line = re.sub(r"https?://\S+", "", line)
        line = line.lstrip("#-* ").replace("**", "").replace("`", "")
        blocks.extend(cell.strip() for cell in line.split("|") if cell.strip())
    return blocks


def measure(blocks: list[str]) -> Measure:
    words = sentences = sylls = long = 0
    for block in blocks:
        for sentence in re.split(r"(?<=[.?!])\s+(?=[A-Z0-9À-Ý])", block):
            found = _WORD.findall(sentence)
            if not found:
                continue
            sentences += 1
            words += len(found)
            sylls += sum(syllables(w) for w in found)
            long += len(found) > 25
    return Measure(words, max(sentences, 1), sylls, long)


def seed_text(example: str, seeds: Path) -> str | None:
    if example not in SHIPPED or not seeds.is_dir():
        return None
    found = sorted(seeds.glob(f"{SHIPPED.index(example):03d}_*.txt"))
    return found[0].read_text(encoding="utf-8") if found else None


def statements(root: Path = ROOT) -> dict[str, str]:
    sys.path.insert(0, str(root / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "waarborg.settings")
    os.environ.setdefault("WAARBORG_ENV", "test")
    os.environ.setdefault("WAARBORG_HOME", tempfile.mkdtemp(prefix="waarborg-bench-"))
    import django

    django.setup()
    from waarborg.engine.policy.loader import load_file
    from waarborg.engine.policy.render.statement import render_statement

    return {path.stem: render_statement(load_file(path).policy, lang="nl", fmt="md")
            for path in sorted((root / "examples").glob("*.yaml"))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--root", type=Path, default=ROOT, help="a checkout to measure (another branch, for before/after)")
    args = parser.parse_args()
    rows = []
    for example, text in statements(args.root).items():
        ours = measure(plain(text))
        seed = seed_text(example, args.seeds)
        theirs = measure(plain(seed)) if seed else None
        rows.append({"example": example, "generated": {**asdict(ours), "flesch_douma": round(ours.flesch_douma, 1),
                                                        "mean_sentence": round(ours.mean_sentence, 1)},
                     "original": None if theirs is None else {
                         **asdict(theirs), "flesch_douma": round(theirs.flesch_douma, 1),
                         "mean_sentence": round(theirs.mean_sentence, 1)},
                     "length_ratio": None if theirs is None else round(ours.words / theirs.words, 2)})
    print(f"{'example':<24} {'FD':>5} {'FD orig':>7} {'w/sent':>6} {'orig':>5} {'>25w':>5} {'words':>6} {'orig':>6} "
          f"{'ratio':>5}")
    for row in rows:
        g, o = row["generated"], row["original"] or {}
        print(f"{row['example']:<24} {g['flesch_douma']:>5} {o.get('flesch_douma', '-'):>7} {g['mean_sentence']:>6} "
              f"{o.get('mean_sentence', '-'):>5} {g['long_sentences']:>5} {g['words']:>6} {o.get('words', '-'):>6} "
              f"{row['length_ratio'] or '-':>5}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
