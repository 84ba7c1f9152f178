"""The import in a real Chromium: upload a zip of mixed files, see every file's result."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ingest.jobs import Upload, import_job_create_upload, import_job_run
from ingest.tests.support import SEED, mixed_zip
from newsdesk.tests.axe import axe_violations
from newsdesk.tests.browser_session import log_in_on_form
from newsdesk.tests.screenshots import docs_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_uploads_a_zip_of_mixed_files_and_sees_every_result(
    live_server, page: Page, editor, screenshots_dir: Path
):
    log_in_on_form(page, f"{live_server.url}/accounts/login/", editor.username)
    page.get_by_role("link", name="Import", exact=True).click()
    expect(page.get_by_role("heading", name="Artikel importieren")).to_be_visible()
    page.set_input_files(
        "#id_upload",
        files=[{"name": "lieferung.zip", "mimeType": "application/zip", "buffer": mixed_zip()}],
    )
    page.get_by_role("button", name="Hochladen und importieren").click()

    progress = page.locator("#job-progress")
    expect(progress).to_contain_text("Import abgeschlossen.")
    expect(progress).to_contain_text("3 importiert")
    expect(progress).to_contain_text("1 fehlgeschlagen")
    rows = page.locator(".import-results tbody tr")
    expect(rows).to_have_count(4)
    for name in (
        f"lieferung.zip:text/{SEED.name}",
        "lieferung.zip:agency/dpa.json",
        "lieferung.zip:web/radwege.html",
        "lieferung.zip:kaputt.json",
    ):
        expect(rows.filter(has_text=name)).to_have_count(1)
    expect(page.locator("tr[data-result=failed]")).to_contain_text("kaputt.json")
    expect(page.locator("tr[data-result=imported] a")).to_have_count(3)
    assert axe_violations(page) == []
    docs_screenshot(page, screenshots_dir, "import")


def test_a_background_job_page_follows_the_progress_until_done(live_server, page: Page, editor):
    job = import_job_create_upload(user=editor, uploads=[Upload("lieferung.zip", mixed_zip())])
    log_in_on_form(page, f"{live_server.url}/accounts/login/", editor.username)
    page.goto(f"{live_server.url}{job.get_absolute_url()}")
    progress = page.locator("#job-progress")
    expect(progress).to_contain_text("Wartet auf einen Worker")

    import_job_run(job_id=job.pk)  # what a worker does while the page is open

    expect(progress).to_contain_text("Import abgeschlossen.")  # the poll brought it in
    expect(page.locator(".import-results tbody tr")).to_have_count(4)
    expect(progress).not_to_have_attribute("hx-trigger", "every 2s")
    page.reload()  # the job outlives the page
    expect(page.locator(".import-results tbody tr")).to_have_count(4)
