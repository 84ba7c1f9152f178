"""Keyboard, focus and zoom in a real Chromium (issue 17): after every htmx swap in the
workspace the focus sits in what changed and the live region says what happened; each
main screen's main action works from the keyboard alone; the article list and the
workspace need no sideways scrolling at 200 % zoom of 1280 px or on a tablet."""

import re
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, Page, TimeoutError, expect

from annotations.models import Annotation
from annotations.tests.support import demo_editor_password, select_quote
from articles.models import Article
from newsdesk.tests.browser_session import log_in, log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTICLE = re.compile("^Kremlchef Wladimir Putin")
QUOTE = "38 Menschen starben im Dezember bei dem Absturz in Kasachstan"
FOCUSED = """() => {
  const e = document.activeElement;
  return e ? [e.tagName, e.id, e.className, e.textContent.trim().slice(0, 60)] : null;
}"""


@pytest.fixture
def demo(db: None) -> Article:
    demo_editor_password()  # sets up the demo: seeds, labels, accounts, annotations
    return Article.objects.get(title__startswith="Kremlchef Wladimir Putin")


def workspace(page: Page, base_url: str, article: Article, username: str = "editor") -> None:
    log_in(page, base_url, User.objects.get(username=username))
    page.goto(f"{base_url}{article.get_absolute_url()}")
    page.wait_for_load_state()


def focus_is_in(page: Page, selector: str) -> None:
    """The focus settles inside `selector` (or on it): never on the page body."""
    try:
        page.wait_for_function(
            "s => document.activeElement !== document.body"
            " && document.activeElement?.closest(s) !== null",
            arg=selector,
            timeout=5_000,
        )
    except TimeoutError as error:
        raise AssertionError(f"focus is not in {selector}: {page.evaluate(FOCUSED)}") from error


def announced(page: Page, text: str | re.Pattern[str]) -> None:
    expect(page.locator("#announcer")).to_have_text(text)


def test_after_each_swap_the_focus_stays_in_what_changed(live_server, page, demo):
    workspace(page, live_server.url, demo)
    announcer = page.locator("#announcer")
    expect(announcer).to_have_attribute("aria-live", "polite")

    # Create: the new card has the focus.
    select_quote(page, QUOTE)
    page.locator("body").press("1")
    page.locator("#id_note").press("Control+Enter")
    expect(page.locator("#article-text mark", has_text="Kasachstan")).to_have_count(1)
    created = Annotation.objects.get(exact=QUOTE)
    focus_is_in(page, f"#annotation-{created.pk}")
    announced(page, re.compile(r"\d+ Annotationen"))

    # Edit and save: the card again.
    page.locator(f"#annotation-{created.pk}").press("e")
    expect(page.locator(f"#annotation-{created.pk}.editing")).to_have_count(1)
    note = page.locator(f"#annotation-{created.pk} textarea[name=note]")
    focus_is_in(page, f"#annotation-{created.pk}")
    note.fill("geprüft")
    note.press("Control+Enter")
    expect(page.locator(f"#annotation-{created.pk}.editing")).to_have_count(0)
    expect(page.locator(f"#annotation-{created.pk}")).to_contain_text("geprüft")
    focus_is_in(page, f"#annotation-{created.pk}")
    announced(page, "Annotation gespeichert.")

    # Delete: the notice that says how to restore it.
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(f"#annotation-{created.pk}").press("Delete")
    expect(page.locator(f"#annotation-{created.pk}")).to_have_count(0)
    focus_is_in(page, "#annotation-list")
    announced(page, re.compile("gelöscht"))

    # Restore: the restored card.
    page.locator("details.deleted summary").press("Enter")
    page.locator(f"#deleted-{created.pk} button").press("Enter")
    expect(page.locator(f"#annotation-{created.pk}")).to_be_visible()
    focus_is_in(page, f"#annotation-{created.pk}")
    announced(page, "Annotation wiederhergestellt.")

    # Filter: the focus stays in the field being typed in; the count is announced.
    page.locator(".card-filters-box summary").press("Enter")
    page.locator("#card-filter-q").press_sequentially("Kasachstan")
    expect(page.locator("#cards > li.card")).to_have_count(1)
    focus_is_in(page, "#card-filter-q")
    announced(page, "1 Annotation passt zum Filter.")


def tab_to(page: Page, selector: str, *, limit: int = 120) -> None:
    """Press Tab until an element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return
    raise AssertionError(f"Tab never reached {selector}; last: {page.evaluate(FOCUSED)}")


def test_the_main_screens_work_from_the_keyboard(live_server, page, demo):
    log_in(page, live_server.url, User.objects.get(username="editor"))

    # Article list: open an article.
    page.goto(f"{live_server.url}/articles/")
    tab_to(page, f"a[href='{demo.get_absolute_url()}']")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(demo.get_absolute_url()) + "$"))
    page.wait_for_load_state()

    # Workspace: edit a card's note and save it.
    tab_to(page, "#cards .edit-link")
    page.keyboard.press("Enter")
    note = page.locator("li.card.editing textarea[name=note]")
    expect(note).to_be_visible()
    tab_to(page, "li.card.editing textarea[name=note]")
    page.keyboard.type(" (Tastatur)")
    tab_to(page, "li.card.editing button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator("li.card.editing")).to_have_count(0)
    expect(page.locator("#cards")).to_contain_text("(Tastatur)")

    # Entity list: search and open an entity.
    page.goto(f"{live_server.url}/entities/")
    tab_to(page, "input[name=q]")
    page.keyboard.type("Putin")
    page.keyboard.press("Enter")
    results = page.locator("#entity-results a[href*='/entities/']")
    expect(results.first).to_contain_text("Putin")  # the list has followed the search
    expect(results).to_have_count(1)
    tab_to(page, "#entity-results a[href*='/entities/']")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text("Putin")

    # My work: open one of my annotations' articles.
    page.goto(f"{live_server.url}/my-work/")
    tab_to(page, "main a[href^='/articles/']")
    page.keyboard.press("Enter")
    expect(page.locator("#workspace")).to_be_visible()

    # Review (as the reviewer): accept the first annotation with the Space bar.
    log_out(page)
    log_in(page, live_server.url, User.objects.get(username="reviewer"))
    page.goto(f"{live_server.url}/review/articles/{demo.pk}/")
    first = page.locator(".review-row").first
    row_id = first.get_attribute("id")
    tab_to(page, f"#{row_id} button[value=accept]")
    page.keyboard.press("Space")
    expect(page.locator(f"#{row_id} .status")).to_contain_text(re.compile("angenommen", re.I))


@pytest.fixture(params=["zoom-200", "tablet"])
def narrow_page(request, chromium: Browser) -> Iterator[Page]:
    """1280 × 800 at 200 % zoom (a 640 × 400 CSS viewport at twice the pixels), or a tablet
    held upright."""
    if request.param == "zoom-200":
        options = {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2}
    else:
        options = {"viewport": {"width": 768, "height": 1024}, "has_touch": True}
    context = chromium.new_context(locale="de-DE", is_mobile=False, **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


WIDER_THAN_WINDOW = """() => [...document.querySelectorAll("body *")]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
  .filter(e => !e.parentElement.closest("*") || e.parentElement.getBoundingClientRect().right <= window.innerWidth + 1)
  .slice(0, 5).map(e => `${e.tagName}#${e.id}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)"""


def no_sideways_scrolling(page: Page) -> None:
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1] + 1, (
        f"{page.url} is {width[0]} px wide in {width[1]} px: {page.evaluate(WIDER_THAN_WINDOW)}"
    )


def usable(page: Page, selector: str) -> None:
    """Visible, and a click would reach it (nothing covers it)."""
    control = page.locator(selector).first
    control.scroll_into_view_if_needed()
    expect(control).to_be_visible()
    control.click(trial=True)


def test_zoomed_and_on_a_tablet_nothing_scrolls_sideways(live_server, narrow_page, demo):
    page = narrow_page
    log_in(page, live_server.url, User.objects.get(username="editor"))
    page.goto(f"{live_server.url}/articles/")
    no_sideways_scrolling(page)
    usable(page, f"a[href='{demo.get_absolute_url()}']")
    usable(page, "main form button[type=submit]")

    page.goto(f"{live_server.url}{demo.get_absolute_url()}")
    page.wait_for_load_state()
    no_sideways_scrolling(page)
    usable(page, "#annotation-form button[type=submit]")
    usable(page, ".card-filters-box summary")
    usable(page, "#cards .edit-link")
    usable(page, "#article-text")
