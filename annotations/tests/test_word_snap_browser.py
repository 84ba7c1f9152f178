"""Selections snap to whole words in a real Chromium, unless character precision is on."""

import re

import pytest
from playwright.sync_api import expect

from annotations.models import Annotation
from annotations.tests.support import demo_putin_article_open, select_quote
from newsdesk.tests.screenshots import docs_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Scroll the page so that the selected words are in the middle of the window.
SELECTION_TO_MIDDLE = """() => {
  const box = getSelection().getRangeAt(0).getBoundingClientRect();
  window.scrollBy(0, box.top - window.innerHeight / 2);
}"""


def test_a_selection_inside_words_becomes_the_whole_words(
    live_server, page, demo_editor_password, screenshots_dir
):
    demo_putin_article_open(page, live_server.url, demo_editor_password)
    expect(page.locator("#toggle-precision")).not_to_be_checked()
    select_quote(page, "tin bestri")
    expect(page.locator("#selection-preview")).to_have_text("Putin bestritt")
    page.evaluate(SELECTION_TO_MIDDLE)
    docs_screenshot(page, screenshots_dir, "word-snap")
    page.locator("#annotation-form input[name=label][data-key='1']").check()
    page.locator("#id_note").press("Control+Enter")
    quote = page.locator("#cards > li.card blockquote").get_by_text("Putin bestritt", exact=True)
    expect(quote).to_have_count(1)
    assert Annotation.objects.filter(exact="Putin bestritt").count() == 1


def test_hyphenated_compounds_stay_whole_and_spaces_end_words(
    live_server, page, demo_editor_password
):
    demo_putin_article_open(page, live_server.url, demo_editor_password)
    body = page.evaluate("JSON.parse(document.getElementById('article-body').textContent)")
    compound = re.search(r"\w+-\w+", body)
    assert compound is not None
    word = compound.group()
    select_quote(page, word[len(word) // 2 :])  # from the middle of the second part
    expect(page.locator("#selection-preview")).to_have_text(word)
    select_quote(page, "Putin bestritt ")  # whole words: nothing added
    expect(page.locator("#selection-preview")).to_have_text("Putin bestritt")


def test_character_precision_keeps_the_exact_characters_and_is_remembered(
    live_server, page, demo_editor_password
):
    demo_putin_article_open(page, live_server.url, demo_editor_password)
    page.locator("#toggle-precision").check()
    select_quote(page, "tin bestri")
    expect(page.locator("#selection-preview")).to_have_text("tin bestri")
    page.locator("#annotation-form input[name=label][data-key='1']").check()
    page.locator("#id_note").press("Control+Enter")
    quote = page.locator("#cards > li.card blockquote").get_by_text("tin bestri", exact=True)
    expect(quote).to_have_count(1)
    assert Annotation.objects.filter(exact="tin bestri").count() == 1
    page.reload()
    expect(page.locator("#toggle-precision")).to_be_checked()
