"""Screenshots for the user docs, taken by the browser tests at one viewport.

Every screenshot in docs/screenshots/ is taken at the same size, so that the docs show
the screens as one app: a browser test calls `docs_screenshot` where its screen is in the
state the docs describe. The folder comes from the `screenshots_dir` fixture: pytest's
tmp_path, or docs/screenshots when `make screenshots` sets NEWSDESK_SCREENSHOTS.
"""

from pathlib import Path

from playwright.sync_api import Page, ViewportSize

VIEWPORT: ViewportSize = {"width": 1280, "height": 900}


def docs_screenshot(page: Page, folder: Path, name: str, *, full_page: bool = False) -> Path:
    """Save `name`.png of the page as it is now, at VIEWPORT (the whole page when
    `full_page`), then give the page its own viewport back for the rest of the test."""
    own = page.viewport_size
    path = folder / f"{name}.png"
    page.set_viewport_size(VIEWPORT)
    try:
        page.screenshot(path=str(path), full_page=full_page, animations="disabled", caret="hide")
    finally:
        if own is not None and own != VIEWPORT:
            page.set_viewport_size(own)
    return path
