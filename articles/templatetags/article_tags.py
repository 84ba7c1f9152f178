"""Template filters for article metadata, and for dates and names as every page shows them."""

from datetime import datetime

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _

from articles.models import Article
from newstext.parsing import DatePrecision

register = template.Library()


@register.filter
def published(article: Article) -> str:
    """The published date as precisely as it is known: a day, a month, or unknown."""
    if article.published_on is None or article.date_precision == DatePrecision.UNKNOWN:
        return _("date unknown")
    if article.date_precision == DatePrecision.MONTH:
        return formats.date_format(article.published_on, "YEAR_MONTH_FORMAT")
    return formats.date_format(article.published_on, "DATE_FORMAT")


@register.filter
def names(values: list[str] | None) -> str:
    """Names (of sources) as a page lists them: sorted, comma-separated."""
    return ", ".join(sorted(values or (), key=str.casefold))


@register.filter(expects_localtime=True)
def time_element(moment: datetime | None, format_name: str = "SHORT_DATETIME_FORMAT") -> str:
    """`{{ moment|time_element }}`: a `<time>` element, the moment in ISO 8601 for machines
    and in the current language's `format_name` (a Django format setting) for readers; the
    moment in the current time zone, as the `date` filter shows it."""
    if moment is None:
        return ""
    return format_html(
        '<time datetime="{}">{}</time>',
        moment.isoformat(),
        formats.date_format(moment, format_name),
    )
