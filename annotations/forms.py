"""Forms of the annotation workspace."""

from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.contrib.auth.models import User
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from annotations.models import Annotation, Label
from annotations.selectors import CardFilters, annotation_authors
from annotations.services import AnnotationContent
from articles.models import Article
from newsdesk.forms import FilterBarForm
from newsdesk.permissions import sees_all_annotations

MAX_QUOTE_CHARS = 20_000
# The largest id a database row can have (a 64-bit integer): larger ones are refused by
# the form, before they reach a query the database cannot run.
MAX_ROW_ID = 2**63 - 1


class LabelChoiceField(forms.ModelChoiceField[Label]):
    """The active labels; `loaded`, when a view has read them all already, answers the
    choice without a query of its own."""

    loaded: list[Label] | None = None

    def label_from_instance(self, obj: Label) -> str:
        return obj.display_name

    def to_python(self, value: Any) -> Label | None:
        if self.loaded is None or value in self.empty_values:
            return super().to_python(value)
        chosen = next((label for label in self.loaded if str(label.pk) == str(value)), None)
        if chosen is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return chosen


class LabelFilterField(forms.ModelChoiceField[Label]):
    """A list filter by label: every label in the editors' order, or any."""

    def __init__(self, *, label: Any) -> None:
        super().__init__(
            label=label,
            queryset=Label.objects.order_by("position", "name"),
            required=False,
            empty_label=_("any label"),
        )


class LabelRadioSelect(forms.RadioSelect):
    """The labels as chips in the label's colour (`label-<pk>`), each showing its key;
    the radio carries the key as `data-key`, for the number keys of workspace.js."""

    option_template_name = "annotations/widgets/label_option.html"
    keys: dict[str, str]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.keys = {}

    def create_option(self, name: str, value: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(name, value, *args, **kwargs)
        instance = getattr(value, "instance", None)  # choices read from the queryset
        key = instance.key if isinstance(instance, Label) else self.keys.get(str(value), "")
        if key:
            option["attrs"]["data-key"] = key
        option["key"] = key
        return option


class AnnotationContentForm(forms.Form):
    label = LabelChoiceField(
        label=_("Label"),
        queryset=Label.objects.filter(is_active=True),
        widget=LabelRadioSelect,
        empty_label=None,
    )
    sources = forms.CharField(
        label=_("Attributed to"),
        required=False,
        max_length=1000,
        help_text=_("Sources, separated by commas."),
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, labels: list[Label] | None = None, **kwargs: Any) -> None:
        """`labels`: the active labels, when the caller has read them already (the form
        then offers them without a query of its own)."""
        super().__init__(*args, **kwargs)
        field = cast(LabelChoiceField, self.fields["label"])
        field.loaded = labels
        if labels is not None:
            field.choices = [(label.pk, label.display_name) for label in labels]
            widget = cast(LabelRadioSelect, field.widget)
            widget.keys = {str(label.pk): label.key for label in labels if label.key}

    def content(self) -> AnnotationContent:
        data = self.cleaned_data
        names = [name.strip() for name in data["sources"].split(",") if name.strip()]
        return AnnotationContent(label=data["label"], note=data["note"].strip(), source_names=names)


class SelectionForm(forms.Form):
    """The browser's selection: UTF-16 offsets into the article body and the quote."""

    start = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    exact = forms.CharField(max_length=MAX_QUOTE_CHARS, strip=False, widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "start" in data and "end" in data and data["end"] <= data["start"]:
            raise forms.ValidationError(_("Select some text first."))
        return data


class AnnotationCreateForm(AnnotationContentForm, SelectionForm):
    """A new annotation: the browser's selection plus content.

    Its "attributed to" field suggests known sources as the editor types (the
    `source-options` datalist the workspace puts after it, refilled through htmx).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sources"].widget.attrs.update(
            {
                "list": "source-options",
                "autocomplete": "off",
                "placeholder": _("e.g. Kreml, dpa"),
                "hx-get": reverse_lazy("annotations:source-suggestions"),
                "hx-trigger": "input changed delay:150ms",
                "hx-target": "#source-options",
                "hx-swap": "outerHTML",
            }
        )


class AnnotationReattachForm(SelectionForm):
    """An orphaned annotation moved to the selection; `version` as the card showed it."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class AnnotationEditForm(AnnotationContentForm):
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Its ids must differ from the new-annotation form's on the same page.
        kwargs.setdefault("auto_id", "edit_%s")
        super().__init__(*args, **kwargs)

    @classmethod
    def for_annotation(cls, annotation: Annotation, **kwargs: Any) -> "AnnotationEditForm":
        initial = {
            "label": annotation.label_id,
            "note": annotation.note,
            "sources": ", ".join(s.name for s in annotation.sources.all()),
            "version": annotation.version,
        }
        return cls(initial=initial, **kwargs)


class CardPageForm(forms.Form):
    """Which page of cards "show more" asks for: the one after the card at `after`
    ("start,end,id", its place in text order; none: the first), or with `all` every
    remaining card."""

    after = forms.RegexField(
        regex=r"^\d{1,10},\d{1,10},\d{1,18}$",
        required=False,
        error_messages={"invalid": _("“after” must be the last card’s start,end,id.")},
    )
    all = forms.BooleanField(required=False)

    def after_key(self) -> tuple[int, int, int] | None:
        value = self.cleaned_data["after"]
        if not value:
            return None
        start, end, pk = (int(part) for part in value.split(","))
        return start, end, pk


class TextSpanForm(forms.Form):
    """A range of the article's body (code points) whose blocks of text are drawn again."""

    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)

    def __init__(self, data: Any, *, length: int) -> None:
        super().__init__(data)
        self.length = length

    def clean(self) -> dict[str, Any]:
        data: dict[str, Any] = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start is not None and end is not None and not start < end <= self.length:
            raise forms.ValidationError(
                _("start and end: %(start)s–%(end)s is not a range of the text (0–%(length)s).")
                % {"start": start, "end": end, "length": self.length}
            )
        return data

    def span(self) -> tuple[int, int]:
        return self.cleaned_data["start"], self.cleaned_data["end"]


class CardFilterForm(FilterBarForm):
    """The filters of the workspace's cards, read from the query string.

    Labels and authors are chosen by id: the workspace offers the labels it has fetched
    already (no query of its own); a stale or foreign id matches nothing. The author
    filter is for those who see everybody's annotations; the selector applies it within
    what the reader may see anyway.
    """

    q = forms.CharField(label=_("Text"), required=False, max_length=200)
    label = forms.IntegerField(
        label=_("Label"), required=False, min_value=1, max_value=MAX_ROW_ID, widget=forms.Select
    )
    source = forms.CharField(label=_("Attributed to"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Review status"),
        choices=[("", _("any status")), *Annotation.Status.choices],
        required=False,
    )
    author = forms.IntegerField(
        label=_("Author"), required=False, min_value=1, max_value=MAX_ROW_ID, widget=forms.Select
    )

    def __init__(
        self,
        *args: Any,
        user: User,
        article: Article,
        labels: Sequence[Label] | None = None,
        **kwargs: Any,
    ) -> None:
        # Its own ids: the workspace has other forms with a "status" or "label" field.
        kwargs.setdefault("auto_id", "card-filter-%s")
        super().__init__(*args, **kwargs)
        label_widget = cast(forms.Select, self.fields["label"].widget)
        label_widget.choices = [
            ("", _("any label")),
            *((label.pk, label.display_name) for label in labels or ()),
        ]
        if sees_all_annotations(user):
            author_widget = cast(forms.Select, self.fields["author"].widget)
            # Choices only for the form shown (labels given), not to read a query string.
            authors = annotation_authors(article) if labels is not None else []
            author_widget.choices = [
                ("", _("anyone")),
                *((author.pk, author.get_username()) for author in authors),
            ]
        else:
            del self.fields["author"]

    def filters(self) -> CardFilters:
        """The valid filters; a field with an error filters nothing."""
        self.is_valid()
        data: dict[str, Any] = getattr(self, "cleaned_data", {})
        return CardFilters(
            label_id=data.get("label"),
            source=(data.get("source") or "").strip(),
            status=data.get("status") or "",
            text=(data.get("q") or "").strip(),
            author_id=data.get("author"),
        )


class LayerForm(forms.Form):
    """The workspace's display switches above the text: never sent; workspace.js applies
    them and keeps them in the browser (by their ids, `toggle-entities` and
    `toggle-precision`)."""

    entities = forms.BooleanField(label=_("Show entity mentions"), required=False, initial=True)
    precision = forms.BooleanField(
        label=_("Character precision"),
        required=False,
        widget=forms.CheckboxInput(
            attrs={"title": _("Select single characters instead of whole words")}
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "toggle-%s")
        super().__init__(*args, **kwargs)
