"""The one formatter of dates and times a person reads: documents (invoice PDF) and
messages (SMS, e-mail). Everything is shown in the clinic's time zone and the reader's
language (CLDR patterns through Babel), never the server's zone; Thai dates count years
in the Buddhist era (พ.ศ., Gregorian year + 543) as Thai readers expect; values that mix
directions (a time range, a phone number, a Latin product name inside Arabic text) are
wrapped in Unicode isolates so right-to-left text never reorders them.

``language`` is a language code as the project stores it (``en``, ``pt-br``, ``pt-BR``,
``pt_BR``, ``th``, ``ar``); unknown languages fall back to English.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, format_time

DateStyle = Literal["short", "medium", "long", "full"]

BUDDHIST_ERA_OFFSET = 543
FSI, LRI, PDI = "\u2068", "\u2066", "\u2069"  # first-strong isolate, left-to-right isolate, pop
EN_DASH = "\u2013"
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur"})

# A CLDR pattern: quoted literals ('de', '' for a quote) or runs of one pattern letter.
_PATTERN_PART = re.compile(r"'(?:[^']|'')*'|([A-Za-z])\1*|[^'A-Za-z]+")


def babel_locale(language: str) -> Locale:
    """The Babel locale of a project language code (``pt-br`` → ``pt_BR``); English when
    Babel does not know it."""
    head, _sep, tail = language.strip().replace("_", "-").partition("-")
    identifier = f"{head.lower()}_{tail.upper()}" if tail else head.lower()
    try:
        return Locale.parse(identifier)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def is_rtl(language: str) -> bool:
    """Whether ``language`` is written right to left (Arabic)."""
    return babel_locale(language).language in RTL_LANGUAGES


def isolate(text: str) -> str:
    """``text`` as a bidirectional island (FSI … PDI): its direction comes from its own
    first strong letter (left to right for digits and Latin), so "09:00-10:00" (with an en dash), a phone
    number or "Botox 50 U" keep their order inside Arabic text."""
    return f"{FSI}{text}{PDI}"


def _buddhist_pattern(pattern: str, year: int) -> str:
    """``pattern`` with its year fields replaced by the Buddhist-era year and its era
    field by "พ.ศ." (Babel formats the Gregorian calendar only)."""
    parts = []
    for match in _PATTERN_PART.finditer(pattern):
        part = match.group(0)
        if match.group(1) == "y":
            part = f"'{year + BUDDHIST_ERA_OFFSET}'"
        elif match.group(1) == "G":
            part = "'พ.ศ.'"
        parts.append(part)
    return "".join(parts)


def date_format(value: dt.date, *, language: str, style: DateStyle = "medium") -> str:
    """A calendar date (already the clinic's: ``clinic.date_at(...)`` or a due date) in
    ``language``'s CLDR ``style``: "Dec 6, 2026", "6 de dez. de 2026", "6 ธ.ค. 2569"
    (Buddhist era), "06/12/2026" in Arabic (isolated, so it never flips)."""
    locale = babel_locale(language)
    pattern = locale.date_formats[style].pattern
    if locale.language == "th":
        pattern = _buddhist_pattern(pattern, value.year)
    text = format_date(value, pattern, locale=locale)
    return isolate(text) if locale.language in RTL_LANGUAGES else text


def local_date(instant: dt.datetime, *, zone: str) -> dt.date:
    """The calendar date in ``zone`` at the aware ``instant`` (raises ``ValueError`` for a
    naive one)."""
    if instant.tzinfo is None:
        raise ValueError("an aware datetime is needed")
    return instant.astimezone(ZoneInfo(zone)).date()


def local_days_span(
    date_from: dt.date | None, date_to: dt.date | None, *, zone: str
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """The UTC instants that bound the clinic's local days ``date_from`` to ``date_to``
    (both inclusive) in ``zone``: ``[start of date_from, start of the day after date_to)``.
    Either end may be ``None`` (open). Local midnight is taken with ``fold=0``; a day a
    DST change skips midnight of still starts at the first instant of that date."""
    tz = ZoneInfo(zone)

    def start(day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(0), tzinfo=tz).astimezone(dt.UTC)

    return (
        start(date_from) if date_from else None,
        start(date_to + dt.timedelta(days=1)) if date_to else None,
    )


def time_format(instant: dt.datetime, *, zone: str, language: str) -> str:
    """Hours and minutes in ``zone``, 24-hour clock ("14:30"), for every language."""
    if instant.tzinfo is None:
        raise ValueError("an aware datetime is needed")
    return format_time(instant, "HH:mm", tzinfo=ZoneInfo(zone), locale=babel_locale(language))


def time_range_format(start: dt.datetime, end: dt.datetime, *, zone: str, language: str) -> str:
    """Two instants as "09:00-10:00" (joined by an en dash) in ``zone``, isolated so Arabic
    shows them in that order, never "10:00-09:00"."""
    first, last = (
        time_format(start, zone=zone, language=language),
        time_format(end, zone=zone, language=language),
    )
    return isolate(f"{first}{EN_DASH}{last}")


def message_datetime_format(instant: dt.datetime, *, zone: str, language: str) -> str:
    """``instant`` as a patient reads it in a message: weekday, day, month and 24-hour time
    in ``zone`` ("Tue, Nov 25 14:30", "ter., 25 de nov. 14:30", "อ. 25 พ.ย. 14:30"); no
    year, so no era. Raises ``ValueError`` for a naive ``instant``."""
    if instant.tzinfo is None:
        raise ValueError("an aware datetime is needed")
    locale = babel_locale(language)
    date_part = format_skeleton("MMMEd", instant, tzinfo=ZoneInfo(zone), locale=locale)
    return f"{date_part} {time_format(instant, zone=zone, language=language)}"
