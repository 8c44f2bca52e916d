"""The portal's services: sign-up, phone proof, sign-in with lockout, booking through the
one booking service, cancelling within the clinic's window."""

from __future__ import annotations

import datetime as dt
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone

from core.exceptions import AuthenticationFailedError, NotFound, ValidationFailed
from core.tasks import tasks_inline
from core.tenancy import clinic_context
from patients.models import ClinicPatient, Consent, ConsentPurpose, PatientProfile
from patients.tests.factories import PatientProfileFactory
from portal import services
from portal.models import PortalAccount, PortalPhoneCode
from portal.tests.conftest import MONDAY, PASSWORD, cpf_number, sent_codes
from scheduling.models import Appointment

pytestmark = pytest.mark.usefixtures("clock")

AGREED = {ConsentPurpose.TREATMENT: True, ConsentPurpose.MARKETING_MESSAGES: False}


def _at(clinic, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(MONDAY, dt.time(hour, minute), tzinfo=clinic.zone)


def _signup(**overrides) -> PortalAccount:
    signup = _signup_result(**overrides)
    assert signup.account is not None
    return signup.account


def _signup_result(**overrides) -> services.PortalSignup:
    fields = {
        "phone": "+5511987000001",
        "password": PASSWORD,
        "given_name": "Beatriz",
        "family_name": "Souza",
        "birth_date": dt.date(1991, 3, 14),
        "national_id": cpf_number(1),
        "national_id_country": "BR",
        "language": "pt-br",
    } | overrides
    with tasks_inline():
        return services.portal_account_signup(**fields)


def _request(ip: str = "203.0.113.9"):
    request = RequestFactory().post("/portal/signin/", REMOTE_ADDR=ip)
    return request


def test_signup_names_every_bad_field_at_once(db):
    with pytest.raises(ValidationFailed) as refused:
        _signup(
            phone="12",
            password="123",
            given_name=" ",
            birth_date=dt.date(2999, 1, 1),
            national_id="123.456.789-00",
        )
    assert set(refused.value.errors) == {"phone", "password", "given_name", "birth_date", "national_id"}
    assert not PortalAccount.objects.exists()


def test_signup_stores_e164_an_encrypted_id_and_sends_a_hashed_code(db, sms):
    account = _signup(phone="(11) 98700-0001")
    assert account.phone == "+5511987000001"
    assert account.phone_verified_at is None
    assert account.password != PASSWORD and account.identity_id is not None
    [code] = sent_codes(sms, "+5511987000001")
    stored = PortalPhoneCode.objects.get(account=account)
    assert code not in stored.code_hash and stored.expires_at > timezone.now()
    # The ID is stored encrypted: the column does not hold the number.
    with connection.cursor() as cursor:
        cursor.execute("SELECT national_id FROM portal_portalaccount WHERE id = %s", [account.pk])
        assert cpf_number(1) not in cursor.fetchone()[0]


def test_a_taken_phone_or_national_id_creates_nothing_says_nothing_and_tells_the_owner(db, sms, time_machine):
    first = _signup()
    same_phone = _signup_result(national_id=cpf_number(2))
    assert same_phone.account is None and same_phone.phone == first.phone
    time_machine.shift(timedelta(hours=1))
    same_id = _signup_result(phone="+5511987000002", national_id=cpf_number(1))
    assert same_id.account is None and same_id.phone == "+5511987000002"
    assert PortalAccount.objects.count() == 1
    rows = [json.loads(line) for line in sms.read_text().splitlines()]
    told = [row for row in rows if "tentou criar uma conta" in row["body"]]
    assert [row["to"] for row in told] == [first.phone, first.phone]  # once per attempt hour
    assert [row["to"] for row in rows] == [first.phone] * 3  # the code, then the two notices
    # Bad fields are still named: they tell nothing about anyone else.
    with pytest.raises(ValidationFailed) as refused:
        _signup_result(national_id=cpf_number(1), password="123")
    assert set(refused.value.errors) == {"password"}


def test_the_phone_code_dies_after_five_wrong_tries(db, sms, settings):
    account = _signup()
    [code] = sent_codes(sms, account.phone)
    for _ in range(settings.PORTAL_CODE_MAX_ATTEMPTS):
        with pytest.raises(ValidationFailed) as wrong:
            services.portal_phone_verify(account=account, code="000000" if code != "000000" else "111111")
        assert set(wrong.value.errors) == {"code"}
    with pytest.raises(ValidationFailed):
        services.portal_phone_verify(account=account, code=code)
    account.refresh_from_db()
    assert account.phone_verified_at is None


def test_the_right_code_proves_the_phone_once(db, sms):
    account = _signup()
    [code] = sent_codes(sms, account.phone)
    services.portal_phone_verify(account=account, code=code)
    account.refresh_from_db()
    assert account.phone_verified_at is not None
    with pytest.raises(ValidationFailed):
        services.portal_phone_verify(account=account, code=code)


def test_a_new_code_waits_a_minute(db, sms, time_machine):
    account = _signup()
    with tasks_inline():
        assert services.portal_phone_code_send(account=account) is False
    time_machine.shift(timedelta(seconds=61))
    with tasks_inline():
        assert services.portal_phone_code_send(account=account) is True
    assert len(sent_codes(sms, account.phone)) == 2


def test_sign_in_needs_a_proven_phone_and_the_password(db, make_patient):
    unproven = make_patient(seed=2, verified=False)
    with pytest.raises(AuthenticationFailedError):
        services.portal_sign_in(request=_request(), phone=unproven.phone, password=PASSWORD)
    account = make_patient(seed=3)
    with pytest.raises(AuthenticationFailedError):
        services.portal_sign_in(request=_request(), phone=account.phone, password="wrong-password")
    assert services.portal_sign_in(request=_request(), phone=account.phone, password=PASSWORD) == account
    with pytest.raises(ValidationFailed) as malformed:
        services.portal_sign_in(request=_request(), phone="12", password=PASSWORD)
    assert set(malformed.value.errors) == {"phone"}


def test_sign_in_locks_a_phone_out_after_five_failures_even_with_the_right_password(
    db, make_patient, settings
):
    account = make_patient()
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        with pytest.raises((AuthenticationFailedError, services.PortalLockedOut)):
            # Each from another address: the phone's own count locks it.
            services.portal_sign_in(
                request=_request(f"203.0.113.{attempt}"), phone=account.phone, password="x"
            )
    with pytest.raises(services.PortalLockedOut):
        services.portal_sign_in(request=_request("198.51.100.1"), phone=account.phone, password=PASSWORD)


def test_sign_in_locks_an_address_out_after_five_failures_for_any_phone(db, make_patient, settings):
    account = make_patient()
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        with pytest.raises((AuthenticationFailedError, services.PortalLockedOut)):
            services.portal_sign_in(request=_request(), phone=f"+55119870{attempt:05d}", password="x")
    with pytest.raises(services.PortalLockedOut):
        services.portal_sign_in(request=_request(), phone=account.phone, password=PASSWORD)


def _book(account, clinic, starts_at, service=None, practitioner_id="", consents=None):
    return services.portal_book(
        account=account,
        clinic_slug=clinic.slug,
        service_id=str(service.pk) if service else "",
        practitioner_id=practitioner_id,
        starts_at=starts_at,
        consents=AGREED if consents is None else consents,
    )


def test_booking_registers_the_patient_with_their_consents_and_books_with_source_portal(
    world, published, make_patient
):
    account = make_patient()
    appointment = _book(account, published, _at(published, 10), world.b.service)
    assert appointment.source == Appointment.Source.PORTAL
    assert appointment.practitioner == world.b.user("doctor")
    with clinic_context(published):
        patient = ClinicPatient.objects.get(pk=appointment.patient_id)
        decisions = {c.purpose: (c.decision, c.channel) for c in Consent.objects.filter(patient=patient)}
    assert patient.profile.identity_id == account.identity_id
    assert patient.profile.phone == account.phone and patient.profile.birth_date == account.birth_date
    assert decisions[ConsentPurpose.TREATMENT] == (Consent.Decision.GRANTED, Consent.Channel.PORTAL)
    assert decisions[ConsentPurpose.MARKETING_MESSAGES] == (
        Consent.Decision.WITHDRAWN,
        Consent.Channel.PORTAL,
    )
    # A second booking uses the same chart.
    again = _book(account, published, _at(published, 14), world.b.service, str(world.b.user("doctor").pk))
    assert again.patient_id == appointment.patient_id


def test_booking_needs_the_treatment_consent_and_a_free_time(world, published, make_patient):
    account = make_patient()
    with pytest.raises(ValidationFailed) as no_consent:
        _book(account, published, _at(published, 10), world.b.service, consents={})
    assert set(no_consent.value.errors) == {"consents.treatment"}
    with pytest.raises(ValidationFailed) as closed:
        _book(account, published, _at(published, 7), world.b.service)  # before the doctor's hours
    assert set(closed.value.errors) == {"starts_at"}
    with pytest.raises(ValidationFailed) as nobody:
        _book(account, published, _at(published, 10), world.b.service, practitioner_id="not-an-id")
    assert set(nobody.value.errors) == {"practitioner"}
    assert not Appointment.unscoped.filter(source=Appointment.Source.PORTAL).exists()


def test_an_unpublished_clinic_or_another_clinics_treatment_is_not_found(world, published, make_patient):
    account = make_patient()
    with pytest.raises(NotFound):
        _book(account, world.a.clinic, _at(world.a.clinic, 10), world.a.service)
    with pytest.raises(NotFound):
        _book(account, published, _at(published, 10), world.a.service)


def test_a_clinic_record_of_the_same_id_is_joined_only_when_its_phone_is_the_proven_one(
    world, published, make_patient
):
    account = make_patient(seed=5)
    # The clinic's organization already knows this CPF, with another phone on file.
    PatientProfileFactory(
        organization=published.organization,
        national_id=cpf_number(5),
        national_id_country="BR",
        national_id_hash=account.national_id_hash,
        birth_date=account.birth_date,
        phone="+5511976543210",
    )
    with pytest.raises(ValidationFailed) as refused:
        _book(account, published, _at(published, 10), world.b.service)
    assert set(refused.value.errors) == {"national_id"}
    # With the proven phone on file, the record is the person's: joined, not duplicated.
    PatientProfile.objects.filter(national_id_hash=account.national_id_hash).update(phone=account.phone)
    appointment = _book(account, published, _at(published, 10), world.b.service)
    profile = PatientProfile.objects.get(national_id_hash=account.national_id_hash)
    assert appointment.patient.profile_id == profile.pk and profile.identity_id == account.identity_id


def test_cancel_within_the_window_own_appointments_only(world, published, make_patient, time_machine):
    account = make_patient(seed=1)
    other = make_patient(seed=2)
    appointment = _book(account, published, _at(published, 10), world.b.service)
    with pytest.raises(NotFound):
        services.portal_appointment_cancel(account=other, appointment_id=str(appointment.pk))
    with pytest.raises(NotFound):
        services.portal_appointment_cancel(account=other, appointment_id="not-a-uuid")
    time_machine.move_to(
        _at(published, 10) - timedelta(hours=published.late_cancellation_hours - 1), tick=True
    )
    with pytest.raises(ValidationFailed) as late:
        services.portal_appointment_cancel(account=account, appointment_id=str(appointment.pk))
    assert set(late.value.errors) == {"appointment"}
    time_machine.move_to(
        _at(published, 10) - timedelta(hours=published.late_cancellation_hours + 1), tick=True
    )
    cancelled = services.portal_appointment_cancel(account=account, appointment_id=str(appointment.pk))
    assert cancelled.status == Appointment.Status.CANCELLED and not cancelled.late_cancellation


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_portal_bookings_of_one_slot_end_with_one_appointment(
    world, published, make_patient
):
    """Twenty patients press "confirm" for the same time at once (ten threads at a time,
    each with its own database connection): the one booking service's no-overlap
    guarantee lets exactly one through; the others are told the time is taken."""
    accounts = [make_patient(seed=10 + n) for n in range(20)]
    starts_at = _at(published, 11)
    barrier = threading.Barrier(10, timeout=30)

    def attempt(account: PortalAccount) -> str:
        try:
            barrier.wait()
            _book(account, published, starts_at, world.b.service)
            return "booked"
        except (ValidationFailed, services.AppointmentConflict):
            return "refused"
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=10) as pool:
        outcomes = list(pool.map(attempt, accounts, timeout=120))
    assert outcomes.count("booked") == 1 and outcomes.count("refused") == 19
    assert Appointment.unscoped.filter(starts_at=starts_at, status="booked").count() == 1
