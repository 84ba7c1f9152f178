"""Forms of the workflow screens."""

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from annotations.forms import MAX_ROW_ID, LabelFilterField
from annotations.models import Annotation
from annotations.selectors import CardFilters
from articles.models import Article
from newsdesk.forms import FilterBarForm
from workflow.models import REPLY_MAX_LENGTH, Assignment
from workflow.selectors import assignable_users


class ColleagueChoiceField(forms.ModelChoiceField[User]):
    def label_from_instance(self, obj: User) -> str:
        return obj.get_username()


class AssignForm(forms.Form):
    """Whom to give an article to, and as what (in the workspace: ids assign-user and
    assign-role)."""

    auto_id_format = "assign-%s"

    user = ColleagueChoiceField(
        label=_("Assign to"), queryset=assignable_users(), empty_label=_("choose a colleague")
    )
    role = forms.ChoiceField(label=_("as"), choices=Assignment.Role, initial="editor")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", self.auto_id_format)
        super().__init__(*args, **kwargs)
        # Evaluated per form: colleagues added since the server started are offered too.
        self.fields["user"].queryset = assignable_users()  # type: ignore[attr-defined]


class ArticleChoicesField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Articles by id; an id no row can have is an invalid choice, not a database error."""

    def _check_values(self, value: Any) -> Any:
        for pk in value:
            if str(pk).isdigit() and int(pk) > MAX_ROW_ID:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)  # type: ignore[misc]


class BulkAssignForm(AssignForm):
    """Several articles of the list at once."""

    auto_id_format = "id_%s"

    articles = ArticleChoicesField(
        label=_("Articles"),
        queryset=Article.objects.defer("body", "blocks"),
        error_messages={"required": _("Select at least one article in the list.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].label = _("Assign the selected articles to")


class MyAnnotationsFilterForm(FilterBarForm):
    """The filters of "my annotations", read from the query string."""

    q = forms.CharField(label=_("Text"), required=False, max_length=200)
    label = LabelFilterField(label=_("Label"))
    status = forms.ChoiceField(
        label=_("Review status"),
        choices=[("", _("any status")), *Annotation.Status.choices],
        required=False,
    )

    def filters(self) -> CardFilters:
        self.is_valid()
        data: dict[str, Any] = getattr(self, "cleaned_data", {})
        label = data.get("label")
        return CardFilters(
            label_id=label.pk if label else None,
            status=data.get("status") or "",
            text=data.get("q") or "",
        )


class ReplyForm(forms.Form):
    """A reply under an annotation; `@username` mentions a colleague."""

    text = forms.CharField(
        label=_("Reply"),
        max_length=REPLY_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 3, "class": "reply-text-input"}),
        help_text=_("Mention a colleague with @username: they find the reply in their inbox."),
    )

    def __init__(self, *args: Any, annotation_id: int, **kwargs: Any) -> None:
        # Ids per annotation: several cards' threads can be open on one page.
        kwargs.setdefault("auto_id", f"reply-%s-{annotation_id}")
        super().__init__(*args, **kwargs)

    def full_clean(self) -> None:
        super().full_clean()
        if self.errors:  # the swapped-in form puts the cursor back into the text
            self.fields["text"].widget.attrs["autofocus"] = True
