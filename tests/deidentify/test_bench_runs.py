"""The de-identification benchmark runs end to end on a small corpus (no deduce, no timing asserted)."""

from __future__ import annotations

from bench import deidentify as bench


def test_the_benchmark_generates_scores_and_reports_a_small_corpus() -> None:
    # when the benchmark runs in-process on about 20,000 characters
    result = bench.run(20_000, seed=3, tools=("waarborg",), isolated=False, plain_words=3_000)
    # then it generated what it says, and the figures are sensible
    assert result["chars"] >= 20_000 and result["gold_spans"] > 200
    waarborg = result["tools"]["waarborg"]
    categories = waarborg["notes"]["categories"]
    assert {"NAME", "PHONE", "BSN", "IBAN", "EMAIL", "ALL"} <= set(categories)
    overall = categories["ALL"]
    assert overall["n"] == result["gold_spans"]
    assert 0.95 <= overall["full"] / overall["n"] <= overall["partial"] / overall["n"] <= 1
    for category in ("BSN", "IBAN", "EMAIL", "PHONE"):
        assert categories[category]["full"] == categories[category]["n"], category
    assert overall["n_seen"] > 0 and overall["n_unseen"] > 0
    assert waarborg["plain"]["words"] >= 3_000 and waarborg["plain"]["per_10k_words"] < 10
    assert waarborg["django"]["words"] > 1_000
    assert waarborg["chars_per_second"] > 0
    # and the report renders
    table = bench.report(result)
    assert "| **ALL** |" in table and "characters per CPU second" in table
