import re

import pytest
from django.urls import reverse

from annotations.models import Annotation
from annotations.selectors import CARDS_PER_PAGE
from annotations.services import AnnotationContent, annotation_create
from annotations.tests.support import annotate, annotations_across, selection
from articles.models import Article, Source
from ingest.pipeline import files_import
from newstext.offsets import CodePointRange

QUOTE = "38 Menschen starben im Dezember bei dem Absturz in Kasachstan"
HTMX = {"HX-Request": "true", "Accept-Language": "en"}


def _block_of(article: Article, offset: int) -> int:
    """The index of the block (paragraph or heading) holding this offset of the body."""
    return next(i for i, b in enumerate(article.blocks) if b["start"] <= offset < b["end"])


def create(client, article, labels, quote=QUOTE, **extra):
    data = {**selection(article, quote), "label": labels["claim"].pk, **extra}
    return client.post(reverse("annotations:create", args=[article.pk]), data, headers=HTMX)


def test_workspace_shows_text_and_annotations_side_by_side(
    client, editor, article, make_annotation
):
    make_annotation(article, editor, QUOTE, note="Zahl prüfen")
    client.force_login(editor)
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'id="article-text"' in html
    assert 'id="annotation-list"' in html
    assert 'id="annotation-form"' in html
    assert f'data-ids="{Annotation.objects.get().pk}">{QUOTE}</mark>' in html
    assert "Zahl prüfen" in html
    assert "<h2>" in html  # subheadings still render as headings


def test_create_stores_position_and_quote_and_answers_fragments(client, editor, article, labels):
    Source.objects.create(name="Kreml", kind=Source.Kind.INSTITUTION)
    client.force_login(editor)
    response = create(client, article, labels, sources="kreml", note="Opferzahl")
    assert response.status_code == 200
    annotation = Annotation.objects.get()
    assert article.body[annotation.start : annotation.end] == QUOTE
    assert annotation.exact == QUOTE
    assert article.body.endswith(annotation.suffix) or annotation.suffix in article.body
    assert (
        article.body[annotation.start - len(annotation.prefix) : annotation.start]
        == annotation.prefix
    )
    assert [s.name for s in annotation.sources.all()] == ["Kreml"]
    assert annotation.author == editor
    html = response.content.decode()
    assert "<html" not in html
    assert 'id="annotation-form"' in html
    # A fresh form, still offering every label for the next annotation.
    assert html.count('name="label"') == len(labels)
    # Of the text, only the paragraph with the new highlight comes, swapped by its id.
    assert 'id="article-text"' not in html
    assert re.findall(r'<p id="block-\d+" hx-swap-oob="true">', html) == [
        f'<p id="block-{_block_of(article, annotation.start)}" hx-swap-oob="true">'
    ]
    assert f'data-ids="{annotation.pk}">{QUOTE}</mark>' in html
    assert '<h2 id="annotation-count" hx-swap-oob="outerHTML">1 annotation</h2>' in html
    # Only the new card, not the whole list: the first one goes where the list ends.
    assert 'id="annotation-list"' not in html
    assert re.search(
        rf'<ol hx-swap-oob="beforebegin:#cards-end">\s*<li id="annotation-{annotation.pk}"', html
    )
    assert "Opferzahl" in html
    assert response["HX-Trigger"] == f'{{"annotation-saved": {{"id": {annotation.pk}}}}}'


def test_a_new_card_goes_before_the_next_one_in_text_order(client, editor, article, labels):
    later = annotate(article, editor, "Kasachstan", label=labels["claim"])  # QUOTE's last word
    client.force_login(editor)
    html = create(client, article, labels, quote="38 Menschen").content.decode()
    new = Annotation.objects.exclude(pk=later.pk).get()
    assert re.search(
        rf'<ol hx-swap-oob="beforebegin:#annotation-{later.pk}">\s*<li id="annotation-{new.pk}"',
        html,
    )
    assert "2 annotations" in html
    page = client.get(article.get_absolute_url(), headers={"Accept-Language": "en"})
    cards = re.findall(r'<li id="annotation-(\d+)"', page.content.decode())
    assert cards == [str(new.pk), str(later.pk)]


def test_editor_may_add_a_missing_source_flagged_for_review(client, editor, article, labels):
    client.force_login(editor)
    create(client, article, labels, sources="Kreml, Neue Quelle")
    names = {s.name: s.needs_review for s in Annotation.objects.get().sources.all()}
    assert names == {"Kreml": True, "Neue Quelle": True}


def test_known_alias_resolves_to_its_source(client, editor, article, labels):
    dpa = Source.objects.get(name="dpa")
    dpa.aliases.create(name="Deutsche Presse-Agentur")
    client.force_login(editor)
    create(client, article, labels, sources="deutsche presse-agentur")
    assert list(Annotation.objects.get().sources.all()) == [dpa]


def test_every_card_lists_its_sources_by_name_and_the_article_its_cited_ones(
    client, editor, article, labels, make_annotation
):
    """Whichever answer brings a card (the workspace, a create, an edit, the card
    itself), it names the annotation's sources, sorted; the header, the article's."""
    article.cited_sources.set([Source.objects.create(name=name) for name in ("ZDF", "ARD")])
    annotation = make_annotation(article, editor, QUOTE)
    annotation.sources.set([Source.objects.create(name=name) for name in ("Kreml", "AFP")])
    client.force_login(editor)
    sources = re.compile(r'<p class="sources">Attributed to: ([^<]*)</p>')
    page = client.get(article.get_absolute_url(), headers={"Accept-Language": "en"})
    assert sources.findall(page.content.decode()) == ["AFP, Kreml"]
    assert "<dt>Cited sources</dt><dd>ARD, ZDF</dd>" in page.content.decode()
    card = client.get(reverse("annotations:card", args=[annotation.pk]), headers=HTMX)
    assert sources.findall(card.content.decode()) == ["AFP, Kreml"]
    created = create(client, article, labels, quote="Kasachstan", sources="kreml, dpa")
    assert sources.findall(created.content.decode()) == ["dpa, Kreml"]
    updated = client.post(
        reverse("annotations:update", args=[annotation.pk]),
        {"label": labels["claim"].pk, "note": "", "sources": "", "version": 1},
        headers=HTMX,
    )
    assert updated.status_code == 200
    assert f'<li id="annotation-{annotation.pk}"' in updated.content.decode()
    assert sources.findall(updated.content.decode()) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"exact": QUOTE + "!"}, "does not match"),
        ({"start": 10**6, "end": 10**6 + 5}, "outside the text"),
        ({"start": 20, "end": 10}, "Select some text first"),
        ({"label": 999}, "Select a valid choice"),
    ],
)
def test_bad_selection_gets_a_400_fragment_and_writes_nothing(
    client, editor, article, labels, change, message
):
    client.force_login(editor)
    response = create(client, article, labels, **change)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="annotation-form"' in html
    assert message in html
    assert not Annotation.objects.exists()


def test_an_inactive_label_is_not_a_choice(client, editor, article, labels):
    labels["quote"].is_active = False
    labels["quote"].save()
    client.force_login(editor)
    response = create(client, article, labels, label=labels["quote"].pk)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Select a valid choice" in html
    assert html.count('name="label"') == 1  # the form offers only the active label
    assert not Annotation.objects.exists()


@pytest.mark.parametrize("count", [3, 300])
def test_create_queries_do_not_grow_with_annotations(
    client, editor, article, labels, django_assert_num_queries, count
):
    annotations_across(article, editor, labels["claim"], count, step=37, length=5)
    # In progress, as the service would have set it (annotations_across bypasses it).
    Article.objects.filter(pk=article.pk).update(annotation_status="in_progress")
    Source.objects.create(name="Kreml")
    client.force_login(editor)
    # session, user, the user's and the groups' permissions, article, labels; then in a
    # savepoint (a transaction outside tests), counted as two, the source, the annotation,
    # its source row and their history (two rows); then the annotation rows and the
    # mentions for the new card's text
    with django_assert_num_queries(15):
        response = create(client, article, labels, sources="Kreml")
    assert response.status_code == 200
    assert "Attributed to: Kreml" in response.content.decode()


def test_emoji_in_the_text_does_not_shift_offsets(client, editor, labels, db, tmp_path):
    (tmp_path / "emoji.txt").write_text(
        "Die Rakete 🚀 traf 𝔡𝔞𝔰 Flugzeug nicht, sagte Putin.\n", encoding="utf-8"
    )
    list(files_import([tmp_path], max_bytes=10**6))
    article = Article.objects.get()
    client.force_login(editor)
    response = create(client, article, labels, quote="Flugzeug nicht")
    assert response.status_code == 200
    annotation = Annotation.objects.get()
    assert article.body[annotation.start : annotation.end] == "Flugzeug nicht"
    page = client.get(article.get_absolute_url()).content.decode()
    # the run after the highlight starts at the UTF-16 offset the browser will count
    assert f'data-o="{selection(article, "Flugzeug nicht")["start"]}"' in page


def test_edit_changes_label_note_sources_and_bumps_version(
    client, editor, article, labels, make_annotation
):
    annotation = make_annotation(article, editor, QUOTE)
    client.force_login(editor)
    form = client.get(reverse("annotations:edit", args=[annotation.pk]), headers=HTMX)
    assert f'id="annotation-{annotation.pk}"' in form.content.decode()
    response = client.post(
        reverse("annotations:update", args=[annotation.pk]),
        {"label": labels["quote"].pk, "note": "geprüft", "sources": "dpa", "version": 1},
        headers=HTMX,
    )
    assert response.status_code == 200
    annotation.refresh_from_db()
    assert (annotation.label, annotation.note, annotation.version) == (
        labels["quote"],
        "geprüft",
        2,
    )
    assert [s.name for s in annotation.sources.all()] == ["dpa"]
    html = response.content.decode()
    assert f'<li id="annotation-{annotation.pk}"' in html
    # The paragraph with the highlight comes again, in the new label's colour.
    block = html.split(f'<p id="block-{_block_of(article, annotation.start)}" hx-swap-oob="true">')
    assert f'class="hl label-{labels["quote"].pk} depth-1" ' in block[1].split("</p>")[0]


def test_stale_edit_gets_409_with_the_newer_version_and_overwrites_nothing(
    client, editor, article, labels, make_annotation
):
    annotation = make_annotation(article, editor, QUOTE, note="erste Fassung")
    client.force_login(editor)
    url = reverse("annotations:update", args=[annotation.pk])
    first = client.post(
        url, {"label": labels["claim"].pk, "note": "aus Tab A", "version": 1}, headers=HTMX
    )
    assert first.status_code == 200
    second = client.post(
        url, {"label": labels["quote"].pk, "note": "aus Tab B", "version": 1}, headers=HTMX
    )
    assert second.status_code == 409
    html = second.content.decode()
    assert "aus Tab A" in html  # the newer version is shown
    assert "aus Tab B" in html  # and what the editor tried, to merge by hand
    assert 'name="version" value="2"' in html
    annotation.refresh_from_db()
    assert (annotation.note, annotation.label, annotation.version) == (
        "aus Tab A",
        labels["claim"],
        2,
    )


def test_delete_and_restore_without_htmx_return_to_the_workspace(
    client, editor, article, make_annotation
):
    annotation = make_annotation(article, editor, QUOTE)
    client.force_login(editor)
    for action, deleted in (("delete", True), ("restore", False)):
        response = client.post(reverse(f"annotations:{action}", args=[annotation.pk]))
        assert response.status_code == 302
        assert response["Location"] == article.get_absolute_url()
        annotation.refresh_from_db()
        assert (annotation.deleted_at is not None) is deleted


def test_delete_is_soft_and_restorable(client, editor, article, make_annotation):
    annotation = make_annotation(article, editor, QUOTE)
    client.force_login(editor)
    response = client.post(reverse("annotations:delete", args=[annotation.pk]), headers=HTMX)
    assert response.status_code == 200
    annotation.refresh_from_db()
    assert annotation.deleted_at is not None
    html = response.content.decode()
    assert f'id="deleted-{annotation.pk}"' in html
    # Only the blocks of text it lay in come again, without its highlight.
    assert 'id="article-text"' not in html
    blocks = html.split('hx-swap-oob="true"', 1)[1]
    assert QUOTE[:20] in blocks
    assert "<mark" not in blocks
    response = client.post(reverse("annotations:restore", args=[annotation.pk]), headers=HTMX)
    annotation.refresh_from_db()
    assert annotation.deleted_at is None
    blocks = response.content.decode().split('hx-swap-oob="true"', 1)[1]
    assert f'data-ids="{annotation.pk}"' in blocks


def test_source_suggestions_match_names_and_aliases(client, editor, article):
    Source.objects.create(name="Kreml").aliases.create(name="Präsidialverwaltung")
    client.force_login(editor)
    html = client.get(
        reverse("annotations:source-suggestions"), {"sources": "dpa, präsidial"}
    ).content.decode()
    assert '<option value="dpa, Kreml">' in html


def test_label_styles_carry_only_valid_colours(client, editor, labels):
    labels["claim"].colour = "red;}</"  # 7 characters, the column's width
    labels["claim"].save()
    client.force_login(editor)
    css = client.get(reverse("annotations:label-styles")).content.decode()
    assert f".label-{labels['quote'].pk} {{ --label-colour: #81d4fa; }}" in css
    assert "red;}" not in css


def test_notes_are_escaped(client, editor, article, make_annotation):
    make_annotation(article, editor, QUOTE, note='<img src=x onerror="alert(1)">')
    client.force_login(editor)
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<img src=x onerror="alert(1)">' not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


@pytest.mark.parametrize("count", [3, 300])
def test_workspace_queries_do_not_grow_with_annotations(
    client, editor, article, make_annotation, labels, django_assert_num_queries, count
):
    Source.objects.create(name="Kreml")
    size = len(article.body) - 60
    for i in range(count):  # overlapping and nested ranges all over the text
        start = (i * 37) % size
        annotation_create(
            article=article,
            author=editor,
            span=CodePointRange(start, start + 5 + i % 40),
            content=AnnotationContent(label=labels["claim"], note="", source_names=["Kreml"]),
        )
    client.force_login(editor)
    # session, user, the user's and the groups' permissions, article (with revision count
    # and cited sources), annotation rows, mentions, a page of cards (with their sources),
    # labels, the navigation's count of unread notifications; no deleted ones to list
    with django_assert_num_queries(10):
        response = client.get(article.get_absolute_url(), headers={"Accept-Language": "en"})
    html = response.content.decode()
    assert html.count('class="card label-') == min(count, CARDS_PER_PAGE)
    assert html.count("<mark ") >= min(count, 100)
    if count > CARDS_PER_PAGE:
        assert f"Show {count - CARDS_PER_PAGE} more annotations" in html


def test_more_cards_continue_in_text_order(client, editor, article, labels):
    annotations_across(article, editor, labels["claim"], CARDS_PER_PAGE + 5, step=7, length=4)
    in_order = [a.pk for a in Annotation.objects.order_by("start", "end", "pk")]
    client.force_login(editor)
    first = client.get(article.get_absolute_url(), headers=HTMX).content.decode()
    more = re.search(r'hx-get="([^"]+)"[^>]*hx-target="#more-cards"', first)
    assert more
    assert "Show 5 more annotations" in first
    # A card created on the first page meanwhile shifts nothing: the next page starts
    # after the last card shown, not at an offset.
    create(client, article, labels, quote=article.body[:12])
    html = client.get(more.group(1).replace("&amp;", "&"), headers=HTMX).content.decode()
    assert re.findall(r'<li id="annotation-(\d+)"', html) == [str(pk) for pk in in_order[-5:]]
    assert "more-cards" not in html
    assert 'id="cards-end"' in html
    assert "No annotations yet" not in html


def test_a_bad_page_key_gets_a_400_naming_it(client, editor, article):
    client.force_login(editor)
    url = reverse("annotations:cards", args=[article.pk])
    response = client.get(url, {"after": "x"}, headers=HTMX)
    assert response.status_code == 400
    assert "“after” must be" in response.content.decode()


def test_entity_mentions_are_a_separate_layer_under_highlights(
    client, editor, article, make_annotation
):
    from entities.models import Entity, Mention

    putin = Entity.objects.create(name="Wladimir Putin", kind=Entity.Kind.PERSON)
    start = article.body.index("Wladimir Putin")
    Mention.objects.create(
        article=article, entity=putin, start=start, end=start + 14, surface="Wladimir Putin"
    )
    make_annotation(article, editor, "Kremlchef Wladimir")
    client.force_login(editor)
    html = client.get(article.get_absolute_url()).content.decode()
    text = html.split('id="article-text"')[1]
    # "Wladimir" is both highlighted and a mention; " Putin" is only a mention
    assert re.search(
        r'<mark id="mention-\d+" class="hl label-\d+ depth-1 ent ent-PER" data-o="\d+" data-ids="\d+">Wladimir</mark>',
        text,
    )
    assert re.search(r'<span class="ent ent-PER" data-o="\d+"> Putin</span>', text)
    assert 'id="toggle-entities"' in html
    mention = Mention.objects.get()
    assert f'<mark id="mention-{mention.pk}" class="hl' in text


def test_rejected_mentions_are_not_shown(client, editor, article):
    from entities.models import Entity, Mention

    putin = Entity.objects.create(name="Wladimir Putin", kind=Entity.Kind.PERSON)
    start = article.body.index("Wladimir Putin")
    Mention.objects.create(
        article=article,
        entity=putin,
        start=start,
        end=start + 14,
        surface="Wladimir Putin",
        decision=Mention.Decision.REJECTED,
    )
    client.force_login(editor)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "ent-PER" not in html.split('id="article-text"')[1]


def _label_chips(html: str) -> list[tuple[str, str, str]]:
    """(key, name, checked) of each label chip: the radio's data-key, the chip's text."""
    chips = re.findall(
        r'<label for="[^"]+" class="label-choice label-\d+">'
        r'<input type="radio" name="label" value="\d+"([^>]*)>\s*<kbd>(\d)</kbd> ([^<]+)</label>',
        html,
    )
    return [
        (key, name, "checked" if " checked" in attrs else "")
        for attrs, key, name in chips
        if f'data-key="{key}"' in attrs
    ]


def test_new_and_edit_forms_offer_the_same_label_chips_in_the_interface_language(
    client, editor, article, labels, make_annotation
):
    annotation = make_annotation(article, editor, QUOTE, label="quote")
    client.force_login(editor)
    page = client.get(article.get_absolute_url(), headers={"Accept-Language": "en"})
    assert _label_chips(page.content.decode()) == [("1", "Claim", ""), ("2", "Quote", "")]
    edit = client.get(reverse("annotations:edit", args=[annotation.pk]), headers=HTMX)
    assert _label_chips(edit.content.decode()) == [
        ("1", "Claim", ""),
        ("2", "Quote", "checked"),
    ]
    german = client.get(
        reverse("annotations:edit", args=[annotation.pk]),
        headers={"HX-Request": "true", "Accept-Language": "de"},
    )
    assert [name for _, name, _ in _label_chips(german.content.decode())] == ["Behauptung", "Zitat"]


def test_a_refused_annotation_shows_each_error_beside_its_field(client, editor, article, labels):
    client.force_login(editor)
    data = {**selection(article, QUOTE), "sources": "x" * 1001}
    response = client.post(reverse("annotations:create", args=[article.pk]), data, headers=HTMX)
    assert response.status_code == 400
    html = response.content.decode()
    # The label list and the sources field each name their own error (aria-describedby).
    assert '<fieldset aria-describedby="id_label_error">' in html
    assert 'id="id_label_error"' in html
    assert 'aria-describedby="id_sources_helptext id_sources_error"' in html
    assert 'id="id_sources_error"' in html
