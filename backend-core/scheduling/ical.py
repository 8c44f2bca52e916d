"""iCalendar (RFC 5545) feed of a practitioner's appointments at every clinic, so a
doctor who works at several clinics sees all bookings in one phone calendar.

The feed URL carries a signed token (``django.core.signing``, salted per purpose)
instead of a login, because calendar apps cannot sign in; anyone holding the URL can
read the feed, so it carries as little personal data as the job needs: service,
clinic and chart number, never the patient's name or contact data (PDPA s22 / LGPD
Art. 6 III data minimization).
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.core import signing
from django.utils import timezone
from icalendar import Calendar, Event

from accounts.models import User
from scheduling.models import ACTIVE_STATUSES, Appointment

FEED_SALT = "scheduling.ical-feed"
PAST_DAYS, FUTURE_DAYS = 30, 180


def feed_token(user: User) -> str:
    """A URL-safe token naming ``user``'s feed (signed with the secret key)."""
    return signing.dumps(str(user.pk), salt=FEED_SALT, compress=True)


def feed_user_id(token: str) -> uuid.UUID | None:
    """The user a token names, or ``None`` for a forged or malformed token."""
    try:
        return uuid.UUID(signing.loads(token, salt=FEED_SALT))
    except (signing.BadSignature, ValueError, TypeError):
        return None


def feed_url(user: User) -> str:
    return f"{settings.PUBLIC_BASE_URL}/api/v1/calendar/feeds/{feed_token(user)}.ics"


def practitioner_calendar(*, user_id: uuid.UUID, now: dt.datetime | None = None) -> bytes:
    """The practitioner's active appointments from 30 days ago to 180 days ahead, at
    every clinic (a read across clinics on purpose: it is the practitioner's own
    calendar), as an iCalendar document."""
    now = now or timezone.now()
    appointments = (
        Appointment.unscoped.filter(
            practitioner_id=user_id,
            status__in=ACTIVE_STATUSES,
            starts_at__gte=now - dt.timedelta(days=PAST_DAYS),
            starts_at__lt=now + dt.timedelta(days=FUTURE_DAYS),
        )
        .select_related("service", "clinic", "patient", "room")
        .order_by("starts_at")
    )
    calendar = Calendar()
    calendar.add("prodid", "-//AesthetixOS//Practitioner calendar//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "AesthetixOS")
    for appointment in appointments:
        event = Event()
        event.add("uid", f"{appointment.pk}@aesthetixos")
        event.add("dtstamp", appointment.updated_at)
        event.add("dtstart", appointment.starts_at)
        event.add("dtend", appointment.ends_at)
        event.add("summary", f"{appointment.service.name} · {appointment.patient.chart_number}")
        place = appointment.clinic.name + (f" · {appointment.room.name}" if appointment.room else "")
        event.add("location", place)
        event.add("status", "CONFIRMED" if appointment.status != Appointment.Status.BOOKED else "TENTATIVE")
        calendar.add_component(event)
    return bytes(calendar.to_ical())
