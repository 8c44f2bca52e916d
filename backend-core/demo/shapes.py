"""The shapes of the demo seeds (staff, treatments, patients, clinics, organizations)
and of what a demo build reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from accounts.models import ProfessionalLicence
from accounts.services import ClinicData
from catalog.models import Service
from core.roles import Role
from demo.appointments import CalendarSeed, CalendarSummary
from demo.clinical import ClinicalSummary
from demo.commerce import CommerceSummary
from demo.commissions import CommissionSummary
from patients.models import PatientProfile

Council = ProfessionalLicence.Council
Category = Service.Category
Unit = Service.Unit
Sex = PatientProfile.Sex


@dataclass(frozen=True)
class LicenceSeed:
    council: str
    number: str
    region: str = ""
    valid_until: date | None = None


@dataclass(frozen=True)
class Person:
    """A staff member's account: ``phone`` in international form, ``language`` one of
    ``settings.LANGUAGES``."""

    given_name: str
    family_name: str
    phone: str
    language: str
    email: str = ""
    licences: tuple[LicenceSeed, ...] = ()


@dataclass(frozen=True)
class StaffSeed:
    role: Role
    person: Person


@dataclass(frozen=True)
class Treatment:
    """A catalog entry; ``price`` is per ``unit`` in the clinic's currency."""

    name: str
    category: str
    unit: str
    price: Decimal
    duration_minutes: int
    buffer_minutes: int
    requires_consent: bool
    description: str


@dataclass(frozen=True)
class PatientSeed:
    """A patient; the national ID and mobile number are generated from these fields
    (see :func:`patient_identity`). ``country`` issues the ID and the phone and sets the
    preferred language; ``resident`` marks a foreign resident (a Saudi Iqama starts
    with 2, a citizen's ID with 1)."""

    given_name: str
    family_name: str
    sex: str
    birth_date: date
    country: str
    referral_source: str = ""
    tags: tuple[str, ...] = ()
    email: str = ""
    resident: bool = False


@dataclass(frozen=True)
class ClinicSeed:
    """A clinic and the staff who join it besides the organization's owner (who joins
    every clinic of the organization through sign-up or ``clinic_create``)."""

    data: ClinicData
    staff: tuple[StaffSeed, ...]
    catalog: tuple[Treatment, ...]
    patients: tuple[PatientSeed, ...]
    calendar: CalendarSeed


@dataclass(frozen=True)
class OrganizationSeed:
    name: str
    owner: Person
    clinics: tuple[ClinicSeed, ...]


@dataclass(frozen=True)
class Login:
    clinic: str
    role: str
    name: str
    phone: str
    two_factor: bool


@dataclass(frozen=True)
class ClinicSummary:
    name: str
    currency: str
    staff: int
    services: int
    patients: int
    consents: int
    calendar: CalendarSummary
    commerce: CommerceSummary
    commissions: CommissionSummary
    clinical: ClinicalSummary


@dataclass(frozen=True)
class DemoReport:
    """What :func:`demo_build` did: clinics built now, organizations found already
    present (left untouched), and the sign-ins of every demo clinic."""

    built: tuple[ClinicSummary, ...]
    already_present: tuple[str, ...]
    logins: tuple[Login, ...]
