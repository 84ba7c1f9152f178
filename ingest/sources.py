"""Where articles are read from: files, folders, zips and http(s) URLs, any format.

Everything named here becomes `ArticleInput`s (or a failure report naming the input)
for `articles.importing`; `ingest.pipeline` runs them through the import.

Identity (DESIGN.md): an article's own URI where its format has one (ninjs `uri`, feed
`guid`/`id`, a page's canonical URL), else its path relative to the import root:
- a folder named on the command line is a root: `x/bericht.txt` inside it is
  "x/bericht.txt", never the bare "bericht.txt";
- a file named directly has its folder as root: its identity is its file name;
- a zip is a root of its own: a member's identity is its path inside the zip, so a
  folder delivered once as files and once zipped keeps its identities;
- a URL's identity is the page's canonical URL, else the URL after redirects.

Only regular files are read: symbolic links inside a root are not followed (a root
named on the command line may itself be a link), nothing under /proc, /sys or /dev is
read, and at most `max_bytes` + 1 bytes are read from any file, so the size limit holds
for files that lie about their size.
"""

import io
import os
import stat
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path, PurePosixPath

from django.conf import settings

from articles.importing import (
    ArticleInput,
    ImportReport,
    ImportStatus,
    incoming_input,
    printable_name,
    text_input,
)
from ingest.fetching import FetchError, FetchResult, fetch
from ingest.parallel import parallel_map
from newstext.decoding import RejectedInput
from newstext.formats import (
    Format,
    FormatError,
    IncomingArticle,
    detect_format,
    feed_articles,
    ninjs_articles,
    parse_as,
)
from newstext.formats.html import parse_html
from newstext.reasons import Reason, declare, gettext_noop

# Why a file, zip member or URL is not read (newstext.reasons: shown translated).
declare(
    {
        "no_such_path": gettext_noop("no such file or folder"),
        "cannot_read": gettext_noop("cannot read: %(problem)s"),
        "system_file": gettext_noop("not read: a system file, not an article"),
        "symbolic_link": gettext_noop("symbolic link, not followed"),
        "not_regular_file": gettext_noop("not a regular file"),
        "folder_without_articles": gettext_noop("folder holds no article files"),
        "cannot_read_folder": gettext_noop("cannot read folder: %(problem)s"),
        "cannot_read_file": gettext_noop("cannot read file: %(problem)s"),
        "file_over_limit": gettext_noop("file is over the limit of %(limit)s bytes"),
        "zip_unreadable": gettext_noop("not a readable zip: %(problem)s"),
        "zip_too_many_files": gettext_noop(
            "zip holds %(count)s files, over the limit of %(limit)s"
        ),
        "zip_too_large": gettext_noop("zip unpacks to %(size)s bytes, over the limit of %(limit)s"),
        "zip_empty": gettext_noop("zip holds no files"),
        "zip_unsafe_path": gettext_noop("unsafe path in the zip, not read"),
        "zip_symbolic_link": gettext_noop("symbolic link in the zip, not followed"),
        "zip_cannot_unpack": gettext_noop("cannot unpack: %(problem)s"),
        "zip_in_zip": gettext_noop("zip inside a zip, not unpacked"),
        "feed_pages_over_limit": gettext_noop(
            "no full text in the feed, and its page is over the limit of %(limit)s pages "
            "fetched per feed"
        ),
        "feed_item_without_link": gettext_noop("no full text in the feed and no link"),
        "feed_page_failed": gettext_noop(
            "no full text in the feed, and its page: %(page)s: %(reason)s"
        ),
        "server_answered": gettext_noop("the server answered HTTP %(status)s"),
        "page_answered": gettext_noop("answered HTTP %(status)s"),
    }
)

# Files a folder walk picks up; a file named directly is read whatever its name.
ARTICLE_SUFFIXES = frozenset({".txt", ".json", ".xml", ".rss", ".atom", ".html", ".htm", ".zip"})
VIRTUAL_FILESYSTEMS = (Path("/proc"), Path("/sys"), Path("/dev"))
URL_SCHEMES = ("http://", "https://")


@dataclass(frozen=True)
class ImportLimits:
    """The bounds of one import (docs/architecture/loader.md, "Limits")."""

    max_bytes: int  # one file, zip member or fetched body
    zip_max_entries: int
    zip_max_bytes: int  # uncompressed, all members of one zip
    fetch_timeout: float
    fetch_max_redirects: int
    fetch_max_bytes: int
    fetch_user_agent: str
    fetch_allow_private: bool
    feed_max_pages: int  # item pages fetched per feed (items without full text)
    parse_workers: int = 0  # processes reading and parsing a large folder (0: in-process)
    parallel_min_files: int = 500  # a folder this large is read by the workers

    @classmethod
    def from_settings(cls, *, max_bytes: int | None = None) -> "ImportLimits":
        return cls(
            max_bytes=max_bytes or settings.NEWSDESK_IMPORT_MAX_BYTES,
            zip_max_entries=settings.NEWSDESK_ZIP_MAX_ENTRIES,
            zip_max_bytes=settings.NEWSDESK_ZIP_MAX_BYTES,
            fetch_timeout=settings.NEWSDESK_FETCH_TIMEOUT,
            fetch_max_redirects=settings.NEWSDESK_FETCH_MAX_REDIRECTS,
            fetch_max_bytes=settings.NEWSDESK_FETCH_MAX_BYTES,
            fetch_user_agent=settings.NEWSDESK_FETCH_USER_AGENT,
            fetch_allow_private=settings.NEWSDESK_FETCH_ALLOW_PRIVATE,
            feed_max_pages=settings.NEWSDESK_FEED_MAX_PAGES_PER_POLL,
            parse_workers=settings.NEWSDESK_IMPORT_PARSE_WORKERS,
            parallel_min_files=settings.NEWSDESK_IMPORT_PARALLEL_MIN_FILES,
        )


Read = Iterator[ArticleInput | ImportReport]


def is_url(target: str | Path) -> bool:
    return isinstance(target, str) and target.lower().startswith(URL_SCHEMES)


def targets_read(targets: Iterable[str | Path], *, limits: ImportLimits) -> Read:
    """Every article in the named files, folders, zips and URLs, in order."""
    for target in targets:
        if is_url(target):
            yield from url_read(str(target), limits=limits)
        else:
            yield from path_read(Path(target), limits=limits)


def count_files(targets: Iterable[str | Path]) -> int:
    """How many files (and URLs) `targets_read` will read: for a progress bar."""
    total = 0
    for target in targets:
        if is_url(target):
            total += 1
        elif Path(target).is_dir():
            total += sum(1 for _ in _walk(Path(target)))
        else:
            total += 1
    return total


# Files and folders ------------------------------------------------------------------


def path_read(path: Path, *, limits: ImportLimits) -> Read:
    """The articles in one named file, zip or folder (the folder is the import root)."""
    shown = printable_name(path)
    try:
        info = path.stat()  # a root named by the user may be a link to its real place
    except OSError as error:
        if not os.path.lexists(path):
            yield ImportReport(shown, ImportStatus.FAILED, Reason("no_such_path"))
        else:
            yield ImportReport(
                shown, ImportStatus.FAILED, Reason("cannot_read", problem=_os_reason(error))
            )
        return
    if _is_virtual(path):
        yield ImportReport(shown, ImportStatus.FAILED, Reason("system_file"))
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _folder_read(path, limits=limits)
    elif path.is_symlink():
        yield ImportReport(shown, ImportStatus.FAILED, Reason("symbolic_link"))
    elif stat.S_ISREG(info.st_mode):
        yield from _file_read(path, identity=printable_name(path.name), limits=limits)
    else:
        yield ImportReport(shown, ImportStatus.FAILED, Reason("not_regular_file"))


def _folder_read(root: Path, *, limits: ImportLimits) -> Read:
    """A folder's files in walk order; a large folder's read and parsed in worker
    processes (`ingest.parallel`), a small one's in this process."""
    items = list(_walk(root))
    if not items:
        yield ImportReport(
            printable_name(root), ImportStatus.FAILED, Reason("folder_without_articles")
        )
        return
    workers = parse_workers(sum(1 for item in items if isinstance(item, tuple)), limits=limits)
    if workers:
        yield from parallel_map(partial(walked_chunk_read, limits=limits), items, workers=workers)
    else:
        yield from _walked_read(items, limits=limits)


def parse_workers(files: int, *, limits: ImportLimits) -> int:
    """How many worker processes read and parse a folder of `files` files (0: none)."""
    return limits.parse_workers if files >= limits.parallel_min_files else 0


Walked = tuple[Path, str] | ImportReport  # a file and its identity, or a walk's report


def walked_chunk_read(
    items: Sequence[Walked], *, limits: ImportLimits
) -> list[ArticleInput | ImportReport]:
    """What `_walked_read` reads from `items`, at once: a worker's task."""
    return list(_walked_read(items, limits=limits))


def _walked_read(items: Iterable[Walked], *, limits: ImportLimits) -> Read:
    """The articles in files found by `_walk`, its reports passed through, in order."""
    for item in items:
        if isinstance(item, ImportReport):
            yield item
        else:
            path, relative = item
            yield from _file_read(path, identity=printable_name(relative), limits=limits)


def _walk(root: Path, relative: str = "") -> Iterator[Walked]:
    """Regular article files below `root`, sorted, each with its path relative to the
    walk's root ("x/bericht.txt"); links and special files reported."""
    try:
        entries = sorted(os.scandir(root), key=lambda e: os.fsencode(e.name))
    except OSError as error:
        yield ImportReport(
            printable_name(root),
            ImportStatus.FAILED,
            Reason("cannot_read_folder", problem=_os_reason(error)),
        )
        return
    for entry in entries:
        path = Path(entry.path)
        name = f"{relative}/{entry.name}" if relative else entry.name
        if entry.is_symlink():
            if path.suffix.lower() in ARTICLE_SUFFIXES or path.is_dir():
                yield ImportReport(
                    printable_name(path), ImportStatus.FAILED, Reason("symbolic_link")
                )
        elif entry.is_dir(follow_symlinks=False):
            yield from _walk(path, name)
        elif path.suffix.lower() in ARTICLE_SUFFIXES:
            if entry.is_file(follow_symlinks=False):
                yield path, name
            else:
                yield ImportReport(
                    printable_name(path), ImportStatus.FAILED, Reason("not_regular_file")
                )


def _is_virtual(path: Path) -> bool:
    resolved = path.resolve()
    return any(resolved.is_relative_to(root) for root in VIRTUAL_FILESYSTEMS)


def _file_read(path: Path, *, identity: str, limits: ImportLimits) -> Read:
    shown = printable_name(path)
    try:
        data = _read_regular(path, max_bytes=limits.max_bytes)
    except RejectedInput as error:
        yield ImportReport(shown, ImportStatus.FAILED, error.reason)
        return
    if path.suffix.lower() == ".zip" or data.startswith(b"PK\x03\x04"):
        yield from _zip_read(data, source=shown, limits=limits)
        return
    yield from data_read(data, source=shown, identity=identity, limits=limits)


def _read_regular(path: Path, *, max_bytes: int) -> bytes:
    """The bytes of a regular file, refusing links and more than `max_bytes` bytes."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise RejectedInput(Reason("cannot_read_file", problem=_os_reason(error))) from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise RejectedInput(Reason("not_regular_file"))
        if info.st_size > max_bytes:
            raise RejectedInput(Reason("file_too_large", size=info.st_size, limit=max_bytes))
        data = _read_at_most(descriptor, max_bytes + 1, expected=info.st_size)
    except OSError as error:
        raise RejectedInput(Reason("cannot_read_file", problem=_os_reason(error))) from None
    finally:
        os.close(descriptor)
    if len(data) > max_bytes:
        raise RejectedInput(Reason("file_over_limit", limit=max_bytes))
    return data


def _read_at_most(descriptor: int, limit: int, *, expected: int) -> bytes:
    """Up to `limit` bytes; asks for the size stat reported (+1 to see a file that grew)
    rather than for `limit` at once, which would allocate the whole limit for every file."""
    chunks: list[bytes] = []
    total = 0
    step = max(expected + 1, 64 * 1024)
    while total < limit:
        chunk = os.read(descriptor, min(step, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _os_reason(error: OSError) -> str:
    return error.strerror or str(error)


# Zips -------------------------------------------------------------------------------


def _zip_read(data: bytes, *, source: str, limits: ImportLimits) -> Read:
    """The articles in a zip's members; the zip is their import root."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as error:
        yield ImportReport(
            source, ImportStatus.FAILED, Reason("zip_unreadable", problem=str(error))
        )
        return
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()]
        if len(members) > limits.zip_max_entries:
            yield ImportReport(
                source,
                ImportStatus.FAILED,
                Reason("zip_too_many_files", count=len(members), limit=limits.zip_max_entries),
            )
            return
        total = sum(m.file_size for m in members)
        if total > limits.zip_max_bytes:
            yield ImportReport(
                source,
                ImportStatus.FAILED,
                Reason("zip_too_large", size=total, limit=limits.zip_max_bytes),
            )
            return
        if not members:
            yield ImportReport(source, ImportStatus.FAILED, Reason("zip_empty"))
        for member in members:
            yield from _member_read(archive, member, source=source, limits=limits)


def _member_read(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, *, source: str, limits: ImportLimits
) -> Read:
    name = member.filename
    shown = f"{source}:{name}"
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
        yield ImportReport(shown, ImportStatus.FAILED, Reason("zip_unsafe_path"))
        return
    if stat.S_ISLNK(member.external_attr >> 16):
        yield ImportReport(shown, ImportStatus.FAILED, Reason("zip_symbolic_link"))
        return
    if member.file_size > limits.max_bytes:
        yield ImportReport(
            shown,
            ImportStatus.FAILED,
            Reason("file_too_large", size=member.file_size, limit=limits.max_bytes),
        )
        return
    try:
        with archive.open(member) as file:
            data = file.read(limits.max_bytes + 1)  # the header's size may lie
    except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError) as error:
        yield ImportReport(
            shown, ImportStatus.FAILED, Reason("zip_cannot_unpack", problem=str(error))
        )
        return
    if len(data) > limits.max_bytes:
        yield ImportReport(
            shown, ImportStatus.FAILED, Reason("file_over_limit", limit=limits.max_bytes)
        )
        return
    if data.startswith(b"PK\x03\x04"):
        yield ImportReport(shown, ImportStatus.FAILED, Reason("zip_in_zip"))
        return
    yield from data_read(data, source=shown, identity="/".join(parts), limits=limits)


# Bytes of any format ----------------------------------------------------------------


def data_read(
    data: bytes, *, source: str, identity: str, limits: ImportLimits, base_url: str = ""
) -> Read:
    """The articles in one file's bytes, its format detected by content.

    `identity` is the file's (relative path or URL); items with their own URI keep it.
    Feed items without full text get their page fetched (at most `feed_max_pages`).
    """
    try:
        try:
            kind = detect_format(data, name=source)
        except FormatError:
            if not source.lower().endswith(".txt"):
                raise
            kind = Format.TEXT  # a text that starts with a tag ("<script> steht im Text")
        if kind is Format.TEXT:
            yield text_input(data, source=source, identity=identity, max_bytes=limits.max_bytes)
            return
        items: Sequence[IncomingArticle | FormatError]
        if kind in (Format.RSS, Format.ATOM):
            # An item that cannot be read is reported; the feed's other items come in.
            items = feed_articles(data, source=source, max_chars=limits.max_bytes)
        elif kind is Format.NINJS:  # likewise a list of agency items
            items = ninjs_articles(data, source=source, max_chars=limits.max_bytes)
        else:
            items = parse_as(kind, data, source=source, max_chars=limits.max_bytes)
    except (FormatError, RejectedInput) as error:
        yield ImportReport(source, ImportStatus.FAILED, error.reason)
        return
    raw = data.decode("utf-8", errors="replace") if len(items) == 1 else ""
    pages = 0
    for number, item in enumerate(items, start=1):
        if isinstance(item, FormatError):  # a feed's item, named by its id or place
            yield ImportReport(item.source, ImportStatus.FAILED, item.reason)
            continue
        shown = source if len(items) == 1 else f"{source} [{item.identity or number}]"
        item.source_name = shown
        if item.needs_fetch:
            if pages >= limits.feed_max_pages:
                yield ImportReport(
                    shown,
                    ImportStatus.FAILED,
                    Reason("feed_pages_over_limit", limit=limits.feed_max_pages),
                )
                continue
            pages += 1
            completed = item_complete(item, limits=limits)
            if isinstance(completed, ImportReport):
                yield completed
                continue
            item = completed
        own = item.identity or (identity if len(items) == 1 else f"{identity}#{number}")
        yield incoming_input(item, identity=own, raw_text=raw)


def item_complete(item: IncomingArticle, *, limits: ImportLimits) -> IncomingArticle | ImportReport:
    """A feed item without full text, completed from its page; a failure report if not."""
    shown = printable_name(item.source_name)
    if not item.link:
        return ImportReport(shown, ImportStatus.FAILED, Reason("feed_item_without_link"))
    try:
        result = fetch_url(item.link, limits=limits)
        if result.status != 200:
            raise FetchError(
                item.link, Reason("page_answered", status=result.status), status=result.status
            )
        page = parse_html(result.body, source=result.final_url, max_chars=limits.max_bytes)
    except (FetchError, FormatError) as error:
        where = error.url if isinstance(error, FetchError) else error.source or "input"
        refusal = Reason("feed_page_failed", page=where, reason=error.reason)
        return ImportReport(shown, ImportStatus.FAILED, refusal)
    # The feed's identity, title and date stay: the page only gives the text (and what
    # the feed left out).
    return replace(
        item,
        body=page.body,
        blocks=page.blocks,
        title=item.title if not item.title_derived else page.title,
        title_derived=item.title_derived and page.title_derived,
        byline=item.byline or page.byline,
        published_on=item.published_on or page.published_on,
        date_precision=item.date_precision if item.published_on else page.date_precision,
        publisher_name=item.publisher_name or page.publisher_name,
        language=item.language or page.language,
        needs_fetch=False,
    )


# URLs -------------------------------------------------------------------------------


def url_read(url: str, *, limits: ImportLimits) -> Read:
    """The articles at a URL: a web page, a feed (items completed from their pages), ninjs."""
    try:
        result = fetch_url(
            url, limits=limits, max_bytes=min(limits.fetch_max_bytes, limits.max_bytes)
        )
    except FetchError as error:
        yield ImportReport(url, ImportStatus.FAILED, error.reason)
        return
    if result.status != 200:
        yield ImportReport(
            url, ImportStatus.FAILED, Reason("server_answered", status=result.status)
        )
        return
    yield from data_read(result.body, source=url, identity=result.final_url, limits=limits)


def fetch_url(
    url: str,
    *,
    limits: ImportLimits,
    max_bytes: int | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
) -> FetchResult:
    """`ingest.fetching.fetch` under the import's limits: at most `max_bytes` read (the
    fetch limit by default), conditional where validators are given."""
    return fetch(
        url,
        max_bytes=limits.fetch_max_bytes if max_bytes is None else max_bytes,
        timeout=limits.fetch_timeout,
        user_agent=limits.fetch_user_agent,
        allow_private=limits.fetch_allow_private,
        max_redirects=limits.fetch_max_redirects,
        etag=etag,
        last_modified=last_modified,
    )


def inputs_from(
    items: Iterable[IncomingArticle | ArticleInput | ImportReport], *, limits: ImportLimits
) -> Read:
    """Parsed articles as inputs: feed items without text completed, identities filled."""
    for item in items:
        if isinstance(item, ArticleInput | ImportReport):
            yield item
            continue
        if item.needs_fetch:
            completed = item_complete(item, limits=limits)
            if isinstance(completed, ImportReport):
                yield completed
                continue
            item = completed
        yield incoming_input(item)


__all__: Sequence[str] = [
    "ImportLimits",
    "count_files",
    "data_read",
    "fetch_url",
    "inputs_from",
    "item_complete",
    "path_read",
    "targets_read",
    "url_read",
]
