"""Many patients booking the same free time at once through the portal's pages: the one
booking service and its no-overlap constraint give it to exactly one of them, and every
other patient is told the time was just taken (a 400 naming ``starts_at``), never a 500."""

from __future__ import annotations

import secrets
from concurrent.futures import ThreadPoolExecutor
from importlib import import_module

import httpx
import pytest
from django.conf import settings
from django.urls import reverse

from portal import services
from portal.models import PortalAccount
from portal.tests.test_views import _starts
from scheduling.models import Appointment

pytestmark = pytest.mark.usefixtures("clock")

PATIENTS = 200


def _session_cookie(account: PortalAccount) -> str:
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[services.PORTAL_SESSION_KEY] = str(account.pk)
    store[services.PORTAL_SESSION_HASH_KEY] = services.portal_session_hash(account)
    store.create()
    return str(store.session_key)


@pytest.mark.timeout(600)
@pytest.mark.django_db(transaction=True)
def test_two_hundred_concurrent_portal_bookings_of_one_slot_end_with_exactly_one(
    world, published, make_patient, live_server
):
    accounts = [make_patient(seed=1000 + i) for i in range(PATIENTS)]
    cookies = [_session_cookie(account) for account in accounts]
    url = f"{live_server.url}{reverse('portal:book', args=[published.slug])}"
    starts_at = _starts(published, 11)

    def book(session_key: str) -> tuple[int, str]:
        csrf = secrets.token_hex(16)  # an unmasked 32-character secret, as the cookie holds
        form = {
            "service": str(world.b.service.pk),
            "starts_at": starts_at,
            "consent_treatment": "yes",
            "csrfmiddlewaretoken": csrf,
        }
        jar = {settings.SESSION_COOKIE_NAME: session_key, settings.CSRF_COOKIE_NAME: csrf}
        answer = httpx.post(url, data=form, cookies=jar, timeout=60)
        return answer.status_code, answer.text

    # Ten at a time: the live server's listen backlog is ten (django WSGIServer
    # request_queue_size); more simultaneous connects are reset before reaching the app.
    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(book, cookies))
    codes = [code for code, _ in answers]
    assert codes.count(302) == 1, codes
    assert codes.count(400) == PATIENTS - 1, codes
    assert all('id="starts_at-error"' in body for code, body in answers if code == 400)
    booked = Appointment.unscoped.filter(clinic=published, source=Appointment.Source.PORTAL)
    assert booked.count() == 1
