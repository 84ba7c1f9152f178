"""The shared display filters: a moment as a `<time>` element, in the reader's language and
the site's time zone."""

from datetime import UTC, datetime

import pytest
from django.template import engines
from django.utils import translation

WINTER = datetime(2026, 12, 7, 4, 30, tzinfo=UTC)  # 05:30 in Berlin
SUMMER = datetime(2026, 7, 1, 22, 5, tzinfo=UTC)  # the next day, 00:05, in Berlin


def rendered(source: str, **context: object) -> str:
    return engines["django"].from_string("{% load article_tags %}" + source).render(context)


@pytest.mark.parametrize(
    ("language", "moment", "expected"),
    [
        ("de", WINTER, '<time datetime="2026-12-07T05:30:00+01:00">07.12.2026 05:30</time>'),
        ("de", SUMMER, '<time datetime="2026-07-02T00:05:00+02:00">02.07.2026 00:05</time>'),
        ("en", WINTER, '<time datetime="2026-12-07T05:30:00+01:00">12/07/2026 5:30 a.m.</time>'),
    ],
)
def test_a_moment_in_the_readers_language_and_berlin_time(language, moment, expected):
    with translation.override(language):
        assert rendered("{{ moment|time_element }}", moment=moment) == expected


def test_another_format_and_no_moment():
    with translation.override("de"):
        html = rendered('{{ moment|time_element:"SHORT_DATE_FORMAT" }}', moment=WINTER)
        assert html == '<time datetime="2026-12-07T05:30:00+01:00">07.12.2026</time>'
        assert rendered("{{ moment|time_element }}", moment=None) == ""
