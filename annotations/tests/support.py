"""Test state for annotations, built the way production builds it: through the services.

Other apps' tests use these too; no test module imports another test module.
"""

import io
import re
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.core.management import call_command
from playwright.sync_api import Page, expect

from annotations.models import Annotation, Label
from annotations.services import AnnotationContent, annotation_create
from articles.models import Article
from newsdesk.tests.browser_session import log_in_on_form
from newstext.offsets import CodePointRange, code_point_to_utf16


def labels_create() -> dict[str, Label]:
    """The two labels most tests annotate with. Labels have no service: an admin adds them."""
    return {
        "claim": Label.objects.create(
            name="Behauptung", name_en="Claim", key="1", colour="#ffd54f"
        ),
        "quote": Label.objects.create(name="Zitat", name_en="Quote", key="2", colour="#81d4fa"),
    }


def quote_span(body: str, quote: str, *, occurrence: int = 0) -> CodePointRange:
    """Where the `occurrence`-th (from 0) `quote` stands in `body`."""
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(quote, start + 1)
    return CodePointRange(start, start + len(quote))


def annotate(
    article: Article,
    author: User,
    quote: str,
    *,
    label: Label,
    note: str = "",
    sources: Iterable[str] = (),
    occurrence: int = 0,
) -> Annotation:
    """`author` annotates the `occurrence`-th `quote` in the article as the workspace does:
    through `annotation_create` (prefix, suffix, sources and history included)."""
    return annotation_create(
        article=article,
        author=author,
        span=quote_span(article.body, quote, occurrence=occurrence),
        content=AnnotationContent(label=label, note=note, source_names=list(sources)),
    )


def selection(article: Article, quote: str) -> dict[str, object]:
    """What the browser posts for a selection of `quote` (UTF-16 offsets)."""
    start = article.body.index(quote)
    return {
        "start": code_point_to_utf16(article.body, start),
        "end": code_point_to_utf16(article.body, start + len(quote)),
        "exact": quote,
    }


def annotations_across(
    article: Article, author: User, label: Label, count: int, *, step: int, length: int
) -> list[Annotation]:
    """`count` annotations of `length` characters, the i-th at i * step (wrapping) in the
    body, each through `annotation_create` (300 take about 0.4 s on SQLite)."""
    size = len(article.body) - 60
    return [
        annotation_create(
            article=article,
            author=author,
            span=CodePointRange(i * step % size, i * step % size + length),
            content=AnnotationContent(label=label, note="", source_names=[]),
        )
        for i in range(count)
    ]


def demo_editor_password() -> str:
    """Set up the demo (`setup_demo`) and return the password it printed for 'editor'."""
    out = io.StringIO()
    call_command("setup_demo", stdout=out)
    found = re.search(r"user 'editor', password '([^']+)'", out.getvalue())
    assert found, out.getvalue()
    return found[1]


# Select body[start:end] (UTF-16 offsets) in #article-text the way a mouse drag would,
# then release the mouse button there.
SELECT_JS = """([start, end]) => {
  const runs = [...document.querySelectorAll('#article-text [data-o]')];
  const find = (offset) => {
    for (const run of runs) {
      const from = Number(run.dataset.o);
      if (offset >= from && offset <= from + run.textContent.length) {
        return [run.firstChild, offset - from];
      }
    }
    throw new Error('offset ' + offset + ' not rendered');
  };
  const range = document.createRange();
  range.setStart(...find(start));
  range.setEnd(...find(end));
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  range.startContainer.parentElement.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
}"""


def select_quote(page: Page, quote: str) -> None:
    """Select `quote` in the open workspace with the mouse, as an editor would."""
    # The workspace's module script listens for the selection: it runs just before
    # DOMContentLoaded, after the text is already visible (a reload shows it early).
    page.wait_for_load_state("domcontentloaded")
    body = page.evaluate("JSON.parse(document.getElementById('article-body').textContent)")
    start = body.index(quote)  # Python index == UTF-16 offset here: the seed is all BMP
    page.evaluate(SELECT_JS, [start, start + len(quote)])


def demo_putin_article_open(page: Page, base_url: str, password: str) -> None:
    """Log in as the demo's editor on the login form and open the seed article about
    Putin from the article list, ready for keys and selections."""
    log_in_on_form(page, f"{base_url}/articles/", "editor", password)
    page.get_by_role("link", name=re.compile("^Kremlchef Wladimir Putin")).click()
    expect(page.locator("#article-text")).to_contain_text("Putin bestritt")
    page.wait_for_load_state()  # the workspace script runs once the page is parsed
