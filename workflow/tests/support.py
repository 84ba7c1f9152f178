"""Test state for the workflow, built through the services as production builds it."""

from django.contrib.auth.models import Permission, User
from playwright.sync_api import Page

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


def log_in(page: Page, base_url: str, username: str) -> None:
    """Log in through the login form, with the password the root conftest's `member`
    gives (`pw-<username>`)."""
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", f"pw-{username}")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def lead_make(user: User) -> User:
    """Give `user` the lead permission, as an admin does in Django admin."""
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="workflow", codename="assign_articles")
    )
    return User.objects.get(pk=user.pk)  # a fresh object: permissions are cached
