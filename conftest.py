"""Fixtures shared by every app's tests."""

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.utils import translation
from hypothesis import HealthCheck, settings
from playwright.sync_api import Browser, Page, sync_playwright

from annotations.models import Annotation, Label
from annotations.tests import support as annotations_support
from articles.models import Article
from ingest.pipeline import files_import
from newsdesk.roles import EDITORS, REVIEWERS, roles_ensure

SEEDS_DIR = Path(__file__).parent / "fixtures" / "seeds"

# Property-based tests: few examples by default so the suite stays fast;
# HYPOTHESIS_PROFILE=thorough for a long run. No example database in the tree.
settings.register_profile(
    "newsdesk",
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile("thorough", settings.get_profile("newsdesk"), max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "newsdesk"))


@pytest.fixture(autouse=True)
def default_language() -> Iterator[None]:
    """Every test starts in the default language (German): a request with another
    Accept-Language leaves its language active in the thread (LocaleMiddleware does not
    reset it), and a later test on the same worker would run in it."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture
def roles(db: None) -> None:
    roles_ensure()


def member(username: str, group: str) -> User:
    """A user in one of the role groups, with the password "pw-<username>"."""
    user = User.objects.create_user(username, password=f"pw-{username}")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(roles: None) -> User:
    return member("erika", EDITORS)


@pytest.fixture
def other_editor(roles: None) -> User:
    return member("otto", EDITORS)


@pytest.fixture
def reviewer(roles: None) -> User:
    return member("rita", REVIEWERS)


@pytest.fixture
def no_role_user(roles: None) -> User:
    """A logged-in account an admin has not yet given a role."""
    return User.objects.create_user("nora", password="pw-nora")


@pytest.fixture
def admin_user(db: None) -> User:
    return User.objects.create_superuser("ada", password="pw-ada")


@pytest.fixture
def labels(db: None) -> dict[str, Label]:
    """Labels "claim" (Behauptung, key 1) and "quote" (Zitat, key 2)."""
    return annotations_support.labels_create()


@pytest.fixture
def article(db: None, seeds_dir: Path) -> Article:
    """Seed 000 (dpa, Putin and the AZAL crash), imported through the pipeline."""
    list(files_import([seeds_dir / "000_2881edf72164acbb.txt"], max_bytes=10**7))
    return Article.objects.get()


@pytest.fixture
def seeded(db: None, seeds_dir: Path) -> dict[str, Article]:
    """The five seeds, imported through the pipeline, by the first three digits of their
    file name ("000" … "004")."""
    list(files_import([seeds_dir], max_bytes=10**7))
    return {a.origin[:3]: a for a in Article.objects.all()}


@pytest.fixture
def make_annotation(labels: dict[str, Label]) -> Callable[..., Annotation]:
    """`make_annotation(article, author, quote, label="claim", note=..., sources=...,
    occurrence=...)`: an annotation made through the service, its label by key."""

    def make(
        article: Article,
        author: User,
        quote: str,
        *,
        label: str = "claim",
        note: str = "",
        sources: Iterable[str] = (),
        occurrence: int = 0,
    ) -> Annotation:
        return annotations_support.annotate(
            article,
            author,
            quote,
            label=labels[label],
            note=note,
            sources=sources,
            occurrence=occurrence,
        )

    return make


@pytest.fixture
def demo_editor_password() -> str:
    """The demo set up by `setup_demo`; the password it printed for 'editor'."""
    return annotations_support.demo_editor_password()


@pytest.fixture
def screenshots_dir(tmp_path: Path) -> Path:
    """Where browser tests save screenshots: pytest's tmp_path, or the folder named by
    NEWSDESK_SCREENSHOTS (`make screenshots` sets docs/screenshots) to update the docs."""
    wanted = os.environ.get("NEWSDESK_SCREENSHOTS")
    if not wanted:
        return tmp_path
    folder = Path(wanted)
    if not folder.is_absolute():
        folder = Path(__file__).parent / folder
    folder.mkdir(parents=True, exist_ok=True)
    return folder


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--lang=de-DE",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Chromium draws its own controls (a date field's "TT.MM.JJJJ") in its interface
# language: headless, that comes from LANGUAGE, not --lang, and needs Debian's
# chromium-l10n (/usr/lib/chromium/locales/de.pak); without it they stay "mm/dd/yyyy".
CHROMIUM_ENV: dict[str, str | float | bool] = {**os.environ, "LANGUAGE": "de"}


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright; missing Chromium is an error, not a skip."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does it)")
    # Playwright's sync API runs an event loop; Django's ORM must still be usable in tests.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, env=CHROMIUM_ENV
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium: Browser) -> Iterator[Page]:
    context = chromium.new_context(locale="de-DE", viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests (and the slow fresh-clone test) run one after another on one worker
    (`make test` runs pytest with `-n auto --dist loadgroup`): two Chromiums at once, or
    one beside a second test suite, made timing flaky on a small machine; the other
    tests share the remaining workers."""
    for item in items:
        # The fresh-clone test runs the whole suite again inside itself: not beside a browser.
        if item.get_closest_marker("browser") or item.get_closest_marker("slow"):
            item.add_marker(pytest.mark.xdist_group("browser"))
