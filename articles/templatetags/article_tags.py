"""Template filters for article metadata."""

from django import template
from django.utils import formats
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
