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
