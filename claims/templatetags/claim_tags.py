"""Claims shown on other apps' pages: `{% story_claims story %}` on a story's page."""

from django import template

from claims.selectors import story_claim_rows
from stories.models import Story

register = template.Library()


@register.inclusion_tag("claims/_story_claims.html")
def story_claims(story: Story) -> dict[str, object]:
    """The claims appearing in the story's articles, each with where and when it appeared.

    The claims app sits above stories, so the story's page asks for them here, by the
    tag, instead of the stories app importing the claims app."""
    return {"rows": story_claim_rows(story)}
