"""Forms of the story pages and the compare view."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from articles.models import DATE_PRECISION_CHOICES, Article
from newsdesk.forms import DateInput
from newstext.parsing import DatePrecision


class StoryRenameForm(forms.Form):
    title = forms.CharField(label=_("Rename the story"), max_length=300)


class StoryArticleForm(forms.Form):
    article = forms.ModelChoiceField(
        label=_("Add an article (its number)"),
        queryset=Article.objects.all(),
        widget=forms.NumberInput(attrs={"min": 1}),
    )


class AnnotationCopyForm(forms.Form):
    annotation = forms.IntegerField(label=_("Annotation"), min_value=1)


class ArticleDateForm(forms.Form):
    published_on = forms.DateField(label=_("Date"), required=False, widget=DateInput())
    date_precision = forms.ChoiceField(label=_("Precision"), choices=DATE_PRECISION_CHOICES)
    loaded_at = forms.DateTimeField(widget=forms.HiddenInput)

    @classmethod
    def for_article(cls, article: Article, **kwargs: Any) -> "ArticleDateForm":
        return cls(
            initial={
                "published_on": article.published_on,
                "date_precision": article.date_precision,
                "loaded_at": article.updated_at.isoformat(),
            },
            **kwargs,
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        precision = data.get("date_precision")
        if precision in (DatePrecision.DAY, DatePrecision.MONTH) and not data.get("published_on"):
            self.add_error("published_on", _("A day or month precision needs a date."))
        if precision == DatePrecision.UNKNOWN and data.get("published_on"):
            # Saving would drop the typed date (unknown precision means no date).
            self.add_error(
                "date_precision",
                _("Choose day or month for this date, or clear the date to leave it unknown."),
            )
        return data

    def precision(self) -> DatePrecision:
        return DatePrecision(self.cleaned_data["date_precision"])
