from benchmarks.stories_speed import section, shortened

MEASURED = {
    "lookups": [
        {
            "n": 1_000,
            "p50": 2.0,
            "p95": 3.0,
            "query_p50": 0.1,
            "found": 19,
            "lookups": 20,
            "fill_rate": 1234.0,
        }
    ],
    "render_p50": 10.0,
    "render_p95": 12.0,
    "bands": 42,
    "rows": 3,
    "planted_jaccard": (0.02, 0.73, 0.95),
}


def test_the_section_names_the_band_layout_and_the_planted_pairs():
    text = section({"SQLite": MEASURED, "PostgreSQL": None}, quick=True)

    assert "42 LSH band keys (42 bands × 3 rows)" in text
    assert "Jaccard 0.02 to 0.95, median 0.73" in text
    assert "1 − (1 − J^3)^42" in text
    assert "| SQLite | 1,000 | 2.00 ms | 3.00 ms | 0.10 ms | 19 of 20 | 1,234/s |" in text
    assert "| PostgreSQL | not reachable | | | | | |" in text


def test_a_planted_copy_is_the_first_four_fifths_of_its_words():
    text = "eins zwei. drei vier fünf sechs sieben. acht neun zehn"
    assert shortened(text) == "eins zwei. drei vier fünf sechs sieben. acht"
    assert shortened("Wort") == "Wort"
