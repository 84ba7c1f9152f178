"""Feeds that stay current: `poll_feeds` against a feed served on 127.0.0.1."""

import datetime
import threading
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article, Source
from ingest.feeds import feed_poll, next_poll_delay
from ingest.models import Feed, FeedItem
from ingest.tests.support import LocalHandler

PAGE = (
    Path(__file__).resolve().parents[2]
    / "newstext/tests/data/formats/html/rheinland_kurier_radwege.html"
).read_bytes()

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
  <channel>
    <title>Rheinland-Kurier</title>
    <link>{base}/</link>
    <language>de-de</language>
    <item>
      <title>Stadtrat beschließt neues Radwegenetz für die Innenstadt</title>
      <link>{base}/lokales/radwege.html</link>
      <guid isPermaLink="false">rk-2025-10-06-0017</guid>
      <pubDate>Mon, 06 Oct 2025 00:30:00 +0200</pubDate>
      <description>Nach monatelanger Debatte hat der Stadtrat entschieden.</description>
    </item>
    <item>
      <title>Hochwasser: Pegel am Rhein sinkt langsam</title>
      <link>{base}/region/pegel.html</link>
      <guid isPermaLink="false">rk-2025-10-05-0042</guid>
      <pubDate>Sun, 05 Oct 2025 18:00:00 +0200</pubDate>
      <content:encoded><![CDATA[<p>Der Pegel am Rhein ist in der Nacht zum Sonntag weiter
      gesunken. Am Morgen meldete die Messstelle in Köln 7,10 Meter, rund vierzig
      Zentimeter weniger als am Vortag.</p><h2>Schifffahrt bleibt eingeschränkt</h2>
      <p>Die Wasserstraßen- und Schifffahrtsverwaltung hält die Sperrung für große
      Frachtschiffe vorerst aufrecht, teilte eine Sprecherin mit.</p>]]></content:encoded>
    </item>
  </channel>
</rss>
"""


# A feed cut off in its third item.
CUT_OFF = (
    Path(__file__).resolve().parents[2]
    / "newstext/tests/data/formats/feeds/elbe_bote_abgebrochen.xml"
).read_bytes()


@dataclass
class FeedServer:
    base: str = ""
    etag: str = '"v1"'
    failing: bool = False
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


@pytest.fixture
def feed_server():
    state = FeedServer()

    class Handler(LocalHandler):
        def do_GET(self):
            state.requests.append((self.path, dict(self.headers)))
            if self.path == "/feed.xml":
                if state.failing:
                    self.reply(503, b"down for maintenance")
                elif self.headers.get("If-None-Match") == state.etag:
                    self.reply(304, headers=[("ETag", state.etag)])
                else:
                    body = FEED.format(base=state.base).encode("utf-8")
                    self.reply(200, body, "application/rss+xml", [("ETag", state.etag)])
            elif self.path == "/leer.xml":
                self.reply(204)
            elif self.path == "/abgebrochen.xml":
                self.reply(200, CUT_OFF, "application/rss+xml")
            elif self.path == "/lokales/radwege.html":
                self.reply(200, PAGE, "text/html; charset=utf-8")
            else:
                self.reply(404, b"not found")

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{httpd.server_port}"
    yield state
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def feed(db, settings, feed_server) -> Feed:
    settings.NEWSDESK_FETCH_ALLOW_PRIVATE = True  # the test server is on loopback
    source = Source.objects.create(name="Rheinland-Kurier", kind=Source.Kind.OUTLET)
    return Feed.objects.create(source=source, url=f"{feed_server.base}/feed.xml")


def test_a_feed_polled_twice_imports_each_item_once(feed, feed_server):
    call_command("poll_feeds")
    assert Article.objects.count() == 2
    feed.refresh_from_db()
    assert feed.last_status == Feed.Result.OK
    assert feed.etag == '"v1"'
    assert feed.last_summary == "2 imported, 0 already seen"
    # The item without full text was completed from its page on the same server.
    assert feed_server.paths() == ["/feed.xml", "/lokales/radwege.html"]
    radwege = Article.objects.get(title__startswith="Stadtrat")
    assert "Radweg" in radwege.body
    assert "Nach monatelanger Debatte hat der Stadtrat entschieden." not in radwege.body
    assert FeedItem.objects.filter(feed=feed).count() == 2
    user_agent = feed_server.requests[0][1]["User-Agent"]
    assert user_agent.startswith("Newsdesk/")

    # Not due yet: a plain round polls nothing.
    call_command("poll_feeds")
    assert len(feed_server.requests) == 2

    # The second poll asks with the ETag and gets 304: nothing fetched, nothing imported.
    call_command("poll_feeds", "--all")
    assert feed_server.requests[-1][1]["If-None-Match"] == '"v1"'
    assert feed_server.paths()[-1] == "/feed.xml"
    feed.refresh_from_db()
    assert feed.last_status == Feed.Result.NOT_MODIFIED
    assert Article.objects.count() == 2


def test_items_seen_before_are_skipped_without_fetching_their_pages(feed, feed_server):
    feed_poll(feed=feed)
    feed_server.etag = '"v2"'  # the server says the feed changed, the items did not
    result = feed_poll(feed=feed)
    assert result.skipped == 2
    assert result.outcomes == []
    assert feed_server.paths().count("/lokales/radwege.html") == 1
    assert Article.objects.count() == 2
    feed.refresh_from_db()
    assert feed.etag == '"v2"'


def test_pages_over_the_limit_wait_for_the_next_poll(feed, feed_server, settings):
    settings.NEWSDESK_FEED_MAX_PAGES_PER_POLL = 0
    result = feed_poll(feed=feed)
    assert result.deferred == 1
    assert Article.objects.count() == 1
    feed.refresh_from_db()
    assert feed.etag == ""  # so the next poll is not answered with 304
    settings.NEWSDESK_FEED_MAX_PAGES_PER_POLL = 5
    feed_poll(feed=feed)
    assert Article.objects.count() == 2


def test_errors_back_off_exponentially_and_success_resets(feed, feed_server):
    feed_server.failing = True
    before = timezone.now()
    for failures in (1, 2, 3):
        result = feed_poll(feed=feed)
        feed.refresh_from_db()
        assert result.status == Feed.Result.FAILED
        assert feed.consecutive_failures == failures
        assert "503" in feed.last_error
        wait = datetime.timedelta(minutes=feed.poll_minutes) * 2**failures
        assert feed.next_poll_at >= before + wait
    assert Article.objects.count() == 0

    feed_server.failing = False
    feed_poll(feed=feed)
    feed.refresh_from_db()
    assert feed.consecutive_failures == 0
    assert feed.last_error == ""
    assert feed.last_status == Feed.Result.OK
    assert Article.objects.count() == 2


def test_back_off_is_at_most_a_day():
    feed = Feed(poll_minutes=15, consecutive_failures=40)
    assert next_poll_delay(feed) == datetime.timedelta(days=1)
    assert next_poll_delay(Feed(poll_minutes=15)) == datetime.timedelta(minutes=15)


def test_loopback_feeds_are_refused_without_the_setting(feed, feed_server, settings):
    settings.NEWSDESK_FETCH_ALLOW_PRIVATE = False
    result = feed_poll(feed=feed)
    assert result.status == Feed.Result.FAILED
    assert feed_server.requests == []
    feed.refresh_from_db()
    assert feed.last_error


def test_one_broken_feed_does_not_stop_the_others(feed, feed_server):
    Feed.objects.create(source=feed.source, url=f"{feed_server.base}/missing.xml")
    call_command("poll_feeds")
    statuses = dict(Feed.objects.values_list("url", "last_status"))
    assert statuses[feed.url] == Feed.Result.OK
    assert statuses[f"{feed_server.base}/missing.xml"] == Feed.Result.FAILED


def test_a_feed_url_pasted_in_the_browser_imports_its_items(
    client, editor, feed, feed_server, django_capture_on_commit_callbacks
):
    from ingest.models import ImportJob

    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/import/url/", {"url": feed.url})
    job = ImportJob.objects.get()
    assert response.status_code == 303
    assert response["Location"] == job.get_absolute_url()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert sorted(r.status for r in job.results.all()) == ["imported", "imported"]
    page = client.get(job.get_absolute_url(), headers={"Accept-Language": "en"}).content.decode()
    assert "Stadtrat beschließt neues Radwegenetz" in page


def test_a_claimed_feed_is_not_polled_by_a_second_poller(feed):
    from ingest.feeds import feeds_claim_due

    assert feeds_claim_due() == [feed]
    assert feeds_claim_due() == []  # another worker running at the same moment


def test_the_admin_shows_feeds_on_their_source_with_the_last_poll(client, admin_user, feed):
    feed_poll(feed=feed)
    client.force_login(admin_user)
    source_page = client.get(f"/admin/articles/source/{feed.source.pk}/change/").content.decode()
    assert 'name="feeds-TOTAL_FORMS"' in source_page
    assert feed.url in source_page
    feed_list = client.get("/admin/ingest/feed/", headers={"Accept-Language": "en"})
    assert "2 imported, 0 already seen" in feed_list.content.decode()


def test_the_admin_shows_the_last_poll_in_german(client, admin_user, feed, feed_server, settings):
    client.force_login(admin_user)
    feed_poll(feed=feed)
    feed_list = client.get("/admin/ingest/feed/", headers={"Accept-Language": "de"})
    assert "2 importiert, 0 schon gesehen" in feed_list.content.decode()

    settings.NEWSDESK_FETCH_ALLOW_PRIVATE = False
    feed_poll(feed=feed)
    feed.refresh_from_db()
    # The command line and the log keep the English text.
    assert "resolves to non-public address 127.0.0.1, refused" in feed.last_summary
    page = client.get(
        f"/admin/ingest/feed/{feed.pk}/change/", headers={"Accept-Language": "de"}
    ).content.decode()
    german = (
        "Host &#x27;127.0.0.1&#x27; löst sich in die nicht öffentliche Adresse 127.0.0.1 auf, "
        "abgelehnt"
    )
    assert f"fehlgeschlagen: {german}" in page  # what the poll did
    assert "resolves to" not in page
    source_page = client.get(
        f"/admin/articles/source/{feed.source.pk}/change/", headers={"Accept-Language": "de"}
    ).content.decode()
    assert german in source_page


def test_a_poll_answered_without_content_records_the_status(feed, feed_server):
    feed.url = f"{feed_server.base}/leer.xml"
    result = feed_poll(feed=feed)
    assert result.status == Feed.Result.FAILED
    feed.refresh_from_db()
    assert feed.last_error == "the server answered HTTP 204, not 200"
    assert feed.last_error_code == "feed_http_status"
    assert feed.last_error_params == {"status": 204}
    assert feed.last_summary == "failed: the server answered HTTP 204, not 200"


def test_an_item_cut_off_fails_alone_and_the_feed_still_counts_as_read(feed, feed_server):
    feed.url = f"{feed_server.base}/abgebrochen.xml"
    feed.save(update_fields=["url"])
    result = feed_poll(feed=feed)
    assert result.status == Feed.Result.OK
    assert [outcome.status for outcome in result.outcomes] == ["failed", "imported", "imported"]
    assert "broken feed XML" in result.outcomes[0].reason
    assert result.outcomes[0].name == f"{feed.url} (eb-4713)"
    assert Article.objects.count() == 2
    feed.refresh_from_db()
    assert feed.consecutive_failures == 0
    assert feed.last_counts["failed"] == 1
    assert feed.last_counts["imported"] == 2
    # The broken item is tried again at the next poll; the others are not imported twice.
    again = feed_poll(feed=feed)
    assert [outcome.status for outcome in again.outcomes] == ["failed"]
    assert Article.objects.count() == 2
