import datetime as dt
import io
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

import phonenumbers
import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.test import RequestFactory, override_settings
from django.utils import timezone
from stdnum import luhn
from stdnum.br import cpf
from stdnum.th import pin

from accounts.models import Clinic, Membership, Organization, ProfessionalLicence, User
from accounts.validators import normalize_phone
from catalog.models import Service
from commerce.models import (
    CourseBalance,
    Invoice,
    JournalLine,
    Payment,
    Refund,
    Sale,
    StockLot,
    StockMovement,
)
from commerce.selectors import trial_balance
from core.roles import Role
from core.tenancy import clinic_context
from demo.builders import DEMO_PASSWORD, PATIENTS_PER_CLINIC
from demo.calendars import BANGKOK_CALENDAR, RIYADH_CALENDAR, SAO_PAULO_CALENDAR
from demo.identity import patient_identity
from demo.patients import BANGKOK_PATIENTS, NOURA, RIYADH_PATIENTS, SAO_PAULO_PATIENTS
from demo.people import VISITING_DOCTOR
from emr.models import (
    ClinicalNote,
    ConsentFormSignature,
    FaceChart,
    Photo,
    TreatmentPlan,
    TreatmentSession,
    Visit,
)
from notifications.models import Notification
from patients.models import ClinicPatient, PatientProfile
from scheduling.models import ACTIVE_STATUSES, Appointment, Room, ScheduleException, StaffSchedule
from scheduling.selectors import within_working_hours

# The module's first test pays for loading the demo (thousands of appointments).
pytestmark = [pytest.mark.django_db, pytest.mark.timeout(900)]

INJECTABLES = {Service.Category.NEUROTOXIN, Service.Category.FILLER, Service.Category.BIOSTIMULATOR}
# Typical list prices per toxin unit in each city.
TOXIN_UNIT_PRICE = {"THB": (Decimal(250), Decimal(450)), "BRL": (Decimal(30), Decimal(50)),
                    "SAR": (Decimal(40), Decimal(70))}  # fmt: skip


# The demo creates 28 accounts; PBKDF2's production work factor is not under test.
FAST_HASHING = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = FAST_HASHING


# A shorter history than ``bin/run``'s year (the same planner and rates, a tenth of
# the rows): the statuses, occupancy and overlaps under test are per day.
HISTORY_DAYS = 40


def run_demo_data() -> str:
    out = io.StringIO()
    call_command("demo_data", history_days=HISTORY_DAYS, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def _demo_once(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[str]:
    """The demo built once for this module (its calendars take seconds to write), in
    a transaction rolled back after the last test; each test runs in a savepoint of
    it, so what one test writes is gone before the next. Its photos go to a store of
    its own."""
    objects = tmp_path_factory.mktemp("demo-objects")
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHING, OBJECT_STORE_ROOT=objects, S3_BUCKET=""),
        transaction.atomic(),
    ):
        yield run_demo_data()
        transaction.set_rollback(True)


@pytest.fixture
def output(_demo_once) -> str:
    return _demo_once


def national_id_is_valid(country: str, number: str) -> bool:
    if country == "TH":
        return pin.is_valid(number)
    if country == "BR":
        return cpf.is_valid(number)
    if country == "SA":
        return len(number) == 10 and number[0] in "12" and luhn.is_valid(number)
    return False


def test_builds_two_organizations_with_three_localized_clinics(output):
    clinics = {
        (c.country, c.time_zone, c.locale, c.currency): c.organization.name
        for c in Clinic.objects.select_related("organization")
    }

    assert Organization.objects.count() == 2
    assert clinics == {
        ("TH", "Asia/Bangkok", "th", "THB"): "Lumière Aesthetic Group",
        ("BR", "America/Sao_Paulo", "pt-BR", "BRL"): "Lumière Aesthetic Group",
        ("SA", "Asia/Riyadh", "ar", "SAR"): "Noor Medical Aesthetics",
    }
    assert all(c.phone.startswith("+") and c.address for c in Clinic.objects.all())


def test_every_role_is_staffed_at_every_clinic(output):
    for clinic in Clinic.objects.all():
        roles = set(Membership.objects.filter(clinic=clinic, is_active=True).values_list("role", flat=True))
        assert roles == set(Role), clinic.name


def test_staff_phones_are_local_mobiles(output):
    prefix = {"TH": "+66", "BR": "+5511", "SA": "+9665"}
    visiting = 0
    for membership in Membership.objects.select_related("clinic", "user"):
        phone = phonenumbers.parse(membership.user.phone)
        assert phonenumbers.number_type(phone) == phonenumbers.PhoneNumberType.MOBILE, membership
        if not membership.user.phone.startswith(prefix[membership.clinic.country]):
            visiting += 1
    # Only the founder (Thai, owner in São Paulo) and the visiting Thai doctor in Riyadh.
    assert visiting == 2


def test_one_doctor_works_at_clinics_of_two_organizations(output):
    doctors_across = [
        user
        for user in User.objects.filter(memberships__role=Role.DOCTOR).distinct()
        if len({m.clinic.organization_id for m in user.memberships.select_related("clinic")}) == 2
    ]

    assert len(doctors_across) == 1
    councils = set(doctors_across[0].licences.values_list("council", flat=True))
    assert councils == {ProfessionalLicence.Council.TMC, ProfessionalLicence.Council.SCFHS}


def test_every_doctor_holds_a_licence_of_the_clinic_country(output):
    council_of = {"TH": "TMC", "BR": "CRM", "SA": "SCFHS"}
    for membership in Membership.objects.filter(role=Role.DOCTOR).select_related("clinic", "user"):
        councils = set(membership.user.licences.values_list("council", flat=True))
        assert council_of[membership.clinic.country] in councils, membership
    assert ProfessionalLicence.objects.filter(council="CRM", region="SP").exists()


def test_each_clinic_sells_a_local_currency_catalog_with_consented_injectables(output):
    for clinic in Clinic.objects.all():
        services = list(Service.unscoped.filter(clinic=clinic))
        toxins = [s for s in services if s.category == Service.Category.NEUROTOXIN]
        low, high = TOXIN_UNIT_PRICE[clinic.currency]

        assert 10 <= len(services) <= 14
        assert {s.currency for s in services} == {clinic.currency}
        assert {s.category for s in services} == set(Service.Category)
        assert all(s.requires_consent for s in services if s.category in INJECTABLES)
        assert toxins
        assert all(s.unit == Service.Unit.TOXIN_UNIT and low <= s.price <= high for s in toxins)
        assert all(s.unit == Service.Unit.ML for s in services if s.category == Service.Category.FILLER)
        # Treatments offer their usual follow-up; a consultation none.
        assert all(
            (s.follow_up_days is None) == (s.category == Service.Category.CONSULTATION) for s in services
        )


def test_patients_carry_valid_national_ids_and_local_details(output):
    for clinic in Clinic.objects.all():
        assert ClinicPatient.unscoped.filter(clinic=clinic).count() == PATIENTS_PER_CLINIC
    for profile in PatientProfile.objects.all():
        assert national_id_is_valid(profile.national_id_country, profile.national_id), profile
        phone = phonenumbers.parse(profile.phone)
        assert phonenumbers.number_type(phone) == phonenumbers.PhoneNumberType.MOBILE, profile.phone
        assert phonenumbers.region_code_for_number(phone) == profile.national_id_country
        assert profile.sex in (PatientProfile.Sex.FEMALE, PatientProfile.Sex.MALE)


def test_a_patient_of_two_organizations_has_a_profile_at_each_and_no_link_she_did_not_prove(output):
    noura = list(PatientProfile.objects.filter(given_name="Noura").select_related("organization"))

    assert sorted(p.organization.name for p in noura) == [
        "Lumière Aesthetic Group",
        "Noor Medical Aesthetics",
    ]
    assert len({(p.national_id_country, p.national_id) for p in noura}) == 1
    assert {p.identity_id for p in noura} == {None}
    assert ClinicPatient.unscoped.count() == PatientProfile.objects.count()


def test_generated_identities_are_the_same_on_every_run():
    # Pinned: a change here changes the demo data every existing install has loaded.
    assert patient_identity(NOURA) == ("1319791271", "+966 56 047 5256")


def test_logins_list_owner_doctor_receptionist_and_cashier_of_every_clinic(output):
    lines = output.splitlines()
    roles = (Role.OWNER, Role.DOCTOR, Role.RECEPTIONIST, Role.CASHIER)
    for membership in Membership.objects.filter(role__in=roles).select_related("clinic", "user"):
        clinic, role, phone = membership.clinic.name, f" {membership.role} ", membership.user.phone
        assert any(clinic in line and role in line and phone in line for line in lines), membership
    assert DEMO_PASSWORD in output
    assert "authenticator" in output


def test_running_twice_changes_nothing(output):
    def counts():
        return (
            Organization.objects.count(),
            Clinic.objects.count(),
            User.objects.count(),
            Membership.objects.count(),
            ProfessionalLicence.objects.count(),
            Service.unscoped.count(),
            PatientProfile.objects.count(),
            ClinicPatient.unscoped.count(),
            Room.unscoped.count(),
            StaffSchedule.unscoped.count(),
            ScheduleException.unscoped.count(),
            sorted(Appointment.unscoped.values_list("id", "status", "starts_at")),
            Notification.unscoped.count(),
            Sale.unscoped.count(),
            StockMovement.unscoped.count(),
            JournalLine.unscoped.count(),
            Visit.unscoped.count(),
            ClinicalNote.unscoped.count(),
            Photo.unscoped.count(),
            FaceChart.unscoped.count(),
            TreatmentPlan.unscoped.count(),
            ConsentFormSignature.unscoped.count(),
        )

    first = counts()
    second_output = run_demo_data()

    assert counts() == first
    assert "already present" in second_output
    assert second_output.splitlines()[-10:] == output.splitlines()[-10:]


def test_a_printed_login_signs_in(output):
    line = next(line for line in output.splitlines() if "Bangkok" in line and " receptionist " in line)
    phone = next(token for token in line.split() if token.startswith("+"))

    user = authenticate(request=RequestFactory().post("/"), phone=phone, password=DEMO_PASSWORD)

    assert user is not None
    assert user.memberships.get().role == Role.RECEPTIONIST


def test_consents_are_in_believable_states(output):
    from patients.models import ConsentPurpose
    from patients.selectors import consent_current_map, patients_consenting_to

    marketing = ConsentPurpose.MARKETING_MESSAGES
    decisions = []
    for clinic in Clinic.objects.all():
        with clinic_context(clinic):
            patients = list(ClinicPatient.objects.select_related("profile"))
            states = {p: consent_current_map(patient=p) for p in patients}
            audience = set(patients_consenting_to(purpose=marketing))
        assert all(s[ConsentPurpose.TREATMENT].decision == "granted" for s in states.values())
        granted = {p for p, s in states.items() if s[marketing] and s[marketing].decision == "granted"}
        assert audience == granted
        assert 0 < len(audience) < len(patients)
        decisions += [s[marketing].decision for s in states.values() if s[marketing]]
    assert "withdrawn" in decisions


CLINICAL = (Role.DOCTOR, Role.NURSE, Role.THERAPIST)


def test_each_clinic_has_rooms_and_hours_with_a_break_for_every_practitioner(output):
    for clinic in Clinic.objects.all():
        practitioners = set(
            Membership.objects.filter(clinic=clinic, role__in=CLINICAL).values_list("user_id", flat=True)
        )
        schedules = StaffSchedule.unscoped.filter(clinic=clinic)
        per_day = Counter(schedules.values_list("practitioner_id", "weekday"))

        assert 3 <= Room.unscoped.filter(clinic=clinic).count() <= 4, clinic.name
        assert set(schedules.values_list("practitioner_id", flat=True)) == practitioners, clinic.name
        assert all(any(per_day[(p, d)] == 2 for d in range(7)) for p in practitioners), clinic.name
        kinds = set(ScheduleException.unscoped.filter(clinic=clinic).values_list("kind", flat=True))
        assert kinds == {ScheduleException.Kind.TIME_OFF, ScheduleException.Kind.EXTRA}, clinic.name


def test_appointments_span_past_and_future_with_realistic_statuses(output):
    now = timezone.now()
    for clinic in Clinic.objects.all():
        appointments = Appointment.unscoped.filter(clinic=clinic)
        past = appointments.filter(starts_at__lt=now)
        past_statuses = Counter(past.values_list("status", flat=True))
        future_statuses = set(appointments.filter(starts_at__gt=now).values_list("status", flat=True))

        assert past.filter(starts_at__lt=now - dt.timedelta(days=HISTORY_DAYS - 5)).exists(), clinic.name
        assert appointments.filter(starts_at__gt=now + dt.timedelta(days=25)).exists(), clinic.name
        assert set(past_statuses) == {"completed", "no_show", "cancelled"}, clinic.name
        assert past_statuses["completed"] > 0.75 * past.count(), clinic.name
        assert 0.05 < past_statuses["no_show"] / past.count() < 0.10, clinic.name
        assert 0.07 < past_statuses["cancelled"] / past.count() < 0.13, clinic.name
        assert future_statuses <= {"booked", "confirmed", "cancelled"}, clinic.name
        assert "booked" in future_statuses, clinic.name
        assert not appointments.filter(status="cancelled", cancel_reason="").exists()
    statuses = set(Appointment.unscoped.values_list("status", flat=True))
    assert statuses == {"completed", "no_show", "cancelled", "booked", "confirmed"}


SEEDS = {"TH": BANGKOK_CALENDAR, "BR": SAO_PAULO_CALENDAR, "SA": RIYADH_CALENDAR}
NAMED = {"TH": BANGKOK_PATIENTS, "BR": SAO_PAULO_PATIENTS, "SA": RIYADH_PATIENTS}


def test_some_cancellations_are_late_and_every_reason_is_the_clinics(output):
    for clinic in Clinic.objects.all():
        seed = SEEDS[clinic.country]
        reasons = Counter(
            Appointment.unscoped.filter(clinic=clinic, status="cancelled").values_list(
                "cancel_reason", flat=True
            )
        )
        late = sum(count for reason, count in reasons.items() if reason in seed.late_reasons)
        assert set(reasons) <= {*seed.cancel_reasons, *seed.late_reasons}, clinic.name
        assert 0.2 < late / sum(reasons.values()) < 0.6, clinic.name


def _booked_share(clinic: Clinic, days: list[dt.date]) -> dict[User, float]:
    """Each practitioner's booked share of their working minutes on ``days``."""
    from scheduling.selectors import hours_load

    with clinic_context(clinic):
        ids = list(StaffSchedule.objects.values_list("practitioner_id", flat=True).distinct())
        hours = hours_load(clinic=clinic, practitioner_ids=ids, date_from=days[0], date_to=days[-1])
        shares = {}
        for pid in ids:
            intervals = [span for day in days for span in hours.intervals(pid, day)]
            working = sum((end - start).total_seconds() for start, end in intervals)
            booked = sum(
                (a.blocked_until - a.starts_at).total_seconds()
                for a in Appointment.objects.filter(
                    practitioner_id=pid,
                    status__in=ACTIVE_STATUSES,
                    starts_at__gte=intervals[0][0],
                    starts_at__lt=intervals[-1][1],
                )
            )
            shares[User.objects.get(pk=pid)] = booked / working
    return shares


def test_the_coming_weeks_are_booked_like_a_busy_clinic_with_free_time_at_the_visiting_doctor(output):
    for clinic in Clinic.objects.all():
        tomorrow = clinic.today() + dt.timedelta(days=1)
        shares = _booked_share(clinic, [tomorrow + dt.timedelta(days=n) for n in range(14)])
        busy = [
            share for user, share in shares.items() if user.phone != normalize_phone(VISITING_DOCTOR.phone)
        ]
        assert all(0.5 <= share <= 0.9 for share in busy), (clinic.name, shares)
        if clinic.country == "TH":
            visiting = next(s for u, s in shares.items() if u.phone == normalize_phone(VISITING_DOCTOR.phone))
            assert 0.2 <= visiting <= 0.6, shares


def test_the_past_is_booked_as_the_coming_weeks_are(output):
    for clinic in Clinic.objects.all():
        today = clinic.today()
        shares = _booked_share(clinic, [today - dt.timedelta(days=n) for n in range(HISTORY_DAYS - 1, 1, -1)])
        assert sum(shares.values()) / len(shares) > 0.45, (clinic.name, shares)


def test_no_one_is_booked_on_a_day_off(output):
    off = ScheduleException.unscoped.filter(kind=ScheduleException.Kind.TIME_OFF).select_related("clinic")
    assert any(exception.date < exception.clinic.today() for exception in off)
    for exception in off:
        zone = exception.clinic.zone
        start = dt.datetime.combine(exception.date, dt.time.min, tzinfo=zone)
        booked = Appointment.unscoped.filter(
            clinic=exception.clinic,
            practitioner=exception.practitioner,
            starts_at__gte=start,
            starts_at__lt=start + dt.timedelta(days=1),
        )
        assert not booked.exists(), exception


def test_the_named_patients_are_registered_among_generated_ones(output):
    for clinic in Clinic.objects.all():
        names = Counter(
            (p.profile.given_name, p.profile.family_name)
            for p in ClinicPatient.unscoped.filter(clinic=clinic).select_related("profile")
        )
        assert all(names[(seed.given_name, seed.family_name)] >= 1 for seed in NAMED[clinic.country]), clinic
        assert len(names) > 0.8 * PATIENTS_PER_CLINIC, clinic.name  # few namesakes


def test_no_practitioner_has_overlapping_active_appointments_at_any_clinic(output):
    active = Appointment.unscoped.filter(status__in=ACTIVE_STATUSES)
    overlapping = active.filter(
        Exists(
            active.filter(
                practitioner_id=OuterRef("practitioner_id"),
                starts_at__lt=OuterRef("blocked_until"),
                blocked_until__gt=OuterRef("starts_at"),
            ).exclude(pk=OuterRef("pk"))
        )
    )
    visiting = User.objects.get(phone=normalize_phone(VISITING_DOCTOR.phone))
    clinics_seen = set(active.filter(practitioner=visiting).values_list("clinic_id", flat=True))

    assert not overlapping.exists()
    assert len(clinics_seen) == 2  # the visiting doctor works at both clinics


def test_upcoming_appointments_lie_within_working_hours(output):
    for clinic in Clinic.objects.all():
        with clinic_context(clinic):
            upcoming = list(Appointment.objects.filter(starts_at__gt=timezone.now()))
            assert upcoming, clinic.name
            for appointment in upcoming:
                assert within_working_hours(
                    clinic=clinic,
                    practitioner_id=appointment.practitioner_id,
                    starts_at=appointment.starts_at,
                    blocked_until=appointment.blocked_until,
                ), appointment.pk


def test_each_clinic_has_stock_near_expiry_and_a_year_of_balanced_sales(output):
    now = timezone.now()
    for clinic in Clinic.objects.all():
        with clinic_context(clinic):
            lots = StockLot.objects.all()
            assert lots.filter(expiry_date__lte=clinic.today() + dt.timedelta(days=60)).exists()
            assert all(
                lot.quantity_on_hand == sum(m.quantity for m in lot.movements.all()) for lot in lots
            ), clinic.name
            sales = Sale.objects.all()
            first, last = sales.order_by("created_at").first(), sales.order_by("created_at").last()
            assert (now - first.created_at).days > 330 and (now - last.created_at).days < 10
            assert sales.filter(lines__kind="course").exists()
            assert CourseBalance.objects.filter(sessions_remaining__lt=models.F("sessions_total")).exists()
            assert Refund.objects.exists() and Payment.objects.filter(amount__lt=0).exists()
            assert (
                Invoice.objects.filter(status=Invoice.Status.PARTIALLY_PAID).exists()
                or Invoice.objects.filter(status=Invoice.Status.OVERDUE).exists()
            )
            assert Sale.objects.filter(currency=clinic.currency).count() == sales.count()
            assert trial_balance()["total_balance"] == 0


def test_each_clinic_has_commission_rules_of_every_kind(output):
    from commissions.models import CommissionRule

    assert "Commissions of" in output
    for clinic in Clinic.objects.all():
        rules = CommissionRule.unscoped.filter(clinic=clinic)
        assert {rule.scope for rule in rules} == set(CommissionRule.Scope), clinic.name
        assert {rule.tier_mode for rule in rules} == set(CommissionRule.TierMode), clinic.name
        assert {rule.rate_type for rule in rules} == set(CommissionRule.RateType), clinic.name
        assert all(rule.currency == clinic.currency for rule in rules)


def test_every_clinic_has_charted_visits_photos_and_plans(output):
    for clinic in Clinic.objects.all():
        with clinic_context(clinic):
            assert Visit.objects.filter(status="completed", appointment__isnull=False).count() >= 5, clinic
            assert not TreatmentSession.objects.exclude(status="completed").exists()
            assert not ClinicalNote.objects.filter(status="draft").exists()
            assert ClinicalNote.objects.filter(version=2, amends__isnull=False).count() == 1
            assert Photo.objects.filter(status="ready").count() == 4
            assert TreatmentPlan.objects.count() == 2
            consented = TreatmentSession.objects.filter(service__requires_consent=True)
            assert not consented.filter(consent_signature__isnull=True).exists()
        assert f"Charted {clinic.name}" in output


def test_demo_photos_are_stored_without_location(output, settings):
    from core.objectstore import object_store
    from emr.tests.images import has_location

    photo = Photo.unscoped.filter(status="ready").first()
    store = object_store()
    assert not has_location(store.read(photo.original_key))
    assert store.head(photo.object_key) is None  # the upload, deleted once verified
    assert store.head(photo.thumbnail_key).content_type == "image/webp"
