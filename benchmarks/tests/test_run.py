from benchmarks.run import REPORT_HEADER, section_replace


def test_a_new_section_is_appended():
    document = section_replace(REPORT_HEADER, "import", "## Import speed\n\nfast\n")
    assert document.startswith(REPORT_HEADER.rstrip())
    assert document.endswith(
        "<!-- bench:import -->\n## Import speed\n\nfast\n<!-- /bench:import -->\n"
    )


def test_only_the_suites_own_section_is_replaced():
    document = section_replace(REPORT_HEADER, "import", "old import")
    document = section_replace(document, "search", "search figures")
    document = document.replace("search figures", "search figures\n\nA note by hand.")

    document = section_replace(document, "import", "new import")

    assert "old import" not in document
    assert "new import" in document
    assert "search figures\n\nA note by hand." in document
    assert document.index("<!-- bench:import -->") < document.index("<!-- bench:search -->")
    assert document.count("<!-- bench:import -->") == 1
