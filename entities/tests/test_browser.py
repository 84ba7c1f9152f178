"""Entity pages, the candidate queue and the mention layer in a real Chromium."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from articles.models import Article
from entities.models import Entity, EntityCandidate, Mention
from newsdesk.tests.browser_errors import page_errors
from newsdesk.tests.browser_session import log_in_on_form

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Marks the loaded document: still there after an htmx swap, gone after a reload.
NO_RELOAD_MARK = "window.newsdeskNoReload = true"
STILL_THE_SAME_PAGE = "window.newsdeskNoReload === true"


@pytest.fixture
def imported_seeds(seeds_dir: Path) -> None:
    """The seeds imported, which detects their entities (tasks run immediately in tests)."""
    call_command("import_articles", str(seeds_dir))


def test_entity_page_shows_aliases_and_kwic_lines_that_lead_to_the_article(
    live_server: LiveServer, page: Page, editor: User, imported_seeds: None
) -> None:
    problems = page_errors(page)
    log_in_on_form(page, f"{live_server.url}/entities/", editor.username)
    page.get_by_role("link", name="Ilham Aliyev", exact=True).click()

    expect(page.locator("h1")).to_contain_text("Ilham Aliyev")
    expect(page.locator("#entity-facts")).to_contain_text("Ilham Alijev")  # a seed alias
    lines = page.locator("#entity-mentions .kwic-line")
    expect(lines.first).to_be_visible()
    assert lines.count() >= 10
    keyword = lines.first.locator(".kwic-keyword a")
    word = keyword.inner_text()

    keyword.click()
    expect(page).to_have_url(re.compile(r"/articles/\d+/#mention-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    target = page.locator(f"#article-text #{anchor}")
    expect(target).to_have_text(word)
    expect(target).to_be_in_viewport()
    assert problems == []


def test_accepting_a_candidate_as_alias_with_one_key_without_reload(
    live_server: LiveServer, page: Page, editor: User, imported_seeds: None
) -> None:
    problems = page_errors(page)
    aliyev = Entity.objects.get(name="Ilham Aliyev")
    candidate = EntityCandidate.objects.get(
        status=EntityCandidate.Status.OPEN, proposed_entity=aliyev
    )
    log_in_on_form(page, f"{live_server.url}/entities/candidates/", editor.username)
    page.evaluate(NO_RELOAD_MARK)
    row = page.locator(f"#candidate-{candidate.pk}")
    expect(row).to_contain_text("Aliyev")  # the evidence names the known person
    expect(row.locator("input[name=entity]")).to_have_value("Ilham Aliyev")

    row.focus()
    page.keyboard.press("a")

    expect(page.locator(f"#candidate-{candidate.pk}.candidate-open")).to_have_count(0)
    expect(row.locator("form")).to_have_count(0)
    expect(row.get_by_role("status")).to_contain_text("Ilham Aliyev")
    assert page.evaluate(STILL_THE_SAME_PAGE)
    assert candidate.name in {a.name for a in aliyev.aliases.all()}
    # Taught: the accepted alias now resolves in the article that spells it so.
    article = Article.objects.get(body__contains=candidate.name)
    assert Mention.objects.filter(
        article=article, entity=aliyev, surface__contains=candidate.name
    ).exists()
    assert problems == []


def test_editor_hides_and_shows_the_mention_layer(
    live_server: LiveServer, page: Page, editor: User, imported_seeds: None
) -> None:
    article = Article.objects.get(title__startswith="Kremlchef Wladimir Putin")
    problems = page_errors(page)
    log_in_on_form(page, f"{live_server.url}/articles/{article.pk}/", editor.username)
    workspace = page.locator("#workspace")
    person = page.locator("#article-text .ent-PER", has_text="Wladimir Putin").first
    expect(workspace).to_have_class(re.compile(r"\bshow-entities\b"))
    expect(person).to_have_css("text-decoration-line", "underline")

    page.locator("#toggle-entities").uncheck()
    expect(workspace).not_to_have_class(re.compile(r"\bshow-entities\b"))
    expect(person).to_have_css("text-decoration-line", "none")

    page.reload()  # the choice is remembered in this browser
    expect(page.locator("#toggle-entities")).not_to_be_checked()
    expect(workspace).not_to_have_class(re.compile(r"\bshow-entities\b"))

    page.locator("#toggle-entities").check()
    expect(workspace).to_have_class(re.compile(r"\bshow-entities\b"))
    expect(person).to_have_css("text-decoration-line", "underline")
    assert problems == []
