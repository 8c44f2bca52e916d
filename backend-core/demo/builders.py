"""Demo data: two organizations, three clinics, their staff, catalogs, patients,
calendars (rooms, working hours, past and upcoming appointments: ``demo.appointments``)
and commerce (stock lots, courses, a year of sales: ``demo.commerce``) and clinical
records (visits, notes, consent forms, photos, face charts, plans: ``demo.clinical``).

Everything is written through the domain services (``accounts``, ``commerce``,
``patients``, ``scheduling``, ``emr``), so the demo obeys the same validation as the
API: E.164 mobile numbers, check-digited national IDs, one membership per person and
clinic, tenant-local rows written inside ``clinic_context``.

The people are fictional: names common in each country, mobile numbers in each
country's mobile ranges, e-mail addresses under the reserved ``.example`` domain
(RFC 2606), and national IDs generated from a seeded ``random.Random`` with correct
check digits, so every run produces the same data. Prices are typical list prices of
private aesthetic clinics in each city.

The seeds live beside this module: ``demo.people``, ``demo.catalogs``,
``demo.patients``, ``demo.calendars`` and ``demo.organizations``, in the shapes of
``demo.shapes``; ``demo.identity`` generates the patients' IDs and mobile numbers.

Every staff account signs in with :data:`DEMO_PASSWORD`. Owners, admins, doctors,
nurses and therapists (``core.roles.TWO_FACTOR_ROLES``) must enrol a TOTP authenticator at their
first sign-in before the API serves them clinic data.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from django.db import transaction

from accounts.models import Clinic, Organization, User
from accounts.selectors import clinic_list_for_organization, membership_list_for_user, staff_list
from accounts.services import (
    clinic_create,
    licence_create,
    membership_create,
    organization_signup,
    user_create,
)
from accounts.validators import normalize_phone
from catalog.services import service_create
from core.roles import TWO_FACTOR_ROLES, Role
from core.tasks import tasks_inline
from core.tenancy import clinic_context
from demo.appointments import HISTORY_DAYS, calendar_build
from demo.catalogs import FOLLOW_UP_DAYS
from demo.clinical import clinical_records_build
from demo.commerce import commerce_build
from demo.commissions import commission_periods_close, commission_rules_build
from demo.compliance import data_subject_requests_build
from demo.consents import consent_texts_current_of, consents_record
from demo.crowd import patients_generate
from demo.identity import _LANGUAGES, patient_identity
from demo.organizations import ORGANIZATIONS
from demo.shapes import (
    ClinicSeed,
    ClinicSummary,
    DemoReport,
    LicenceSeed,
    Login,
    OrganizationSeed,
    PatientSeed,
    Person,
    StaffSeed,
    Treatment,
)
from patients.models import ClinicPatient
from patients.services import patient_register
from reporting.services import daily_figures_backfill

# Published on purpose: it is printed by the command and only ever used for demo data.
DEMO_PASSWORD = "Aesthetix-Demo-2026"  # noqa: S105
# Patients of each clinic: its named patients (``demo.patients``), then generated ones.
PATIENTS_PER_CLINIC = 300
# Days of daily figures the demo builds for the dashboard (its sales go back a year).
FIGURES_DAYS = 400


def _user_by_phone(phone: str) -> User | None:
    return User.objects.filter(phone=normalize_phone(phone)).first()


def _account_args(person: Person) -> dict[str, str]:
    return {
        "phone": person.phone,
        "password": DEMO_PASSWORD,
        "given_name": person.given_name,
        "family_name": person.family_name,
        "email": person.email,
        "preferred_language": person.language,
    }


def _licences_add(user: User, licences: Iterable[LicenceSeed]) -> None:
    for licence in licences:
        licence_create(
            user=user,
            council=licence.council,
            number=licence.number,
            region=licence.region,
            valid_until=licence.valid_until,
        )


def _staff_user(person: Person) -> User:
    """The person's account, created with their licences the first time they appear
    (the visiting doctor appears in two clinics)."""
    existing = _user_by_phone(person.phone)
    if existing is not None:
        return existing
    user = user_create(**_account_args(person))
    _licences_add(user, person.licences)
    return user


def _staff_join(clinic: Clinic, staff: Iterable[StaffSeed]) -> list[tuple[Role, User]]:
    """Give every seed its membership at ``clinic``; returns ``(role, user)`` pairs."""
    joined = []
    for member in staff:
        user = _staff_user(member.person)
        membership_create(clinic=clinic, user=user, role=member.role)
        joined.append((member.role, user))
    return joined


def _catalog_add(clinic: Clinic, actor: User, catalog: Iterable[Treatment]) -> int:
    count = 0
    with clinic_context(clinic):
        for item in catalog:
            service_create(
                clinic=clinic,
                actor=actor,
                name=item.name,
                category=item.category,
                price=item.price,
                duration_minutes=item.duration_minutes,
                unit=item.unit,
                buffer_minutes=item.buffer_minutes,
                requires_consent=item.requires_consent,
                description=item.description,
                follow_up_days=FOLLOW_UP_DAYS.get(item.category),
            )
            count += 1
    return count


def _patients_register(clinic: Clinic, actor: User, patients: Iterable[PatientSeed]) -> list[ClinicPatient]:
    registered = []
    with clinic_context(clinic):
        for seed in patients:
            national_id, phone = patient_identity(seed)
            patient = patient_register(
                clinic=clinic,
                actor=actor,
                given_name=seed.given_name,
                family_name=seed.family_name,
                birth_date=seed.birth_date,
                phone=phone,
                sex=seed.sex,
                email=seed.email,
                national_id=national_id,
                national_id_country=seed.country,
                preferred_language=_LANGUAGES[seed.country],
                tags=list(seed.tags),
                referral_source=seed.referral_source,
            )
            registered.append(patient)
    return registered


def _patient_seeds(clinic: Clinic, seed: ClinicSeed) -> list[PatientSeed]:
    """The clinic's named patients, then generated ones up to ``PATIENTS_PER_CLINIC``
    (drawn from the clinic's name and this year, so the same on every run this year)."""
    taken = {value for named in seed.patients for value in patient_identity(named)}
    crowd = patients_generate(
        clinic.country,
        PATIENTS_PER_CLINIC - len(seed.patients),
        key=seed.data.name,
        taken=taken,
        today=date(clinic.today().year, 1, 1),
    )
    return [*seed.patients, *crowd]


def _clinic_fill(clinic: Clinic, seed: ClinicSeed, owner: User, history_days: int) -> ClinicSummary:
    """Staff the clinic, then add its catalog (as the owner), and its patients and
    calendar (as the receptionist, who registers and books them at the front desk)."""
    staff = _staff_join(clinic, seed.staff)
    receptionist = next(user for role, user in staff if role == Role.RECEPTIONIST)
    services = _catalog_add(clinic, owner, seed.catalog)
    patients = _patients_register(clinic, receptionist, _patient_seeds(clinic, seed))
    texts = consent_texts_current_of(clinic, _LANGUAGES[clinic.country])
    consents = consents_record(clinic, receptionist, patients, texts)
    calendar = calendar_build(clinic, receptionist, seed.calendar, staff, patients, history_days=history_days)
    commission_rules_build(clinic, owner)  # before the sales: each checkout computes its commissions
    commerce = commerce_build(clinic, owner, staff, patients)
    clinical = clinical_records_build(clinic, owner, staff, patients)
    commissions = commission_periods_close(clinic)
    data_subject_requests_build(clinic, owner, patients)
    # The dashboard reads daily figures: rebuild them for the demo's year of history.
    daily_figures_backfill(
        clinic=clinic, start=clinic.today() - timedelta(days=FIGURES_DAYS), end=clinic.today()
    )
    people = len({owner.pk, *(user.pk for _role, user in staff)})
    return ClinicSummary(
        clinic.name,
        clinic.currency,
        people,
        services,
        len(patients),
        consents,
        calendar,
        commerce,
        commissions,
        clinical,
    )


def _organization_build(seed: OrganizationSeed, history_days: int) -> list[ClinicSummary]:
    first, *others = seed.clinics
    organization, clinic, owner = organization_signup(
        organization_name=seed.name, clinic=first.data, owner=_account_args(seed.owner)
    )
    _licences_add(owner, seed.owner.licences)
    clinics = [clinic] + [
        clinic_create(organization=organization, actor=owner, actor_role=Role.OWNER, data=other.data)
        for other in others
    ]
    return [
        _clinic_fill(built, data, owner, history_days)
        for built, data in zip(clinics, seed.clinics, strict=True)
    ]


def _organization_of(owner: User, name: str) -> Organization | None:
    for membership in membership_list_for_user(user=owner):
        if membership.role == Role.OWNER and membership.clinic.organization.name == name:
            return membership.clinic.organization
    return None


def demo_logins() -> tuple[Login, ...]:
    """Every active staff membership of the demo clinics, read from the database:
    organizations in seed order, clinics by name, then roles in ``Role`` order."""
    role_order = {role.value: index for index, role in enumerate(Role)}
    logins: list[Login] = []
    for seed in ORGANIZATIONS:
        owner = _user_by_phone(seed.owner.phone)
        organization = _organization_of(owner, seed.name) if owner is not None else None
        if organization is None:
            continue
        for clinic in clinic_list_for_organization(organization_id=organization.pk):
            members = sorted(
                (m for m in staff_list(clinic=clinic) if m.is_active),
                key=lambda m: (role_order[m.role], m.user.full_name),
            )
            logins += [
                Login(clinic.name, m.role, m.user.full_name, m.user.phone, m.role in TWO_FACTOR_ROLES)
                for m in members
            ]
    return tuple(logins)


def demo_build(*, history_days: int = HISTORY_DAYS) -> DemoReport:
    """Build the demo organizations that are not there yet, all or nothing, with
    ``history_days`` of past appointments (a year by default) and the coming month.

    An organization counts as present when its owner's mobile number already has an
    account (sign-up would refuse it anyway); it is then left untouched, so running
    the build again changes nothing. The background work the services queue (commission
    calculations, photo processing, the outbox relay) runs inline, in this process
    (``core.tasks.tasks_inline``): it is done when the build returns, and nothing is
    left on the broker for the workers. Raises the services' ``ApplicationError`` when a
    seed breaks a validation rule; a failing task's error propagates likewise.
    """
    built: list[ClinicSummary] = []
    present: list[str] = []
    with tasks_inline(), transaction.atomic():
        for seed in ORGANIZATIONS:
            if _user_by_phone(seed.owner.phone) is not None:
                present.append(seed.name)
                continue
            built += _organization_build(seed, history_days)
        return DemoReport(built=tuple(built), already_present=tuple(present), logins=demo_logins())
