from newstext.alignment import AlignedRow, align, changed_words


def test_pairs_alike_sentences_in_order_and_leaves_the_rest_alone():
    left = [
        "Putin hat Schadenersatz zugesichert.",
        "Das Treffen fand in Duschanbe statt.",
        "Die Beziehungen waren angespannt.",
        "Am Freitag ist ein Gipfel geplant.",
    ]
    right = [
        "Wladimir Putin hat Schadenersatz zugesichert.",
        "Die Beziehungen waren angespannt.",
        "Das Video wurde veröffentlicht.",
    ]
    rows = align(left, right)
    assert [(row.left, row.right) for row in rows] == [
        (0, 0),
        (1, None),
        (2, 1),
        (3, None),
        (None, 2),
    ]
    assert rows[2] == AlignedRow(2, 1, 1.0)
    assert 0.5 < rows[0].similarity < 1.0


def test_alignment_stays_monotone_when_sentences_cross():
    rows = align(["A b c d.", "E f g h."], ["E f g h.", "A b c d."])
    paired = [
        (row.left, row.right) for row in rows if row.left is not None and row.right is not None
    ]
    assert len(paired) == 1
    assert len(rows) == 3


def test_empty_sides():
    assert align([], ["Nur rechts."]) == [AlignedRow(None, 0, 0.0)]
    assert align(["Nur links."], []) == [AlignedRow(0, None, 0.0)]


def test_changed_words_are_ranges_on_each_side():
    left = "Selbstverständlich wird Russland alles Notwendige tun, sagte Putin."
    right = "Selbstverständlich werde Russland alles tun, sagte Putin."
    left_changes, right_changes = changed_words(left, right)
    assert [left[a:b] for a, b in left_changes] == ["wird", "Notwendige"]
    assert [right[a:b] for a, b in right_changes] == ["werde"]


def test_long_texts_align_in_a_bounded_window(monkeypatch):
    """Issue 14 item 15: the full O(n·m) table took minutes on a 1 MB article."""
    import newstext.alignment as alignment

    calls = 0
    original = alignment.similarity

    def counted(a, b):
        nonlocal calls
        calls += 1
        return original(a, b)

    monkeypatch.setattr(alignment, "similarity", counted)
    left = [f"Satz {i} über das Treffen in Baku." for i in range(2000)]
    right = [*left[:700], "Ein eingeschobener Satz steht hier.", *left[700:]]
    rows = align(left, right, window=20)
    assert calls <= (2000 + 2001) * (2 * 20 + 3)  # not 2000 · 2001
    paired = [row for row in rows if row.left is not None and row.right is not None]
    assert len(paired) == 2000
    assert AlignedRow(None, 700, 0.0) in rows


def test_windowed_alignment_equals_the_full_one_on_short_texts():
    left = ["A b c d.", "E f g h.", "I j k l.", "M n o p."]
    right = ["E f g h.", "A b c d.", "I j k x.", "M n o p."]
    assert align(left, right, window=1) == align(left, right, window=100)
