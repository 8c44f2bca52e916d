"""Formatting for portal pages: money in the clinic's currency and instants on the
clinic's wall clock, in the page's language (one formatting module per side, STYLE.md)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import template
from django.utils import translation

from accounts.models import Clinic
from commerce.pricing import money_format
from core.dates import LRI, PDI, date_format, is_rtl, message_datetime_format, time_format
from core.masking import format_phone

RLM = "\u200f"

register = template.Library()


def _language() -> str:
    return translation.get_language() or "en"


@register.simple_tag
def money(amount: Decimal, currency: str) -> str:
    """``amount`` in ``currency`` as the page's language writes it (``R$ 1.200,00``). On a
    right-to-left page it is a left-to-right isolate without CLDR's leading
    right-to-left mark, so a Latin symbol stays whole (``3,200.00 R$``, not ``$R``)."""
    language = _language()
    text = money_format(amount, currency, language)
    return f"{LRI}{text.replace(RLM, '')}{PDI}" if is_rtl(language) else text


@register.filter
def phone(e164: str) -> str:
    """A clinic's number as people dial it from anywhere: international form with
    hyphens between digit groups (``+55-11-97120-1120``)."""
    return format_phone(e164, region=None)


@register.simple_tag
def when(instant: dt.datetime, clinic: Clinic) -> str:
    """Weekday, day, month and time of ``instant`` on ``clinic``'s wall clock."""
    return message_datetime_format(instant, zone=clinic.time_zone, language=_language())


@register.simple_tag
def clock(instant: dt.datetime, clinic: Clinic) -> str:
    """Hours and minutes of ``instant`` on ``clinic``'s wall clock (24-hour)."""
    return time_format(instant, zone=clinic.time_zone, language=_language())


@register.simple_tag
def day(value: dt.date) -> str:
    """A date in the page's language (Buddhist era in Thai)."""
    return date_format(value, language=_language(), style="full")


@register.simple_tag
def local_day(instant: dt.datetime, clinic: Clinic) -> str:
    """The clinic-local date of ``instant`` in the page's language (Buddhist era in Thai)."""
    return date_format(clinic.date_at(instant), language=_language(), style="full")


@register.simple_tag
def hhmm(value: dt.time | None) -> str:
    """A wall-clock time as ``09:00``."""
    return value.strftime("%H:%M") if value is not None else ""


@register.filter
def get_item(mapping: dict[str, object] | None, key: str) -> object:
    """``mapping[key]`` (``None`` when missing): field errors named like ``consents.treatment``."""
    return (mapping or {}).get(key)


@register.filter
def direction(language: str) -> str:
    """``rtl`` or ``ltr``: the writing direction of text in ``language`` (a consent
    form's wording is in its own language, whatever the page's), so a title that opens
    with a Latin brand name (``Botox``) still reads right to left in Arabic."""
    return "rtl" if is_rtl(language) else "ltr"
