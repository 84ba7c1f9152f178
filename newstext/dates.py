"""Dates as news formats write them: ISO timestamps, month names, the newsroom's day."""

import datetime
import zoneinfo

# The day of publication is the newsroom's: an item sent at 23:40 UTC in February
# came out on the next day in Germany.
NEWSROOM_TIME = zoneinfo.ZoneInfo("Europe/Berlin")

# Month names in German (with Austria's "Jänner" and "Maerz" without the umlaut) and in
# English; `month_number` also takes what they are cut to ("Dez.", "Sept", "Dec").
_MONTH_NAMES = (
    ("januar", "jänner", "january"),
    ("februar", "february"),
    ("märz", "maerz", "march", "mrz"),
    ("april",),
    ("mai", "may"),
    ("juni", "june"),
    ("juli", "july"),
    ("august",),
    ("september",),
    ("oktober", "october"),
    ("november",),
    ("dezember", "december"),
)
SHORTEST_MONTH = 3


def parse_timestamp(value: str) -> datetime.datetime | None:
    """An ISO 8601 / RFC 3339 date-time ("Z" allowed), or None if it is not one."""
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        return None


def month_number(word: str) -> int | None:
    """The month (1-12) a month name gives, in German or English, whole or cut to at least
    three letters, with or without a dot ("Dezember", "Dez.", "Sept", "December"); None
    for any other word ("Märchen", "Abend")."""
    word = word.removesuffix(".").casefold()
    if len(word) < SHORTEST_MONTH:
        return None
    for number, names in enumerate(_MONTH_NAMES, start=1):
        if any(name.startswith(word) for name in names):
            return number
    return None


def newsroom_day(moment: datetime.datetime) -> datetime.date:
    """The day `moment` fell on in the newsroom; a time without an offset is taken as
    the newsroom's own."""
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(NEWSROOM_TIME).date()


def calendar_date(
    year: str, month: str | None, month_name: str | None, day: str
) -> datetime.date | None:
    """The date of a day, a month as a number or a name, and a year; None if none is."""
    number = int(month or month_number(month_name or "") or 0)
    try:
        return datetime.date(int(year), number, int(day))
    except ValueError:
        return None
