"""The desk takes an appointment's deposit (``/calendar/appointments/{id}/deposit``); the
visit's draft shows it applied in the till's *To collect* queue; cancelling in time
refunds it and a no-show or late cancellation forfeits it (the clinic's rule)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from catalog.models import Service
from commerce import selectors
from commerce.models import Deposit
from commerce.tests import factories as f
from core.roles import Role
from core.tenancy import clinic_context
from scheduling.models import Appointment

CALENDAR = "/api/v1/calendar/appointments"
EMR = "/api/v1/clinic"
QUEUE = "/api/v1/commerce/invoices/to-collect"


def fields(response):
    return {error["field"] for error in response.json()["errors"]}


@pytest.fixture
def desk(world):
    """Clinic A: the toxin (350.00, 7 % VAT on top) asks for a fixed 100.00 deposit."""
    a = world.a
    f.taxes(a.clinic, rate="7", inclusive=False)
    Service.unscoped.filter(pk=a.service.pk).update(deposit_kind="fixed", deposit_value=Decimal(100))
    return a


def _url(appointment):
    return f"{CALENDAR}/{appointment.pk}/deposit"


def _booked(tenant, starts_in):
    starts = timezone.now().replace(second=0, microsecond=0) + starts_in
    return Appointment.unscoped.create(
        clinic=tenant.clinic,
        patient=tenant.patient,
        practitioner=tenant.user(Role.DOCTOR),
        service=Service.unscoped.get(pk=tenant.service.pk),
        starts_at=starts,
        ends_at=starts + dt.timedelta(minutes=30),
        blocked_until=starts + dt.timedelta(minutes=30),
    )


def test_the_desk_sees_the_deposit_due_and_takes_it_once(api, desk):
    receptionist = api(desk.user(Role.RECEPTIONIST), desk.clinic)
    state = receptionist.get(_url(desk.appointment))
    assert state.status_code == 200
    assert {k: state.json()[k] for k in ("status", "amount", "currency", "paid")} == {
        "status": "due",
        "amount": "100.00",
        "currency": "THB",
        "paid": "0.00",
    }
    assert state.json()["payment_methods"] == ["cash", "card", "promptpay", "bank_transfer"]
    body = {"method": "cash", "idempotency_key": "dep-1"}
    taken = receptionist.post(_url(desk.appointment), body, format="json")
    assert taken.status_code == 200, taken.content
    assert (taken.json()["status"], taken.json()["paid"], taken.json()["method"]) == (
        "paid",
        "100.00",
        "cash",
    )
    assert taken.json()["invoice_number"].startswith("INV-")
    retry = receptionist.post(_url(desk.appointment), body, format="json")
    assert retry.status_code == 200 and retry.json() == taken.json()
    again = receptionist.post(_url(desk.appointment), body | {"idempotency_key": "dep-2"}, format="json")
    assert again.status_code == 409 and again.json()["code"] == "deposit_already_paid"


def test_bad_input_is_a_400_naming_the_field(api, desk):
    receptionist = api(desk.user(Role.RECEPTIONIST), desk.clinic)
    empty = receptionist.post(_url(desk.appointment), {}, format="json")
    assert empty.status_code == 400 and fields(empty) == {"method", "idempotency_key"}
    pix = receptionist.post(_url(desk.appointment), {"method": "pix", "idempotency_key": "k"}, format="json")
    assert pix.status_code == 400 and fields(pix) == {"method"}  # a Brazilian scheme in Thailand
    deposit = receptionist.post(
        _url(desk.appointment), {"method": "deposit", "idempotency_key": "k"}, format="json"
    )
    assert deposit.status_code == 400 and fields(deposit) == {"method"}
    assert not Deposit.unscoped.exists()


def test_another_clinics_appointment_is_a_404(api, desk, world):
    b_desk = api(world.b.user(Role.RECEPTIONIST), world.b.clinic)
    assert b_desk.get(_url(desk.appointment)).status_code == 404
    taken = b_desk.post(_url(desk.appointment), {"method": "cash", "idempotency_key": "x"}, format="json")
    assert taken.status_code == 404
    assert not Deposit.unscoped.exists()


def test_a_clinician_sees_it_but_does_not_take_money(api, desk):
    doctor = api(desk.user(Role.DOCTOR), desk.clinic)
    assert doctor.get(_url(desk.appointment)).status_code == 200
    taken = doctor.post(_url(desk.appointment), {"method": "cash", "idempotency_key": "x"}, format="json")
    assert taken.status_code == 403


def test_no_deposit_for_a_treatment_without_one_or_an_appointment_that_ended(api, world):
    receptionist = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    assert receptionist.get(_url(world.a.appointment)).json()["status"] == "none"
    body = {"method": "cash", "idempotency_key": "x"}
    none = receptionist.post(_url(world.a.appointment), body, format="json")
    assert none.status_code == 409 and none.json()["code"] == "deposit_not_required"
    Service.unscoped.filter(pk=world.a.service.pk).update(deposit_kind="percent", deposit_value=Decimal(10))
    Appointment.unscoped.filter(pk=world.a.appointment.pk).update(status=Appointment.Status.CANCELLED)
    ended = receptionist.post(_url(world.a.appointment), body, format="json")
    assert ended.status_code == 409 and ended.json()["code"] == "appointment_not_open"


def _cancel(client, appointment, capture):
    with capture(execute=True):  # the deposit follows the cancellation after it commits
        response = client.post(f"{CALENDAR}/{appointment.pk}/cancel", {"reason": "Travel"}, format="json")
    assert response.status_code == 200, response.content


def test_cancelled_in_time_the_deposit_is_refunded(api, desk, django_capture_on_commit_callbacks):
    appointment = _booked(desk, dt.timedelta(days=3))
    receptionist = api(desk.user(Role.RECEPTIONIST), desk.clinic)
    receptionist.post(_url(appointment), {"method": "card", "idempotency_key": "c"}, format="json")
    _cancel(receptionist, appointment, django_capture_on_commit_callbacks)
    state = receptionist.get(_url(appointment)).json()
    assert (state["status"], state["paid"]) == ("refunded", "0.00")
    with clinic_context(desk.clinic):
        accounts = {row["account"]: row["balance"] for row in selectors.trial_balance()["accounts"]}
        assert selectors.trial_balance()["total_balance"] == 0
    assert (
        accounts.get("customer_deposits", Decimal(0)) == 0 and accounts.get("card_clearing", Decimal(0)) == 0
    )


def test_a_late_cancellation_forfeits_it_as_a_no_show_fee(api, desk, django_capture_on_commit_callbacks):
    appointment = _booked(desk, dt.timedelta(hours=2))  # inside the 24-hour window
    receptionist = api(desk.user(Role.RECEPTIONIST), desk.clinic)
    receptionist.post(_url(appointment), {"method": "cash", "idempotency_key": "l"}, format="json")
    _cancel(receptionist, appointment, django_capture_on_commit_callbacks)
    assert receptionist.get(_url(appointment)).json()["status"] == "forfeited"
    with clinic_context(desk.clinic):
        accounts = {row["account"]: row["balance"] for row in selectors.trial_balance()["accounts"]}
    # The clinic's 7 % service tax is inside the fee kept: 100.00 = 93.46 + 6.54.
    assert accounts["revenue:no_show_fee"] == Decimal("-93.46")
    assert accounts["tax_payable"] == Decimal("-6.54")


def test_a_no_show_forfeits_it(api, desk, django_capture_on_commit_callbacks):
    appointment = _booked(desk, dt.timedelta(hours=2))
    receptionist = api(desk.user(Role.RECEPTIONIST), desk.clinic)
    receptionist.post(_url(appointment), {"method": "cash", "idempotency_key": "n"}, format="json")
    Appointment.unscoped.filter(pk=appointment.pk).update(starts_at=timezone.now() - dt.timedelta(minutes=5))
    with django_capture_on_commit_callbacks(execute=True):
        assert receptionist.post(f"{CALENDAR}/{appointment.pk}/no-show").status_code == 200
    assert receptionist.get(_url(appointment)).json()["status"] == "forfeited"


def test_the_visit_draft_shows_the_deposit_applied_and_the_balance_to_collect(api, desk):
    appointment = _booked(desk, dt.timedelta(hours=2))
    receptionist = api(desk.user(Role.RECEPTIONIST), desk.clinic)
    receptionist.post(_url(appointment), {"method": "cash", "idempotency_key": "v"}, format="json")
    doctor = api(desk.user(Role.DOCTOR), desk.clinic)
    visit = doctor.post(f"{EMR}/visits", {"appointment_id": str(appointment.pk)}, format="json").json()
    session = doctor.post(
        f"{EMR}/sessions",
        {
            "visit_id": visit["id"],
            "service_id": str(desk.service.pk),
            "practitioner_ids": [str(desk.user(Role.DOCTOR).pk)],
        },
        format="json",
    ).json()
    assert doctor.post(f"{EMR}/sessions/{session['id']}/start").status_code == 200
    assert doctor.post(f"{EMR}/sessions/{session['id']}/complete").status_code == 200
    assert doctor.post(f"{EMR}/visits/{visit['id']}/complete").status_code == 200
    [row] = api(desk.user(Role.CASHIER), desk.clinic).get(QUEUE).json()["results"]
    assert (row["total"], row["paid_total"], row["balance_due"]) == ("374.50", "100.00", "274.50")
    [applied] = row["payments"]
    assert (applied["method"], applied["method_label"], applied["amount"]) == (
        "deposit",
        "Deposit applied",
        "100.00",
    )
    state = receptionist.get(_url(appointment)).json()
    assert (state["status"], state["applied"], state["applied_invoice_id"]) == (
        "applied",
        "100.00",
        row["id"],
    )
