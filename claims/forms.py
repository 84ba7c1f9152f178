"""Forms of the claim pages and the workspace's claim panel."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from claims.models import Claim
from newsdesk.forms import FilterBarForm, search_field

MAX_WORDING_CHARS = 5000


class ClaimContentForm(forms.Form):
    wording = forms.CharField(
        label=_("Wording"),
        max_length=MAX_WORDING_CHARS,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The claim in one canonical sentence."),
    )
    attribution = forms.CharField(
        label=_("Attributed to"),
        required=False,
        max_length=200,
        help_text=_("A person or a source (outlet, agency, institution)."),
    )


class ClaimEditForm(ClaimContentForm):
    status = forms.ChoiceField(label=_("Status"), choices=Claim.Status.choices)
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)

    @classmethod
    def for_claim(cls, claim: Claim, **kwargs: Any) -> "ClaimEditForm":
        initial = {
            "wording": claim.wording,
            "attribution": str(claim.attribution or ""),
            "status": claim.status,
            "version": claim.version,
        }
        return cls(initial=initial, **kwargs)


class ClaimAttachForm(forms.Form):
    claim = forms.ModelChoiceField(
        label=_("Claim"), queryset=Claim.objects.all(), widget=forms.HiddenInput
    )


class ClaimFilterForm(FilterBarForm):
    """The claim list's search; its ids (`claim-q`, `claim-status`) trigger the list's htmx."""

    q = search_field(_("Words or entities"))
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("any")), *Claim.Status.choices]
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "claim-%s")
        super().__init__(*args, **kwargs)


class ClaimSearchForm(forms.Form):
    """The search for a claim to attach an annotation to, in the claim box of its card."""

    q = search_field(
        _("Attach to claim"),
        {
            "class": "claim-q",
            "autocomplete": "off",
            "placeholder": _("Search claims by words or entities"),
        },
    )


class SuggestionForm(forms.Form):
    """A suggested sentence, by its code-point range in the article's body."""

    start = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
