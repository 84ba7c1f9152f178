"""Test state for the workflow, built through the services as production builds it."""

from django.contrib.auth.models import Permission, User

from annotations.models import Annotation, Label
from annotations.services import AnnotationContent, annotation_create
from articles.models import Article
from newstext.offsets import CodePointRange


def labels_create() -> dict[str, Label]:
    """Two labels, as an admin adds them (labels have no service)."""
    return {
        "claim": Label.objects.create(
            name="Behauptung", name_en="Claim", key="1", colour="#ffd54f"
        ),
        "quote": Label.objects.create(name="Zitat", name_en="Quote", key="2", colour="#81d4fa"),
    }


def annotate(
    article: Article, author: User, quote: str, *, label: Label, note: str = ""
) -> Annotation:
    """`author` annotates the first `quote` in the article through `annotation_create`."""
    start = article.body.index(quote)
    return annotation_create(
        article=article,
        author=author,
        span=CodePointRange(start, start + len(quote)),
        content=AnnotationContent(label=label, note=note, source_names=[]),
    )


def lead_make(user: User) -> User:
    """Give `user` the lead permission, as an admin does in Django admin."""
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="workflow", codename="assign_articles")
    )
    return User.objects.get(pk=user.pk)  # a fresh object: permissions are cached
