import datetime

from newstext.timeline import DatedItem, layout, timeline_order


def test_mixed_precisions_sort_by_the_start_of_their_period():
    items = [
        DatedItem(3, "Oct 10", datetime.date(2025, 10, 10), month_precision=False),
        DatedItem(2, "Dec 2024", datetime.date(2024, 12, 1), month_precision=True),
        DatedItem(1, "Sep 2023", datetime.date(2023, 9, 1), month_precision=True),
        DatedItem(4, "Oct 2025", datetime.date(2025, 10, 1), month_precision=True),
    ]
    assert [item.key for item in timeline_order(items)] == [1, 2, 4, 3]


def test_a_month_is_drawn_over_the_whole_month_and_a_day_as_a_point():
    month = DatedItem(1, "Dezember 2024", datetime.date(2024, 12, 1), month_precision=True)
    day = DatedItem(2, "10. Oktober 2025", datetime.date(2025, 10, 10), month_precision=False)
    picture = layout([day, month])
    first, second = picture.rows
    assert first.item == month
    assert second.item == day
    assert month.end == datetime.date(2024, 12, 31)
    assert first.width > 10 * second.width / 2  # a month is about 30 days wide, a day one
    assert first.x_end <= second.x_start
    assert [tick.label for tick in picture.ticks] == ["2024", "2025"]
    assert second.label_anchor == "end"  # near the right edge the label runs leftwards


def test_long_titles_are_shortened_and_no_items_give_an_empty_picture():
    item = DatedItem(1, "x" * 100, datetime.date(2025, 1, 1), month_precision=False)
    assert layout([item]).rows[0].label.endswith("…")
    assert layout([]).rows == []
