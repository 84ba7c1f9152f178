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
