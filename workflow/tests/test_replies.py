"""Replies under an annotation, @mentions and the inbox."""

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from review.models import ReviewDecision
from review.services import annotation_review
from workflow.models import Notification, Reply
from workflow.selectors import REPLIES_PER_PAGE
from workflow.services import mentioned_usernames, notifications_mark_read, reply_create
from workflow.tests.support import annotate

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true", "Accept-Language": "en"}
EN = {"Accept-Language": "en"}


@pytest.fixture
def annotation(article, editor, labels):
    return annotate(article, editor, "Putin", label=labels["claim"])


def replies_url(annotation) -> str:
    return reverse("workflow:replies", args=[annotation.pk])


def test_mentions_are_usernames_after_an_at_sign():
    text = "@rita bitte prüfen, cc @otto. Mail: erika@example.org, @rita nochmal, @a.b-c+d!"
    assert mentioned_usernames(text) == ["rita", "otto", "a.b-c+d"]


def test_the_author_replies_and_the_thread_swaps_in_place(client, editor, annotation):
    client.force_login(editor)
    thread = client.get(replies_url(annotation), headers=HTMX).content.decode()
    assert thread.lstrip().startswith(f'<section id="replies-{annotation.pk}"')
    assert "<html" not in thread
    assert "No replies yet." in thread
    assert 'maxlength="2000"' in thread

    response = client.post(
        replies_url(annotation), {"text": "  Quelle nachreichen  "}, headers=HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<section id="replies-{annotation.pk}"')
    reply = Reply.objects.get()
    assert (reply.annotation, reply.author, reply.text) == (
        annotation,
        editor,
        "Quelle nachreichen",
    )
    # Focus goes to the new reply (htmx focuses the swapped-in [autofocus]).
    assert f'id="reply-{reply.pk}" tabindex="-1" autofocus' in html
    assert "Reply (1)" in html


def test_a_too_long_reply_comes_back_with_its_error_and_nothing_stored(client, editor, annotation):
    client.force_login(editor)
    response = client.post(replies_url(annotation), {"text": "x" * 2001}, headers=HTMX)
    assert response.status_code == 200  # htmx swaps the form with its error in
    assert "Ensure this value has at most 2000 characters" in response.content.decode()
    assert not Reply.objects.exists()
    with pytest.raises(ValidationError):
        reply_create(annotation=annotation, author=editor, text="x" * 2001)
    assert not Reply.objects.exists()


def test_the_review_comment_is_the_first_entry_of_the_thread(client, editor, reviewer, annotation):
    annotation_review(
        annotation=annotation,
        reviewer=reviewer,
        kind=ReviewDecision.Kind.REJECT,
        version=annotation.version,
        comment="Das Zitat ist verkürzt.",
    )
    reply_create(annotation=annotation, author=editor, text="Korrigiert.")
    client.force_login(editor)
    html = client.get(replies_url(annotation), headers=HTMX).content.decode()
    assert html.index("Das Zitat ist verkürzt.") < html.index("Korrigiert.")
    assert "rita" in html
    assert "Review decision" in html


@pytest.mark.parametrize(
    ("who", "reads", "replies"),
    [("erika", 200, 200), ("otto", 403, 403), ("rita", 200, 200), ("ada", 200, 200)],
)
def test_who_reads_and_who_replies(
    client, editor, other_editor, reviewer, admin_user, annotation, who, reads, replies
):
    client.force_login(User.objects.get(username=who))
    assert client.get(replies_url(annotation), headers=HTMX).status_code == reads
    response = client.post(replies_url(annotation), {"text": "Hallo"}, headers=HTMX)
    assert response.status_code == replies
    assert Reply.objects.count() == (1 if replies == 200 else 0)


def test_a_mention_notifies_only_colleagues_who_may_see_the_annotation(
    editor, other_editor, reviewer, admin_user, no_role_user, annotation
):
    reply = reply_create(
        annotation=annotation,
        author=reviewer,
        text="@erika Quelle? @otto @nora @ada @rita @niemand",
    )
    notified = set(Notification.objects.values_list("user__username", flat=True))
    # otto (another editor) cannot see erika's annotation, nora has no role, rita wrote it,
    # nobody is called "niemand".
    assert notified == {"erika", "ada"}
    assert all(n.reply == reply for n in Notification.objects.all())


def test_the_inbox_lists_mentions_newest_first_and_links_to_the_card(
    client, editor, reviewer, article, annotation, labels
):
    second = annotate(article, editor, "Aserbaidschan", label=labels["quote"])
    reply_create(annotation=annotation, author=reviewer, text="@erika erste Frage")
    reply_create(annotation=second, author=reviewer, text="@erika zweite Frage")
    client.force_login(editor)
    html = client.get(reverse("workflow:inbox"), headers=EN).content.decode()
    assert html.index("zweite Frage") < html.index("erste Frage")
    assert f'href="{article.get_absolute_url()}#annotation-{annotation.pk}"' in html
    assert f'href="{article.get_absolute_url()}#annotation-{second.pk}"' in html
    assert "rita mentioned you" in html


def test_the_navigation_counts_unread_and_mark_all_read_clears_it(
    client, editor, reviewer, annotation
):
    for number in range(3):
        reply_create(annotation=annotation, author=reviewer, text=f"@erika Frage {number}")
    client.force_login(editor)
    page = client.get(reverse("workflow:my-work"), headers=EN).content.decode()
    assert '<span class="badge" id="inbox-unread">3 unread</span>' in page

    response = client.post(reverse("workflow:inbox-read"), headers=EN)
    assert response.status_code == 302
    page = client.get(response["Location"], headers=EN).content.decode()
    assert "3 notifications marked read." in page
    assert 'id="inbox-unread"' not in page
    assert notifications_mark_read(user=editor) == 0


def test_the_inbox_pages_and_its_queries_do_not_grow(client, editor, reviewer, annotation):
    client.force_login(editor)
    reply_create(annotation=annotation, author=reviewer, text="@erika eins")
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("workflow:inbox"), headers=EN)
    for number in range(30):
        reply_create(annotation=annotation, author=reviewer, text=f"@erika {number}")
    with CaptureQueriesContext(connection) as many:
        html = client.get(reverse("workflow:inbox"), headers=EN).content.decode()
    assert len(many) == len(few)
    assert html.count('class="notification unread"') == 25
    assert "page 1 of 2" in html


def test_users_without_a_role_have_no_inbox_count(client, no_role_user):
    client.force_login(no_role_user)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("password_change"), headers=EN)
    assert not any("workflow_notification" in query["sql"] for query in queries)


def card_of(html: str, annotation) -> str:
    start = html.index(f'<li id="annotation-{annotation.pk}"')
    return html[start : html.index("</li>", start)]


@pytest.mark.parametrize("count", [2, 12])
def test_each_card_counts_its_replies_in_a_constant_number_of_queries(
    client, editor, reviewer, article, labels, count
):
    words = article.body.split()
    annotations = [
        annotate(article, editor, word, label=labels["claim"])
        for word in dict.fromkeys(w.strip(".,;:!?»«„“\"'()") for w in words)
        if len(word) > 3
    ][:count]
    assert len(annotations) == count
    discussed, quiet = annotations[0], annotations[1]
    reply_create(annotation=discussed, author=reviewer, text="Quelle?")
    reply_create(annotation=discussed, author=editor, text="dpa")
    client.force_login(editor)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(article.get_absolute_url(), headers=EN).content.decode()
    assert "Replies (2)" in card_of(html, discussed)
    assert "Replies (0)" in card_of(html, quiet)
    # The count rides in the cards' query: as many queries for 2 cards as for 12.
    assert len(queries) == 10


def test_the_card_after_an_edit_keeps_its_reply_count(client, editor, annotation, labels):
    reply_create(annotation=annotation, author=editor, text="Notiz")
    client.force_login(editor)
    response = client.post(
        reverse("annotations:update", args=[annotation.pk]),
        {"label": labels["claim"].pk, "note": "geprüft", "sources": "", "version": 1},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert "Replies (1)" in card_of(response.content.decode(), annotation)


def test_a_long_discussion_shows_its_newest_replies_a_page_at_a_time(
    client, editor, reviewer, annotation, django_assert_max_num_queries
):
    count = REPLIES_PER_PAGE + 20
    for n in range(count):
        reply_create(annotation=annotation, author=reviewer, text=f"Quelle Nummer {n}?")
    client.force_login(editor)
    with django_assert_max_num_queries(12):
        newest = client.get(replies_url(annotation), headers=HTMX).content.decode()
    assert f"Replies ({count})" in newest
    assert newest.count('class="reply"') == REPLIES_PER_PAGE
    assert "Quelle Nummer 20?" in newest  # the newest page, oldest first
    assert f"Quelle Nummer {count - 1}?" in newest
    assert "Quelle Nummer 19?" not in newest
    assert "page 1 of 2" in newest
    assert f'hx-target="#replies-{annotation.pk}"' in newest.split('class="pagination"')[1]
    oldest = client.get(replies_url(annotation), {"page": 2}, headers=HTMX).content.decode()
    assert oldest.count('class="reply"') == 20
    assert "Quelle Nummer 0?" in oldest
    # A new reply lands on the newest page, where the author sees it.
    response = client.post(replies_url(annotation), {"text": "Danke."}, headers=HTMX)
    assert "Danke." in response.content.decode()
