"""A re-import while an editor has the workspace open (real Chromium)."""

import pytest
from playwright.sync_api import Page, expect

from annotations.models import Annotation
from annotations.tests.support import select_quote
from articles.importing import ImportStatus
from articles.models import Article
from ingest.pipeline import files_import
from newsdesk.tests.browser_errors import page_errors
from newsdesk.tests.browser_session import log_in_on_form

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUOTE = "38 Menschen starben im Dezember bei dem Absturz in Kasachstan"
NEW_QUOTE = "Präsident Ilham Aliyev"
INSERTED = "Eilmeldung: Neue Angaben aus Baku. "
DELETED = "Beide hätten seit der Katastrophe mehrfach Kontakt gehabt."
REATTACH_TO = "Er habe keine Zweifel gehabt"

# The text of every <mark> run of one annotation (entity mentions may cut it in runs).
HIGHLIGHT_JS = """(id) => [...document.querySelectorAll('#article-text mark[data-ids]')]
  .filter((mark) => mark.dataset.ids.split(' ').includes(String(id)))
  .map((mark) => mark.textContent).join('')"""


def highlighted(page: Page, annotation: Annotation) -> str:
    return str(page.evaluate(HIGHLIGHT_JS, annotation.pk))


def test_highlights_stay_on_their_words_when_the_article_is_reimported_meanwhile(
    live_server, page, editor, article, make_annotation, seeds_dir, tmp_path
):
    errors = page_errors(page, console=False)
    annotation = make_annotation(article, editor, QUOTE)  # with prefix and suffix, as made
    start = annotation.start
    lost = make_annotation(article, editor, DELETED, label="quote")

    log_in_on_form(page, f"{live_server.url}/accounts/login/", editor.username)
    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    expect(page.locator("#article-text")).to_contain_text(QUOTE)
    assert highlighted(page, annotation) == QUOTE

    # The news agency sends a corrected text: a sentence is inserted at the start.
    changed = tmp_path / article.origin
    original = (seeds_dir / article.origin).read_text("utf-8")
    changed.write_text(
        original.replace("Duschanbe (dpa) – ", f"Duschanbe (dpa) – {INSERTED}").replace(
            f" {DELETED}", ""
        )
    )
    [report] = files_import([changed], max_bytes=10**7)
    assert report.status is ImportStatus.REVISED
    annotation.refresh_from_db()
    assert annotation.start == start + len(INSERTED)

    # The editor, still on the old text, annotates: the server refuses and the page reloads.
    select_quote(page, NEW_QUOTE)
    page.locator("body").press("1")
    page.locator("#id_note").press("Control+Enter")
    expect(page.locator(".messages")).to_contain_text("neu importiert")
    expect(page.locator("#article-text")).to_contain_text(INSERTED.strip())
    assert highlighted(page, annotation) == QUOTE
    assert Annotation.objects.count() == 2  # nothing new

    # On the new text the same gesture works and lands on the right words.
    select_quote(page, NEW_QUOTE)
    page.locator("body").press("1")
    page.locator("#id_note").press("Control+Enter")
    created = page.locator("#article-text mark", has_text="Ilham Aliyev")
    expect(created).not_to_have_count(0)
    new = Annotation.objects.exclude(pk__in=[annotation.pk, lost.pk]).get()
    body = Article.objects.get(pk=article.pk).body
    assert body[new.start : new.end] == NEW_QUOTE
    assert highlighted(page, new) == NEW_QUOTE
    assert highlighted(page, annotation) == QUOTE

    # The annotation whose sentence was deleted is listed as orphaned and re-attached.
    orphan = page.locator(f"#orphaned-{lost.pk}")
    expect(orphan).to_contain_text(DELETED)
    select_quote(page, REATTACH_TO)
    orphan.get_by_role("button", name="Hier anhängen").click()
    expect(orphan).to_have_count(0)
    lost.refresh_from_db()
    assert (lost.is_orphaned, lost.exact) == (False, REATTACH_TO)
    assert highlighted(page, lost) == REATTACH_TO
    assert errors == []
