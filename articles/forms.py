"""Forms of articles: the metadata an editor corrects in the workspace."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from articles.models import Article, Source
from newsdesk.forms import DateInput


class ArticleMetadataForm(forms.Form):
    """Title, date and publisher, and the version of them the form was shown with."""

    title = forms.CharField(
        label=_("Title"), max_length=Article._meta.get_field("title").max_length
    )
    published_on = forms.DateField(
        label=_("Published"),
        required=False,
        widget=DateInput(),
    )
    publisher = forms.ModelChoiceField(
        label=_("Publisher"),
        queryset=Source.objects.order_by("name"),
        required=False,
        empty_label=_("none"),
    )
    version = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "article-metadata-%s")  # apart from the other forms
        super().__init__(*args, **kwargs)


class PublishedBetweenForm(forms.Form):
    """Two date pickers for a range of published dates; the end not before the start."""

    date_from = forms.DateField(label=_("Published from"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("Published until"), required=False, widget=DateInput())

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned
