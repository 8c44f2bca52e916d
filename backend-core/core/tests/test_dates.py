"""The one formatter of dates and times in documents and messages (``core.dates``)."""

import datetime as dt

import pytest
from django.utils import timezone

from core.dates import (
    date_format,
    is_rtl,
    isolate,
    local_date,
    message_datetime_format,
    time_range_format,
)

BANGKOK, SAO_PAULO = "Asia/Bangkok", "America/Sao_Paulo"


@pytest.mark.parametrize(
    ("language", "style", "expected"),
    [
        ("en", "medium", "Jun 11, 2026"),
        ("pt-BR", "medium", "11 de jun. de 2026"),
        ("th", "medium", "11 มิ.ย. 2569"),
        ("th", "long", "11 มิถุนายน พ.ศ. 2569"),
        ("th", "short", "11/6/2569"),
        ("ar", "medium", "\u2068\u200f11\u200f/06\u200f/2026\u2069"),
    ],
)
def test_dates_in_every_language_and_the_buddhist_era_in_thai(language, style, expected):
    text = date_format(dt.date(2026, 6, 11), language=language, style=style)
    assert text.replace("\u200f", "") == expected.replace("\u200f", "")


@pytest.mark.parametrize("clock", ["23:30"], indirect=True)
def test_the_day_is_the_clinics_when_utc_is_still_on_the_previous_one(clock):
    # 23:30 UTC on 10 June is 06:30 on 11 June in Bangkok: the document shows the 11th.
    now = timezone.now()
    assert now.date() == dt.date(2026, 6, 10)
    assert date_format(local_date(now, zone=BANGKOK), language="th") == "11 มิ.ย. 2569"
    assert date_format(local_date(now, zone=SAO_PAULO), language="pt-br") == "10 de jun. de 2026"


@pytest.mark.parametrize("clock", ["02:00"], indirect=True)
def test_times_are_the_clinics_whatever_the_servers_zone(clock, settings):
    settings.TIME_ZONE = "Europe/London"
    now = timezone.now()
    assert message_datetime_format(now, zone=SAO_PAULO, language="pt-BR") == "ter., 9 de jun. 23:00"
    assert message_datetime_format(now, zone=BANGKOK, language="th") == "พ. 10 มิ.ย. 09:00"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Tue, Nov 25 14:30"), ("pt-BR", "ter., 25 de nov. 14:30"), ("th", "อ. 25 พ.ย. 14:30")],
)
def test_message_times_are_in_the_clinics_zone_and_language(language, expected):
    instant = dt.datetime(2025, 11, 25, 7, 30, tzinfo=dt.UTC)
    assert message_datetime_format(instant, zone=BANGKOK, language=language) == expected


def test_naive_instants_are_refused():
    with pytest.raises(ValueError, match="aware"):
        message_datetime_format(dt.datetime(2025, 11, 25, 7, 30), zone=BANGKOK, language="en")  # noqa: DTZ001


def test_a_time_range_is_an_isolate_so_arabic_never_flips_it():
    start = dt.datetime(2026, 6, 10, 2, 0, tzinfo=dt.UTC)
    text = time_range_format(start, start + dt.timedelta(hours=1), zone=BANGKOK, language="ar")
    assert text == "\u206809:00\u201310:00\u2069"
    assert isolate("+66 2 123 4567") == "\u2068+66 2 123 4567\u2069"


def test_right_to_left_languages():
    assert is_rtl("ar") and not is_rtl("th") and not is_rtl("pt-BR") and not is_rtl("xx-unknown")


def test_unknown_languages_fall_back_to_english():
    assert date_format(dt.date(2026, 6, 11), language="xx") == "Jun 11, 2026"
