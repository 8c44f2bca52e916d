"""The patient's writes on their own records: moving an appointment through the one move
service, consents through the chart's consent record, copies of their data and
erasure/correction requests through compliance's data-subject requests."""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import connection

from audit.models import AuditEvent
from compliance.models import DataSubjectRequest
from core.exceptions import NotFound, ValidationFailed
from core.tenancy import clinic_context
from patients.models import ClinicPatient, Consent, ConsentPurpose, PatientProfile
from patients.selectors import consent_current
from portal import services, services_my
from portal.models import PortalAccount
from portal.tests.conftest import MONDAY
from scheduling.models import Appointment

pytestmark = pytest.mark.usefixtures("clock")


def at(clinic, hour: int, minute: int = 0, day: dt.date = MONDAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=clinic.zone)


def book(account: PortalAccount, clinic, service, hour: int = 10) -> Appointment:
    return services.portal_book(
        account=account,
        clinic_slug=clinic.slug,
        service_id=str(service.pk),
        practitioner_id="",
        starts_at=at(clinic, hour),
        consents={ConsentPurpose.TREATMENT: True, ConsentPurpose.MARKETING_MESSAGES: True},
    )


def own_world_patient(world, account: PortalAccount) -> ClinicPatient:
    """The world's São Paulo patient (with an appointment, a sale, an invoice and a course
    balance) becomes ``account``'s: as if the person had joined their chart."""
    PatientProfile.objects.filter(pk=world.b.patient.profile_id).update(identity=account.identity)
    return world.b.patient


# --------------------------------------------------------------------- reschedule


def test_reschedule_moves_own_appointment_to_a_free_time_of_its_practitioner(world, published, make_patient):
    account = make_patient()
    appointment = book(account, published, world.b.service)
    moved = services_my.portal_appointment_reschedule(
        account=account, appointment_id=str(appointment.pk), starts_at=at(published, 15)
    )
    assert moved.pk == appointment.pk and moved.starts_at == at(published, 15)
    assert moved.ends_at - moved.starts_at == timedelta(minutes=world.b.service.duration_minutes)
    assert moved.practitioner_id == appointment.practitioner_id and moved.source == Appointment.Source.PORTAL
    assert AuditEvent.unscoped.filter(
        clinic=published, action="appointment.rescheduled", object_id=str(appointment.pk), actor=None
    ).exists()


def test_reschedule_refuses_a_busy_or_closed_time_and_another_patients_appointment(
    world, published, make_patient
):
    mine, other = make_patient(seed=1), make_patient(seed=2)
    appointment = book(mine, published, world.b.service, hour=10)
    book(other, published, world.b.service, hour=14)
    for taken in (
        at(published, 14),
        at(published, 7),
        at(published, 10, 15),
    ):  # busy, closed, overlaps itself
        with pytest.raises(ValidationFailed) as refused:
            services_my.portal_appointment_reschedule(
                account=mine, appointment_id=str(appointment.pk), starts_at=taken
            )
        assert set(refused.value.errors) == {"starts_at"}
    with pytest.raises(NotFound):
        services_my.portal_appointment_reschedule(
            account=other, appointment_id=str(appointment.pk), starts_at=at(published, 15)
        )
    appointment.refresh_from_db()
    assert appointment.starts_at == at(published, 10)


def test_reschedule_follows_the_clinics_window_like_cancel(world, published, make_patient, time_machine):
    account = make_patient()
    appointment = book(account, published, world.b.service)
    hours = published.late_cancellation_hours
    time_machine.move_to(at(published, 10) - timedelta(hours=hours - 1), tick=True)
    with pytest.raises(ValidationFailed) as late:
        services_my.portal_appointment_reschedule(
            account=account, appointment_id=str(appointment.pk), starts_at=at(published, 15)
        )
    assert set(late.value.errors) == {"appointment"}
    time_machine.move_to(at(published, 10) - timedelta(hours=hours + 1), tick=True)
    moved = services_my.portal_appointment_reschedule(
        account=account, appointment_id=str(appointment.pk), starts_at=at(published, 15)
    )
    assert moved.starts_at == at(published, 15)


# ----------------------------------------------------------------------- consents


def test_withdrawing_marketing_consent_shows_on_the_clinics_chart_and_is_audited(
    world, published, make_patient
):
    account = make_patient()
    appointment = book(account, published, world.b.service)
    services_my.portal_consent_change(
        account=account,
        clinic_id=str(published.pk),
        purpose=ConsentPurpose.MARKETING_MESSAGES,
        granted=False,
        language="pt-br",
    )
    with clinic_context(published):
        current = consent_current(patient=appointment.patient, purpose=ConsentPurpose.MARKETING_MESSAGES)
    assert current.decision == Consent.Decision.WITHDRAWN and current.channel == Consent.Channel.PORTAL
    assert current.recorded_by is None
    assert AuditEvent.unscoped.filter(
        clinic=published, action="consent.withdrawn", object_id=str(appointment.patient_id)
    ).exists()
    granted = services_my.portal_consent_change(
        account=account,
        clinic_id=str(published.pk),
        purpose=ConsentPurpose.DATA_SHARING,
        granted=True,
        language="pt-br",
    )
    assert granted.decision == Consent.Decision.GRANTED and granted.text.locale == "pt-br"


def test_consent_change_needs_a_chart_there_and_a_purpose_of_my_data(world, published, make_patient):
    account = make_patient()
    book(account, published, world.b.service)
    with pytest.raises(NotFound):
        services_my.portal_consent_change(
            account=account,
            clinic_id=str(world.a.clinic.pk),
            purpose="data_sharing",
            granted=False,
            language="en",
        )
    with pytest.raises(ValidationFailed) as bad:
        services_my.portal_consent_change(
            account=account, clinic_id=str(published.pk), purpose="treatment", granted=False, language="en"
        )
    assert set(bad.value.errors) == {"purpose"}
    # No photo text published at this clinic: a grant is refused, a withdrawal is not.
    with pytest.raises(ValidationFailed) as no_text:
        services_my.portal_consent_change(
            account=account,
            clinic_id=str(published.pk),
            purpose=ConsentPurpose.MARKETING_PHOTOS,
            granted=True,
            language="en",
        )
    assert set(no_text.value.errors) == {"text"}


# ------------------------------------------------------------ data-subject requests


def test_a_second_erasure_request_while_one_is_open_creates_none(world, published, make_patient):
    account = make_patient()
    book(account, published, world.b.service)
    first, created = services_my.portal_erasure_request(account=account, clinic_id=str(published.pk))
    again, created_again = services_my.portal_erasure_request(account=account, clinic_id=str(published.pk))
    assert created and not created_again and again.pk == first.pk
    assert first.status == DataSubjectRequest.Status.RECEIVED and first.received_by is None
    assert first.due_on == published.today() + timedelta(days=30)
    # Once the desk closed it, a new request is a new one.
    DataSubjectRequest.unscoped.filter(pk=first.pk).update(status=DataSubjectRequest.Status.REJECTED)
    _third, created_third = services_my.portal_erasure_request(account=account, clinic_id=str(published.pk))
    assert created_third
    with pytest.raises(NotFound):
        services_my.portal_erasure_request(account=make_patient(seed=2), clinic_id=str(published.pk))


def test_a_correction_names_its_bad_fields_and_is_filed_once(world, published, make_patient):
    account = make_patient()
    book(account, published, world.b.service)
    clinic_id = str(published.pk)
    with pytest.raises(ValidationFailed) as nothing:
        services_my.portal_correction_request(
            account=account, clinic_id=clinic_id, values={"given_name": " "}
        )
    assert set(nothing.value.errors) == {"details"}
    with pytest.raises(ValidationFailed) as bad_date:
        services_my.portal_correction_request(
            account=account, clinic_id=clinic_id, values={"birth_date": "14/03"}
        )
    assert set(bad_date.value.errors) == {"birth_date"}
    values = {"family_name": "Souza Lima", "national_id": "ignored", "email": ""}
    dsr, created = services_my.portal_correction_request(account=account, clinic_id=clinic_id, values=values)
    again, created_again = services_my.portal_correction_request(
        account=account, clinic_id=clinic_id, values=values
    )
    assert created and not created_again and again.pk == dsr.pk
    assert dsr.kind == DataSubjectRequest.Kind.RECTIFICATION and dsr.details == {"family_name": "Souza Lima"}


def test_a_copy_of_my_data_is_the_desks_export_completed_at_once(world, published, make_patient):
    account = make_patient()
    own_world_patient(world, account)
    dsr = services_my.portal_export_create(account=account, clinic_id=str(published.pk))
    assert dsr.kind == DataSubjectRequest.Kind.EXPORT and dsr.status == DataSubjectRequest.Status.COMPLETED
    assert dsr.result["format"] == "aesthetix.patient-export/1"
    [chart] = dsr.result["clinics"]
    assert chart["chart_number"] == world.b.patient.chart_number
    assert chart["clinical"] is not None and chart["commerce"]["invoices"]
    with pytest.raises(NotFound):
        services_my.portal_export_create(account=account, clinic_id=str(world.a.clinic.pk))


@pytest.mark.django_db(transaction=True)
def test_erasure_requests_pressed_at_once_file_one(world, published, make_patient):
    """Six taps on "send" at once (each with its own database connection): the chart's
    row lock lets one request through; the others get that same request back."""
    account = make_patient()
    book(account, published, world.b.service)
    barrier = threading.Barrier(6, timeout=30)

    def attempt(_n: int) -> str:
        try:
            barrier.wait()
            dsr, _created = services_my.portal_erasure_request(account=account, clinic_id=str(published.pk))
            return str(dsr.pk)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=6) as pool:
        ids = set(pool.map(attempt, range(6), timeout=120))
    assert len(ids) == 1
    assert DataSubjectRequest.unscoped.filter(clinic=published, kind="erasure").count() == 1
