"""What went wrong in a browser page's scripts (browser tests)."""

from playwright.sync_api import Page


def page_errors(page: Page, *, console: bool = True) -> list[str]:
    """A list that fills with the page's uncaught exceptions and console errors from now
    on; a test ends with `assert problems == []`. A test that provokes an error answer
    (a 400, a 409) passes `console=False`: the browser logs each such answer as an error.
    """
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    if console:
        page.on(
            "console",
            lambda message: problems.append(message.text) if message.type == "error" else None,
        )
    return problems
