"""Keeping feeds current: `manage.py poll_feeds` polls each due feed of a source.

One poll of one feed:
1. a conditional GET (the ETag and Last-Modified of the last answer go out as
   If-None-Match / If-Modified-Since): a 304 costs one request and nothing else;
2. every item is keyed by its guid (Atom id), else its link; an item seen before with
   the same content is skipped without touching the articles (the import's identity
   handling would make it a no-op anyway, but this costs one query per poll);
3. items without full text get their page fetched, at most
   `NEWSDESK_FEED_MAX_PAGES_PER_POLL` per poll; the rest wait for the next poll (and
   the feed's validators are then not stored, so that poll is not answered with 304);
4. the new and changed items go through the import pipeline;
5. the feed records what it did: last poll, result, summary, error, next poll. Errors
   back off exponentially (the interval doubles per failure in a row, up to a day).
"""

import datetime
import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles.importing import ImportReport
from ingest.fetching import FetchError
from ingest.models import Feed, FeedItem
from ingest.services import ItemOutcome, items_import
from ingest.sources import ImportLimits, fetch_url, item_complete
from newstext.formats import FormatError, IncomingArticle, feed_articles
from newstext.reasons import Reason, code_and_params, declare, english_number, gettext_noop

logger = logging.getLogger(__name__)

MAX_BACKOFF = datetime.timedelta(days=1)


def item_key(item: IncomingArticle) -> str:
    """What identifies a feed item across polls: its guid / id, else its link."""
    return item.identity or item.link or item.title


def item_digest(item: IncomingArticle) -> str:
    """A digest of what the feed says about an item; a changed item is imported again."""
    parts = [item.title, item.body, item.summary, item.version or "", str(item.revised_at)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


declare(
    {
        "feed_http_status": gettext_noop("the server answered HTTP %(status)s, not 200"),
        "feed_poll_error": gettext_noop("error while polling: %(problem)s"),
    }
)

# What a poll did with the feed's items, in the order its summary names them: an import
# result's status, "already_seen" (named even when 0) and "deferred".
POLL_COUNTS = {
    "failed": gettext_noop("%(count)s failed"),
    "imported": gettext_noop("%(count)s imported"),
    "revised": gettext_noop("%(count)s revised"),
    "unchanged": gettext_noop("%(count)s unchanged"),
    "already_seen": gettext_noop("%(count)s already seen"),
    "deferred": gettext_noop("%(count)s left for the next poll"),
}
POLL_NOT_MODIFIED = gettext_noop("not modified")
POLL_FAILED = gettext_noop("failed: %(reason)s")


def poll_summary(
    status: str,
    counts: Mapping[str, int],
    error: str,
    *,
    translate: Callable[[str], str] = str,
    number: Callable[[int], str] = english_number,
) -> str:
    """What a poll did, in English; `translate` and `number` give it in another language."""
    if status == Feed.Result.NOT_MODIFIED:
        return translate(POLL_NOT_MODIFIED)
    if status == Feed.Result.FAILED:
        return translate(POLL_FAILED) % {"reason": error}
    return ", ".join(
        translate(template) % {"count": number(counts.get(key, 0))}
        for key, template in POLL_COUNTS.items()
        if counts.get(key) or key == "already_seen"
    )


@dataclass
class PollResult:
    """What one poll of one feed did."""

    feed: Feed
    status: str
    outcomes: list[ItemOutcome] = field(default_factory=list)
    skipped: int = 0  # seen before, unchanged
    deferred: int = 0  # pages left for the next poll
    error: str = ""  # a newstext.reasons.Reason where the poll gave one

    @property
    def counts(self) -> dict[str, int]:
        counts = {"already_seen": self.skipped, "deferred": self.deferred}
        for outcome in self.outcomes:
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
        return counts

    @property
    def summary(self) -> str:
        return poll_summary(self.status, self.counts, self.error)


# How long a poller holds the feeds it claimed; a poll takes far less.
CLAIM_LEASE = datetime.timedelta(minutes=10)


def feeds_claim_due(now: datetime.datetime | None = None) -> list[Feed]:
    """The due feeds, claimed for this poller: another poller (another worker machine)
    running at the same time skips them, as their next poll is moved past the lease."""
    now = now or timezone.now()
    with transaction.atomic():
        feeds = list(
            Feed.objects.filter(is_active=True)
            .filter(Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now))
            .order_by("next_poll_at", "pk")
            .select_for_update(skip_locked=True)
        )
        Feed.objects.filter(pk__in=[feed.pk for feed in feeds]).update(
            next_poll_at=now + CLAIM_LEASE
        )
    return feeds


def feeds_poll(feeds: Iterable[Feed]) -> Iterator[PollResult]:
    """Poll these feeds one after the other; one feed's failure does not stop the others."""
    limits = ImportLimits.from_settings()
    for feed in feeds:
        try:
            yield feed_poll(feed=feed, limits=limits)
        except Exception as error:  # a bug or a database error: recorded, the next feed goes on
            logger.exception("poll of feed %s failed", feed.url)
            problem = f"{type(error).__name__}: {error}"
            yield _record_failure(feed, Reason("feed_poll_error", problem=problem))


def feed_poll(*, feed: Feed, limits: ImportLimits | None = None) -> PollResult:
    """Poll one feed (see the module docstring) and record the result on it."""
    limits = limits or ImportLimits.from_settings()
    try:
        result = fetch_url(
            feed.url,
            limits=limits,
            etag=feed.etag or None,
            last_modified=feed.last_modified or None,
        )
    except FetchError as error:
        return _record_failure(feed, error.reason)
    if result.not_modified:
        poll = PollResult(feed, Feed.Result.NOT_MODIFIED)
        _record(feed, poll, etag=result.etag, last_modified=result.last_modified)
        return poll
    if result.status != 200:
        return _record_failure(feed, Reason("feed_http_status", status=result.status))
    try:
        items = feed_articles(result.body, source=feed.url, max_chars=limits.max_bytes)
    except FormatError as error:
        return _record_failure(feed, error.reason)

    poll = PollResult(feed, Feed.Result.OK)
    # Feeds list the newest first; import the oldest first. The first listing of a key wins.
    keyed: dict[str, IncomingArticle] = {}
    for item in reversed(items):
        if isinstance(item, FormatError):  # reported; the other items come in
            poll.outcomes.append(ItemOutcome(item.source, "failed", item.reason))
        else:
            keyed[item_key(item)] = item
    seen = dict(
        FeedItem.objects.filter(feed=feed, key__in=list(keyed)).values_list("key", "digest")
    )
    todo: list[tuple[str, str, IncomingArticle]] = []
    pages_left = limits.feed_max_pages
    for key, item in keyed.items():
        digest = item_digest(item)
        if seen.get(key) == digest:
            poll.skipped += 1
            continue
        if item.needs_fetch:
            if pages_left <= 0:
                poll.deferred += 1
                continue
            pages_left -= 1
            completed = item_complete(item, limits=limits)
            if isinstance(completed, ImportReport):
                poll.outcomes.append(
                    ItemOutcome(completed.source, str(completed.status), completed.reason)
                )
                continue
            item = completed
        todo.append((key, digest, item))

    outcomes = items_import([item for _, _, item in todo], limits=limits)
    for (key, digest, _item), outcome in zip(todo, outcomes, strict=True):
        poll.outcomes.append(outcome)
        if outcome.status != "failed":
            FeedItem.objects.update_or_create(
                feed=feed, key=key, defaults={"digest": digest, "article_id": outcome.article_id}
            )
    # Items left for the next poll: keep the old validators, or it would get a 304.
    deferred = bool(poll.deferred)
    _record(
        feed,
        poll,
        etag=(feed.etag or None) if deferred else result.etag,
        last_modified=(feed.last_modified or None) if deferred else result.last_modified,
    )
    return poll


def _record_failure(feed: Feed, reason: str) -> PollResult:
    poll = PollResult(feed, Feed.Result.FAILED, error=reason)
    feed.consecutive_failures += 1
    _record(feed, poll, etag=feed.etag or None, last_modified=feed.last_modified or None)
    return poll


def next_poll_delay(feed: Feed) -> datetime.timedelta:
    """The feed's interval, doubled for every failure in a row, at most a day."""
    interval = datetime.timedelta(minutes=max(feed.poll_minutes, 1))
    factor = 1 << min(feed.consecutive_failures, 16)
    return min(interval * factor, max(MAX_BACKOFF, interval))


@transaction.atomic
def _record(feed: Feed, poll: PollResult, *, etag: str | None, last_modified: str | None) -> None:
    now = timezone.now()
    if poll.status != Feed.Result.FAILED:
        feed.consecutive_failures = 0
    feed.last_error = poll.error
    feed.last_error_code, feed.last_error_params = code_and_params(poll.error)
    feed.last_counts = poll.counts if poll.status == Feed.Result.OK else {}
    feed.etag = (etag or "")[:500]
    feed.last_modified = (last_modified or "")[:100]
    feed.last_polled_at = now
    feed.last_status = poll.status
    feed.last_summary = poll.summary[:500]
    feed.next_poll_at = now + next_poll_delay(feed)
    feed.save(update_fields=Feed.POLL_STATE)
    logger.info("feed %s: %s", feed.url, poll.summary)
