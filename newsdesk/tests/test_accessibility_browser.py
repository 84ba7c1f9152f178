"""Accessibility: axe-core checks every screen against WCAG 2.2 A/AA, as each role.

axe-core is vendored for the tests only (vendor/axe-core-4.14.1/README.md) and evaluated
into each page through the DevTools protocol, so the app's strict CSP stays in force.
The walk also saves the screens the user docs show (into docs/screenshots/ with
`make screenshots`; see newsdesk/tests/screenshots.py).
"""

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from playwright.sync_api import Browser, Page, expect

from annotations.models import Annotation
from articles.models import Article
from claims.services import attribution_resolve, claim_create
from entities.models import Entity
from newsdesk.tests.axe import axe_violations
from newsdesk.tests.browser_session import log_in_on_form
from newsdesk.tests.screenshots import docs_screenshot
from stories.models import Story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@dataclass(frozen=True)
class Demo:
    passwords: dict[str, str]
    article: Article
    annotation: Annotation
    compare: tuple[int, int]
    story: Story
    entity: Entity
    claim_id: int


def demo_set_up() -> Demo:
    """The demo of `make run` (seeds, labels, accounts, annotations) and one claim."""
    out = io.StringIO()
    call_command("setup_demo", stdout=out)
    passwords = dict(re.findall(r"user '(\w+)', password '([^']+)'", out.getvalue()))
    annotation = Annotation.objects.filter(deleted_at__isnull=True).order_by("pk").first()
    assert annotation is not None, out.getvalue()
    editor = User.objects.get(username="editor")
    claim = claim_create(
        wording=annotation.exact,
        attribution=attribution_resolve(name="Kreml", user=editor),
        user=editor,
        annotation=annotation,
    )
    story = max(Story.objects.all(), key=lambda story: story.memberships.count())
    first, second = story.memberships.order_by("article_id").values_list("article_id", flat=True)[
        :2
    ]
    entity = Entity.objects.filter(mentions__isnull=False).order_by("pk").first()
    assert entity is not None
    return Demo(
        passwords=passwords,
        article=annotation.article,
        annotation=annotation,
        compare=(first, second),
        story=story,
        entity=entity,
        claim_id=claim.pk,
    )


def open_history_and_claim(page: Page, demo: Demo) -> None:
    """The workspace with a card's history and claim box opened, as an editor uses it."""
    card = page.locator(f"#annotation-{demo.annotation.pk}")
    card.get_by_role("link", name=re.compile("Verlauf|History")).click()
    expect(card.locator(".history-slot .history")).to_be_visible()
    page.locator("#claim-suggestions-toggle summary").click()
    expect(page.locator("#claim-suggestions h2")).to_be_visible(timeout=30_000)


def open_entity_history(page: Page, demo: Demo) -> None:
    page.locator(".entity-history summary").click()


def screens(demo: Demo) -> dict[str, str]:
    """The path of every screen of the app, by name."""
    left, right = demo.compare
    return {
        "articles": "/articles/",
        "workspace": f"/articles/{demo.article.pk}/",
        "related": f"/articles/{demo.article.pk}/related/",
        "entities": "/entities/",
        "entity": f"/entities/{demo.entity.pk}/",
        "candidates": "/entities/candidates/",
        "stories": "/stories/",
        "story": f"/stories/{demo.story.pk}/",
        "compare": f"/compare/{left}/{right}/",
        "claims": "/claims/",
        "claim": f"/claims/{demo.claim_id}/",
        "review": "/review/",
        "review-article": f"/review/articles/{demo.article.pk}/",
        "adjudicate": f"/review/articles/{demo.article.pk}/adjudicate/",
        "not-found": "/articles/999999/",
    }


# What a user does on a screen before it is checked, so that its panels are checked too.
PREPARE: dict[str, Callable[[Page, Demo], None]] = {
    "workspace": open_history_and_claim,
    "entity": open_entity_history,
}


# Which role's walk saves which screen for the docs, under which name (the screens with a
# browser test of their own, such as the workspace and the article list, are saved there).
SCREENSHOTS = {
    "editor": {
        "entities": "entities",
        "entity": "entity",
        "candidates": "entity-candidates",
        "stories": "stories",
        "story": "story-timeline",
        "compare": "compare",
        "claims": "claims",
        "claim": "claim",
        "not-found": "not-found",
    },
    "reviewer": {"review-article": "review"},
}


def walk(page: Page, url: str, demo: Demo, role: str, folder: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for name, path in screens(demo).items():
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        if name in SCREENSHOTS.get(role, {}):
            docs_screenshot(page, folder, SCREENSHOTS[role][name])
        if name in PREPARE and "forbidden" not in page.title().lower():
            PREPARE[name](page, demo)
        found[name] = axe_violations(page)
    return found


def report(found: dict[str, list[str]]) -> str:
    return "\n".join(
        f"{screen}:\n    " + "\n    ".join(lines) for screen, lines in found.items() if lines
    )


@pytest.fixture
def demo(db: None) -> Demo:
    return demo_set_up()


def new_page(chromium: Browser) -> Page:
    context = chromium.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


@pytest.mark.parametrize("role", ["editor", "reviewer", "admin"])
def test_every_screen_passes_axe_as_each_role(
    live_server, chromium: Browser, demo: Demo, role: str, screenshots_dir: Path
) -> None:
    page = new_page(chromium)
    try:
        log_in_on_form(page, f"{live_server.url}/accounts/login/", role, demo.passwords[role])
        found = walk(page, live_server.url, demo, role, screenshots_dir)
    finally:
        page.context.close()
    assert not any(found.values()), report(found)


def test_login_403_and_404_pass_axe(
    live_server, chromium: Browser, demo: Demo, screenshots_dir: Path
) -> None:
    User.objects.create_user("nora", password="pw-nora")
    page = new_page(chromium)
    try:
        found: dict[str, list[str]] = {}
        page.goto(f"{live_server.url}/accounts/login/")
        found["login"] = axe_violations(page)
        docs_screenshot(page, screenshots_dir, "login")
        log_in_on_form(page, f"{live_server.url}/accounts/login/", "nora")
        page.goto(f"{live_server.url}/articles/")
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Nicht erlaubt"))
        found["forbidden"] = axe_violations(page)
        docs_screenshot(page, screenshots_dir, "forbidden")
        page.goto(f"{live_server.url}/no-such-page/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Seite nicht gefunden")
        found["not-found"] = axe_violations(page)
    finally:
        page.context.close()
    assert not any(found.values()), report(found)
