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

Every staff account signs in with :data:`DEMO_PASSWORD`. Owners, admins, doctors,
nurses and therapists (``core.roles.TWO_FACTOR_ROLES``) must enrol a TOTP authenticator at their
first sign-in before the API serves them clinic data.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, time
from decimal import Decimal

from django.db import transaction
from stdnum import luhn
from stdnum.th import pin

from accounts.models import Clinic, Organization, ProfessionalLicence, User
from accounts.selectors import clinic_list_for_organization, membership_list_for_user, staff_list
from accounts.services import (
    ClinicData,
    clinic_create,
    licence_create,
    membership_create,
    organization_signup,
    user_create,
)
from accounts.validators import normalize_phone
from catalog.models import Service
from catalog.services import service_create
from core.roles import TWO_FACTOR_ROLES, Role
from core.tasks import tasks_inline
from core.tenancy import clinic_context
from demo.appointments import (
    CalendarSeed,
    CalendarSummary,
    ExtraHours,
    RoomSeed,
    TimeOff,
    WeeklyHours,
    calendar_build,
    hours,
    week,
)
from demo.clinical import ClinicalSummary, clinical_records_build
from demo.commerce import CommerceSummary, commerce_build
from demo.commissions import CommissionSummary, commission_periods_close, commission_rules_build
from demo.consents import consent_texts_publish, consents_record
from patients.models import ClinicPatient, PatientProfile
from patients.services import patient_register

# Published on purpose: it is printed by the command and only ever used for demo data.
DEMO_PASSWORD = "Aesthetix-Demo-2026"  # noqa: S105

Council = ProfessionalLicence.Council
Category = Service.Category
Unit = Service.Unit
Sex = PatientProfile.Sex


# ------------------------------------------------------------------------------ shapes


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


# ------------------------------------------------------------------------------- people
# fmt: off

# A Thai dermatologist who also sees patients as a visiting consultant in Riyadh (flying
# in for Thursday and Saturday evening clinics): one account, licences with both
# councils, memberships in two organizations.
VISITING_DOCTOR = Person("Kittipong", "Srisawat", "+66 81 907 2264", "en", "kittipong.s@lumiere.example", (
    LicenceSeed(Council.TMC, "38417"),
    LicenceSeed(Council.SCFHS, "1503248", valid_until=date(2028, 3, 31)),
))

LUMIERE_OWNER = Person("Pimchanok", "Wongsakul", "+66 81 642 7315", "th", "pimchanok.w@lumiere.example")
NOOR_OWNER = Person("Reem", "Al-Otaibi", "+966 50 318 7742", "ar", "reem.alotaibi@noor.example")

BANGKOK_STAFF = (
    StaffSeed(Role.ADMIN, Person("Thanawat", "Chaiyaporn", "+66 89 215 4408", "th",
                                 "thanawat.c@lumiere.example")),
    StaffSeed(Role.DOCTOR, Person("Siriporn", "Thongchai", "+66 86 330 9127", "th",
                                  "siriporn.t@lumiere.example", (LicenceSeed(Council.TMC, "41562"),))),
    StaffSeed(Role.DOCTOR, VISITING_DOCTOR),
    StaffSeed(Role.NURSE, Person("Kanokwan", "Saetang", "+66 62 418 5590", "th", "",
                                 (LicenceSeed(Council.TNMC, "5811204873", valid_until=date(2028, 6, 30)),))),
    StaffSeed(Role.THERAPIST, Person("Supaporn", "Kaewmanee", "+66 95 771 0436", "th")),
    StaffSeed(Role.RECEPTIONIST, Person("Chanida", "Boonmee", "+66 63 552 8817", "th")),
    StaffSeed(Role.CASHIER, Person("Wanida", "Phromma", "+66 97 184 6023", "th")),
    StaffSeed(Role.ACCOUNTANT, Person("Somchai", "Rattanaporn", "+66 84 629 3351", "th",
                                      "somchai.r@lumiere.example")),
    StaffSeed(Role.ASSISTANT, Person("Arthit", "Sukprasert", "+66 91 046 7782", "th")),
)

SAO_PAULO_STAFF = (
    # The local managing partner (sócia-diretora) co-owns the São Paulo branch.
    StaffSeed(Role.OWNER, Person("Mariana", "Albuquerque Costa", "+55 11 98214-6630", "pt-br",
                                 "mariana.costa@lumiere.example")),
    StaffSeed(Role.ADMIN, Person("Rafael", "Teixeira Moura", "+55 11 97351-0284", "pt-br",
                                 "rafael.moura@lumiere.example")),
    StaffSeed(Role.DOCTOR, Person("Camila", "Ferreira Nunes", "+55 11 99627-4418", "pt-br",
                                  "dra.camila@lumiere.example", (LicenceSeed(Council.CRM, "178432", "SP"),))),
    StaffSeed(Role.NURSE, Person("Juliana", "Souza Lima", "+55 11 98840-1375", "pt-br", "",
                                 (LicenceSeed(Council.COREN, "512345", "SP"),))),
    StaffSeed(Role.THERAPIST, Person("Beatriz", "Oliveira Santos", "+55 11 96583-2209", "pt-br")),
    StaffSeed(Role.RECEPTIONIST, Person("Larissa", "Mendes Araújo", "+55 11 94712-8856", "pt-br")),
    StaffSeed(Role.CASHIER, Person("Thiago", "Ribeiro Alves", "+55 11 95036-7741", "pt-br")),
    StaffSeed(Role.ACCOUNTANT, Person("Eduardo", "Carvalho Prado", "+55 11 99158-3062", "pt-br",
                                      "eduardo.prado@lumiere.example")),
    StaffSeed(Role.ASSISTANT, Person("Gabriela", "Rocha Vieira", "+55 11 97769-5120", "pt-br")),
)

RIYADH_STAFF = (
    StaffSeed(Role.ADMIN, Person("Faisal", "Al-Harbi", "+966 55 204 6619", "ar",
                                 "faisal.alharbi@noor.example")),
    StaffSeed(Role.DOCTOR, Person("Nora", "Al-Shehri", "+966 53 771 0458", "ar", "dr.nora@noor.example",
                                  (LicenceSeed(Council.SCFHS, "1109657", valid_until=date(2027, 9, 30)),))),
    StaffSeed(Role.DOCTOR, VISITING_DOCTOR),
    StaffSeed(Role.NURSE, Person("Hind", "Al-Dosari", "+966 54 680 2293", "ar", "",
                                 (LicenceSeed(Council.SCFHS, "1607715", valid_until=date(2028, 1, 31)),))),
    StaffSeed(Role.THERAPIST, Person("Lama", "Al-Ghamdi", "+966 56 413 9075", "ar")),
    StaffSeed(Role.RECEPTIONIST, Person("Sara", "Al-Mutairi", "+966 59 052 3381", "ar")),
    StaffSeed(Role.CASHIER, Person("Khalid", "Al-Zahrani", "+966 58 926 1147", "ar")),
    StaffSeed(Role.ACCOUNTANT, Person("Omar", "Al-Shammari", "+966 50 745 8830", "ar",
                                      "omar.alshammari@noor.example")),
    StaffSeed(Role.ASSISTANT, Person("Amal", "Al-Anazi", "+966 55 839 2406", "ar")),
)


# ----------------------------------------------------------------------------- catalogs
# Columns: name, category, unit, price (clinic currency), minutes, buffer minutes,
# requires consent, description. Bangkok and Riyadh print their menus in English for an
# international clientele; São Paulo's is in Portuguese.

SESSION, PER_UNIT, PER_ML, PER_AREA = Unit.SESSION, Unit.TOXIN_UNIT, Unit.ML, Unit.AREA
CONSENT, NO_CONSENT = True, False

_DOSES = "Priced per unit. Usual doses: frown lines 20 U, crow's feet 24 U, forehead 10 to 20 U."
_FILLER = "Priced per 1 ml syringe; includes topical anaesthetic and a review at 2 weeks."
_SCULPTRA = "One vial per session; a course is usually 2 or 3 sessions 6 weeks apart."
_RADIESSE = "One 1.5 ml syringe per session, diluted for skin quality or undiluted for contour."
_CO2 = "Includes 45 minutes of numbing cream; 5 to 7 days of downtime."
_HAIR = "Per area per session; 6 to 8 sessions 4 to 6 weeks apart."
_MORPHEUS = "Fractional radiofrequency for acne scars and laxity; includes numbing."
_HYDRA = "Cleanse, extraction and hydration with a serum infusion."

BANGKOK_CATALOG = (
    Treatment("Doctor consultation and VISIA skin analysis", Category.CONSULTATION, SESSION,
              Decimal("800"), 30, 5, NO_CONSENT,
              "Physician assessment with VISIA imaging; credited against a treatment the same day."),
    Treatment("Botox® botulinum toxin (Allergan, USA)", Category.NEUROTOXIN, PER_UNIT,
              Decimal("450"), 30, 10, CONSENT, _DOSES),
    Treatment("Nabota® botulinum toxin (Daewoong, Korea)", Category.NEUROTOXIN, PER_UNIT,
              Decimal("250"), 30, 10, CONSENT, _DOSES),
    Treatment("Juvéderm® Voluma hyaluronic acid filler (cheeks, chin)", Category.FILLER, PER_ML,
              Decimal("16900"), 45, 15, CONSENT, _FILLER),
    Treatment("Restylane® Kysse hyaluronic acid filler (lips)", Category.FILLER, PER_ML,
              Decimal("14900"), 45, 15, CONSENT, _FILLER),
    Treatment("Sculptra® poly-L-lactic acid biostimulator", Category.BIOSTIMULATOR, SESSION,
              Decimal("25900"), 60, 15, CONSENT, _SCULPTRA),
    Treatment("Radiesse® calcium hydroxylapatite biostimulator", Category.BIOSTIMULATOR, SESSION,
              Decimal("22900"), 45, 15, CONSENT, _RADIESSE),
    Treatment("Q-switched Nd:YAG laser toning, full face", Category.LASER, SESSION,
              Decimal("2500"), 30, 10, NO_CONSENT,
              "For melasma and uneven tone; a course of 5 to 10 sessions 1 or 2 weeks apart."),
    Treatment("Fractional CO2 laser resurfacing, full face", Category.LASER, SESSION,
              Decimal("12900"), 90, 15, CONSENT, _CO2),
    Treatment("Diode laser hair removal, underarms", Category.LASER, PER_AREA,
              Decimal("1500"), 20, 10, NO_CONSENT, _HAIR),
    Treatment("Morpheus8 RF microneedling, full face", Category.ENERGY, SESSION,
              Decimal("14900"), 75, 15, CONSENT, _MORPHEUS),
    Treatment("Ultraformer III HIFU lift, face and neck", Category.ENERGY, SESSION,
              Decimal("15900"), 60, 10, NO_CONSENT,
              "Micro-focused ultrasound at 1.5, 3.0 and 4.5 mm; results build over 8 to 12 weeks."),
    Treatment("Salicylic acid 30% peel", Category.PEEL, SESSION,
              Decimal("1800"), 30, 10, NO_CONSENT,
              "For acne-prone and oily skin; a course of 4 to 6 peels 2 weeks apart."),
    Treatment("HydraFacial® Signature", Category.SKIN, SESSION,
              Decimal("3900"), 45, 15, NO_CONSENT, _HYDRA),
)

_DOSES_PT = "Preço por unidade. Doses usuais: glabela 20 U, pés de galinha 24 U, testa 10 a 20 U."
_FILLER_PT = "Preço por seringa de 1 ml; inclui anestésico tópico e retorno em 15 dias."

SAO_PAULO_CATALOG = (
    Treatment("Consulta médica estética com análise de pele", Category.CONSULTATION, SESSION,
              Decimal("450"), 40, 5, NO_CONSENT,
              "Avaliação médica com fotografia padronizada; abatida do tratamento feito no mesmo dia."),
    Treatment("Toxina botulínica Botox® (Allergan)", Category.NEUROTOXIN, PER_UNIT,
              Decimal("48"), 30, 10, CONSENT, _DOSES_PT),
    Treatment("Toxina botulínica Xeomin® (Merz)", Category.NEUROTOXIN, PER_UNIT,
              Decimal("38"), 30, 10, CONSENT, _DOSES_PT),
    Treatment("Preenchimento com ácido hialurônico Juvéderm® Voluma", Category.FILLER, PER_ML,
              Decimal("2200"), 45, 15, CONSENT, _FILLER_PT),
    Treatment("Preenchimento labial Restylane® Kysse", Category.FILLER, PER_ML,
              Decimal("1900"), 45, 15, CONSENT, _FILLER_PT),
    Treatment("Bioestimulador Sculptra® (ácido poli-L-láctico)", Category.BIOSTIMULATOR, SESSION,
              Decimal("3500"), 60, 15, CONSENT,
              "Um frasco por sessão; protocolo usual de 2 ou 3 sessões com intervalo de 6 semanas."),
    Treatment("Bioestimulador Radiesse® (hidroxiapatita de cálcio)", Category.BIOSTIMULATOR, SESSION,
              Decimal("3200"), 45, 15, CONSENT,
              "Uma seringa de 1,5 ml por sessão, diluída para qualidade de pele ou pura para contorno."),
    Treatment("Laser toning Q-switched Nd:YAG, face", Category.LASER, SESSION,
              Decimal("650"), 30, 10, NO_CONSENT,
              "Para melasma e manchas; protocolo de 5 a 10 sessões semanais ou quinzenais."),
    Treatment("Laser de CO2 fracionado, face total", Category.LASER, SESSION,
              Decimal("2800"), 90, 15, CONSENT,
              "Inclui 45 minutos de anestésico tópico; 5 a 7 dias de recuperação."),
    Treatment("Depilação a laser diodo, axilas", Category.LASER, PER_AREA,
              Decimal("180"), 20, 10, NO_CONSENT,
              "Preço por área e sessão; 6 a 8 sessões com intervalo de 4 a 6 semanas."),
    Treatment("Microagulhamento com radiofrequência Morpheus8", Category.ENERGY, SESSION,
              Decimal("3200"), 75, 15, CONSENT,
              "Radiofrequência fracionada para cicatrizes de acne e flacidez; inclui anestésico tópico."),
    Treatment("Ultraformer III (HIFU), face e pescoço", Category.ENERGY, SESSION,
              Decimal("3800"), 60, 10, NO_CONSENT,
              "Ultrassom microfocado em 1,5, 3,0 e 4,5 mm; resultado progressivo em 8 a 12 semanas."),
    Treatment("Peeling de ácido glicólico 70%", Category.PEEL, SESSION,
              Decimal("380"), 30, 10, NO_CONSENT,
              "Para textura e manchas leves; 4 a 6 sessões a cada 15 dias."),
    Treatment("Limpeza de pele profunda", Category.SKIN, SESSION,
              Decimal("280"), 60, 10, NO_CONSENT,
              "Higienização, esfoliação, extração e máscara calmante."),
)

RIYADH_CATALOG = (
    Treatment("Dermatology consultation", Category.CONSULTATION, SESSION,
              Decimal("350"), 30, 5, NO_CONSENT,
              "Assessment by a dermatologist; credited against a treatment booked the same day."),
    Treatment("Botox® botulinum toxin (Allergan)", Category.NEUROTOXIN, PER_UNIT,
              Decimal("65"), 30, 10, CONSENT, _DOSES),
    Treatment("Xeomin® botulinum toxin (Merz)", Category.NEUROTOXIN, PER_UNIT,
              Decimal("45"), 30, 10, CONSENT, _DOSES),
    Treatment("Juvéderm® Voluma hyaluronic acid filler", Category.FILLER, PER_ML,
              Decimal("2200"), 45, 15, CONSENT, _FILLER),
    Treatment("Restylane® Kysse hyaluronic acid filler (lips)", Category.FILLER, PER_ML,
              Decimal("1900"), 45, 15, CONSENT, _FILLER),
    Treatment("Sculptra® poly-L-lactic acid biostimulator", Category.BIOSTIMULATOR, SESSION,
              Decimal("3800"), 60, 15, CONSENT, _SCULPTRA),
    Treatment("Radiesse® calcium hydroxylapatite biostimulator", Category.BIOSTIMULATOR, SESSION,
              Decimal("3300"), 45, 15, CONSENT, _RADIESSE),
    Treatment("Q-switched Nd:YAG laser toning", Category.LASER, SESSION,
              Decimal("750"), 30, 10, NO_CONSENT,
              "For melasma and post-inflammatory pigmentation; a course of 5 to 10 sessions."),
    Treatment("Fractional CO2 laser resurfacing", Category.LASER, SESSION,
              Decimal("2900"), 90, 15, CONSENT, _CO2),
    Treatment("Diode laser hair removal, full legs", Category.LASER, PER_AREA,
              Decimal("1200"), 45, 10, NO_CONSENT, _HAIR),
    Treatment("Morpheus8 RF microneedling", Category.ENERGY, SESSION,
              Decimal("3200"), 75, 15, CONSENT, _MORPHEUS),
    Treatment("Ultraformer III HIFU lift, face and neck", Category.ENERGY, SESSION,
              Decimal("3500"), 60, 10, NO_CONSENT,
              "Micro-focused ultrasound; results build over 8 to 12 weeks."),
    Treatment("Jessner's solution peel", Category.PEEL, SESSION,
              Decimal("600"), 30, 10, NO_CONSENT,
              "For pigmentation and texture; 3 to 6 peels 2 to 4 weeks apart."),
    Treatment("HydraFacial® Signature", Category.SKIN, SESSION,
              Decimal("650"), 45, 15, NO_CONSENT, _HYDRA),
)


# ----------------------------------------------------------------------------- patients
# Columns: given name, family name, sex, birth date, country (issues the ID and the
# phone), referral source, tags, e-mail. IDs and phones are generated: patient_identity().

F, M = Sex.FEMALE, Sex.MALE

# Registered in Riyadh and, as a medical tourist, in Bangkok: the same Saudi ID at two
# organizations, each with its own profile of her (README "Patient identity").
NOURA = PatientSeed("Noura", "Al-Qahtani", F, date(1992, 2, 10), "SA", "Snapchat", ("VIP",),
                    "noura.q@example.com")

BANGKOK_PATIENTS = (
    PatientSeed("Nattaporn", "Kongsiri", F, date(1990, 3, 14), "TH", "Instagram", ("melasma",),
                "nattaporn.k@example.com"),
    PatientSeed("Pornthip", "Sukjai", F, date(1985, 11, 2), "TH", "Friend referral", ("toxin regular",)),
    PatientSeed("Apinya", "Charoenwong", F, date(1993, 7, 21), "TH", "LINE official account"),
    PatientSeed("Waraporn", "Saelim", F, date(1979, 1, 30), "TH", "Walk-in", ("VIP",)),
    PatientSeed("Thitima", "Srisuk", F, date(1996, 5, 9), "TH", "TikTok", ("acne scars",),
                "thitima.s@example.com"),
    PatientSeed("Kanya", "Phanthong", F, date(1988, 9, 17), "TH", "Google Maps"),
    PatientSeed("Jirayu", "Boonyarat", M, date(1991, 12, 5), "TH", "Instagram", ("hair removal",)),
    PatientSeed("Teerapat", "Wongwaiwit", M, date(1987, 4, 23), "TH", "Friend referral"),
    PatientSeed("Sasithorn", "Intharasuk", F, date(1982, 6, 11), "TH", "Facebook", ("filler follow-up",)),
    PatientSeed("Rattana", "Meesuk", F, date(1969, 10, 28), "TH", "Doctor referral", ("VIP",)),
    PatientSeed("Chutima", "Thammasak", F, date(1998, 2, 19), "TH", "TikTok"),
    PatientSeed("Pakorn", "Limthong", M, date(1994, 8, 7), "TH", "Google Maps"),
    replace(NOURA, referral_source="Noor Aesthetics, Riyadh", tags=("medical tourist",)),
)

SAO_PAULO_PATIENTS = (
    PatientSeed("Ana Carolina", "Pereira", F, date(1989, 5, 12), "BR", "Instagram", ("bioestimulador",),
                "anacarolina.p@example.com"),
    PatientSeed("Fernanda", "Lima Barbosa", F, date(1984, 8, 30), "BR", "Indicação de amiga", ("VIP",)),
    PatientSeed("Patrícia", "Moreira", F, date(1976, 2, 14), "BR", "Google"),
    PatientSeed("Luciana", "Cardoso", F, date(1981, 11, 23), "BR", "Indicação médica", ("melasma",)),
    PatientSeed("Bruna", "Almeida Rocha", F, date(1995, 3, 3), "BR", "TikTok", (), "bruna.rocha@example.com"),
    PatientSeed("Renata", "Gomes", F, date(1979, 7, 19), "BR", "Instagram", ("toxina recorrente",)),
    PatientSeed("Vanessa", "Martins", F, date(1990, 10, 8), "BR", "Google"),
    PatientSeed("Isabela", "Castro", F, date(1998, 6, 25), "BR", "Instagram", ("depilação a laser",)),
    PatientSeed("Marcelo", "Azevedo", M, date(1983, 9, 1), "BR", "Indicação de amiga"),
    PatientSeed("Rodrigo", "Pinto", M, date(1975, 12, 17), "BR", "Google", ("VIP",)),
    PatientSeed("Aline", "Freitas", F, date(1992, 1, 28), "BR", "Instagram", ("acne",)),
    PatientSeed("Cláudia", "Ramos", F, date(1968, 4, 6), "BR", "Indicação médica"),
)

RIYADH_PATIENTS = (
    NOURA,
    PatientSeed("Lulwah", "Al-Rashid", F, date(1988, 6, 3), "SA", "Instagram", (), "lulwah.r@example.com"),
    PatientSeed("Maha", "Al-Subaie", F, date(1985, 10, 21), "SA", "Friend referral", ("melasma",)),
    PatientSeed("Abeer", "Al-Yami", F, date(1979, 3, 15), "SA", "Google Maps", ("VIP",)),
    PatientSeed("Dalal", "Al-Johani", F, date(1995, 12, 1), "SA", "Snapchat"),
    PatientSeed("Wafa", "Al-Malki", F, date(1983, 8, 27), "SA", "Walk-in", ("filler follow-up",)),
    PatientSeed("Ghadah", "Al-Enezi", F, date(1990, 4, 18), "SA", "Instagram", ("hair removal",)),
    PatientSeed("Sultan", "Al-Harthi", M, date(1986, 11, 9), "SA", "Google Maps"),
    PatientSeed("Turki", "Al-Mutlaq", M, date(1993, 5, 30), "SA", "Friend referral", ("acne scars",)),
    PatientSeed("Rahaf", "Al-Omari", F, date(1999, 9, 14), "SA", "TikTok"),
    PatientSeed("Joud", "Al-Sulaiman", F, date(1997, 1, 22), "SA", "Snapchat", (), "joud.s@example.com"),
    # A Lebanese resident of Riyadh: her ID is an Iqama (starts with 2).
    PatientSeed("Layla", "Haddad", F, date(1987, 7, 7), "SA", "Google Maps", resident=True),
)



# ---------------------------------------------------------------------------- calendars
# Rooms (local names) and the categories each is equipped for; weekly hours of every
# doctor, nurse and therapist (assistants assist, they take no appointments of their
# own), a vacation and a day of extra hours. Weekdays: 0 = Monday … 6 = Sunday.

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
INJECT = (Category.NEUROTOXIN, Category.FILLER, Category.BIOSTIMULATOR)
DEVICES = (Category.LASER, Category.ENERGY)
FACIALS = (Category.SKIN, Category.PEEL)

# Bangkok: malls and clinics open late; Monday to Saturday 10:00-20:00, lunch 13:00-14:00.
BANGKOK_DAY = hours((10, 0, 13, 0), (14, 0, 20, 0))
BANGKOK_CALENDAR = CalendarSeed(
    rooms=(
        RoomSeed("ห้องตรวจ 1", (Category.CONSULTATION, *INJECT)),  # examination room 1
        RoomSeed("ห้องหัตถการ", (*INJECT, Category.ENERGY)),  # procedure room
        RoomSeed("ห้องเลเซอร์", DEVICES),  # laser room
        RoomSeed("ห้องทรีตเมนต์ผิว", FACIALS),  # skin treatment room
    ),
    hours=(
        WeeklyHours("+66 86 330 9127", week((MON, TUE, THU, FRI, SAT), BANGKOK_DAY)),  # Siriporn
        WeeklyHours(VISITING_DOCTOR.phone, week((MON, TUE, WED), BANGKOK_DAY)),
        WeeklyHours("+66 62 418 5590", week((TUE, WED, THU, FRI, SAT), BANGKOK_DAY)),  # Kanokwan
        WeeklyHours("+66 95 771 0436", week((MON, TUE, WED, FRI, SAT), BANGKOK_DAY)),  # Supaporn
    ),
    time_off=TimeOff("+66 62 418 5590", after_days=18, length=7, reason="ลาพักร้อน"),  # annual leave
    # A Sunday filler day for regulars (the clinic is otherwise closed on Sundays).
    extra=ExtraHours("+66 86 330 9127", SUN, after_days=9, span=(time(10), time(16)),
                     reason="เปิดพิเศษวันอาทิตย์ นัดฟิลเลอร์"),
    cancel_reasons=("ผู้รับบริการติดธุระ ขอเลื่อนนัด", "ผู้รับบริการไม่สบาย", "ติดงานด่วน มาไม่ทัน"),
)

# São Paulo: Monday to Friday 09:00-19:00 with lunch 12:00-13:00, Saturday mornings.
SAO_PAULO_DAY = hours((9, 0, 12, 0), (13, 0, 19, 0))
SAO_PAULO_SATURDAY = hours((9, 0, 13, 0))
SAO_PAULO_CALENDAR = CalendarSeed(
    rooms=(
        RoomSeed("Consultório 1", (Category.CONSULTATION, *INJECT)),
        RoomSeed("Sala de procedimentos", (*INJECT, Category.ENERGY)),
        RoomSeed("Sala de laser", DEVICES),
        RoomSeed("Sala de estética", FACIALS),
    ),
    hours=(
        WeeklyHours("+55 11 99627-4418",  # Camila
                    week((MON, TUE, WED, THU, FRI), SAO_PAULO_DAY) + week((SAT,), SAO_PAULO_SATURDAY)),
        WeeklyHours("+55 11 98840-1375",  # Juliana
                    week((TUE, WED, THU, FRI), SAO_PAULO_DAY) + week((SAT,), SAO_PAULO_SATURDAY)),
        WeeklyHours("+55 11 96583-2209", week((MON, TUE, WED, THU, FRI), SAO_PAULO_DAY)),  # Beatriz
    ),
    time_off=TimeOff("+55 11 99627-4418", after_days=25, length=7, reason="Férias"),
    extra=ExtraHours("+55 11 96583-2209", SAT, after_days=6, span=(time(9), time(14)),
                     reason="Sábado extra: campanha de limpeza de pele"),
    cancel_reasons=("Paciente pediu para remarcar", "Paciente gripada", "Imprevisto no trabalho"),
)

# Riyadh: Saturday to Thursday, split shifts 10:00-13:00 and 16:00-22:00 (the long
# afternoon break covers lunch and the heat of the day); Friday is the weekend. The
# visiting doctor holds evening clinics with a break for the evening prayer.
RIYADH_DAY = hours((10, 0, 13, 0), (16, 0, 22, 0))
RIYADH_CALENDAR = CalendarSeed(
    rooms=(
        RoomSeed("غرفة الكشف", (Category.CONSULTATION, *INJECT)),  # examination room
        RoomSeed("غرفة الإجراءات", (*INJECT, Category.ENERGY)),  # procedure room
        RoomSeed("غرفة الليزر", DEVICES),  # laser room
        RoomSeed("غرفة العناية بالبشرة", FACIALS),  # skin care room
    ),
    hours=(
        WeeklyHours("+966 53 771 0458", week((SAT, SUN, MON, TUE, WED), RIYADH_DAY)),  # Nora
        WeeklyHours(VISITING_DOCTOR.phone, week((THU, SAT), hours((16, 0, 19, 0), (19, 30, 22, 0)))),
        WeeklyHours("+966 54 680 2293", week((SUN, MON, TUE, WED, THU), RIYADH_DAY)),  # Hind
        WeeklyHours("+966 56 413 9075", week((SAT, SUN, MON, WED, THU), RIYADH_DAY)),  # Lama
    ),
    time_off=TimeOff("+966 54 680 2293", after_days=12, length=5, reason="إجازة سنوية"),
    extra=ExtraHours("+966 53 771 0458", FRI, after_days=15, span=(time(16), time(22)),
                     reason="عيادة مسائية إضافية يوم الجمعة"),
    cancel_reasons=("طلب المراجع تأجيل الموعد", "ظرف عائلي طارئ", "سفر خارج الرياض"),
)

# fmt: on


# ------------------------------------------------------------------------ organizations

ORGANIZATIONS = (
    OrganizationSeed(
        name="Lumière Aesthetic Group",
        owner=LUMIERE_OWNER,
        clinics=(
            ClinicSeed(
                ClinicData(
                    name="Lumière Bangkok (Sukhumvit 39)",
                    country="TH",
                    time_zone="Asia/Bangkok",
                    locale="th",
                    currency="THB",
                    # The front desk's mobile, also its LINE account: clinic_create only
                    # accepts mobile numbers (a Bangkok landline, 02-xxx-xxxx, is refused).
                    phone="+66 92 555 3939",
                    address="88 Soi Sukhumvit 39, Khlong Tan Nuea, Watthana, Bangkok 10110, Thailand",
                ),
                BANGKOK_STAFF,
                BANGKOK_CATALOG,
                BANGKOK_PATIENTS,
                BANGKOK_CALENDAR,
            ),
            ClinicSeed(
                ClinicData(
                    name="Lumière São Paulo (Jardins)",
                    country="BR",
                    time_zone="America/Sao_Paulo",
                    locale="pt-BR",
                    currency="BRL",
                    phone="+55 11 97120-1120",  # the front desk's WhatsApp Business number
                    address="Rua Oscar Freire, 1120, conj. 52, Jardim Paulista, São Paulo, SP, "
                    "01426-001, Brasil",
                ),
                SAO_PAULO_STAFF,
                SAO_PAULO_CATALOG,
                SAO_PAULO_PATIENTS,
                SAO_PAULO_CALENDAR,
            ),
        ),
    ),
    OrganizationSeed(
        name="Noor Medical Aesthetics",
        owner=NOOR_OWNER,
        clinics=(
            ClinicSeed(
                ClinicData(
                    name="Noor Aesthetics Al Olaya (Riyadh)",
                    country="SA",
                    time_zone="Asia/Riyadh",
                    locale="ar",
                    currency="SAR",
                    phone="+966 55 720 4400",  # the front desk's WhatsApp number
                    address="7236 Prince Mohammed bin Abdulaziz Rd (Tahlia St), Al Olaya, Riyadh 12214, "
                    "Saudi Arabia",
                ),
                RIYADH_STAFF,
                RIYADH_CATALOG,
                RIYADH_PATIENTS,
                RIYADH_CALENDAR,
            ),
        ),
    ),
)


# ------------------------------------------------------------------- generated identity


def _patient_rng(seed: PatientSeed) -> random.Random:
    """A generator seeded by who the patient is, so each person gets the same ID and
    number on every run and in every clinic that registers them. Not for secrets."""
    key = f"aesthetix-demo:{seed.country}:{seed.given_name} {seed.family_name}:{seed.birth_date}"
    return random.Random(key)  # noqa: S311


def _digits(rng: random.Random, count: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(count))


def thai_pin(rng: random.Random, birth_date: date) -> str:
    """A Thai personal identification number: 13 digits, the last the check digit of
    ``stdnum.th.pin``. Digit 1 is the registration category (1: registered at birth,
    from 1984 on; 3: already in a house register then), digits 2 to 5 the registering
    office, here a Bangkok district (10xx)."""
    category = "1" if birth_date.year >= 1984 else "3"
    body = f"{category}10{rng.randint(1, 50):02d}{_digits(rng, 7)}"
    return body + pin.calc_check_digit(body)


def cpf_check_digits(base: str) -> str:
    """The two mod-11 check digits of a 9-digit CPF base (the Receita Federal rule that
    ``stdnum.br.cpf.validate`` checks; python-stdnum 2.2 keeps its calculator private)."""
    first = (11 - sum((10 - i) * int(d) for i, d in enumerate(base))) % 11 % 10
    second = (11 - sum((11 - i) * int(d) for i, d in enumerate(f"{base}{first}"))) % 11 % 10
    return f"{first}{second}"


def brazil_cpf(rng: random.Random) -> str:
    """A CPF: 11 digits; the 9th is the issuing fiscal region, 8 for São Paulo."""
    base = f"{_digits(rng, 8)}8"
    return base + cpf_check_digits(base)


def saudi_id(rng: random.Random, *, resident: bool) -> str:
    """A Saudi national ID (citizen, starts with 1) or Iqama (resident, starts with 2):
    10 digits, the last a Luhn check digit."""
    body = f"{'2' if resident else '1'}{_digits(rng, 8)}"
    return body + luhn.calc_check_digit(body)


# Mobile ranges: Thai 06x/08x/09x, São Paulo (11) 9xxxx-xxxx, Saudi 05x.
_MOBILE_PREFIXES = {
    "TH": ("+66 81", "+66 82", "+66 86", "+66 89", "+66 62", "+66 63", "+66 64", "+66 91", "+66 95"),
    "BR": ("+55 11 95", "+55 11 96", "+55 11 97", "+55 11 98", "+55 11 99"),
    "SA": ("+966 50", "+966 53", "+966 54", "+966 55", "+966 56", "+966 58", "+966 59"),
}
_LANGUAGES = {"TH": "th", "BR": "pt-br", "SA": "ar"}


def patient_identity(seed: PatientSeed) -> tuple[str, str]:
    """``(national_id, mobile)`` of a demo patient, the same on every run."""
    rng = _patient_rng(seed)
    if seed.country == "TH":
        national_id = thai_pin(rng, seed.birth_date)
    elif seed.country == "BR":
        national_id = brazil_cpf(rng)
    else:
        national_id = saudi_id(rng, resident=seed.resident)
    phone = f"{rng.choice(_MOBILE_PREFIXES[seed.country])} {_digits(rng, 3)} {_digits(rng, 4)}"
    return national_id, phone


# -------------------------------------------------------------------------------- build


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


def _clinic_fill(clinic: Clinic, seed: ClinicSeed, owner: User) -> ClinicSummary:
    """Staff the clinic, then add its catalog (as the owner), and its patients and
    calendar (as the receptionist, who registers and books them at the front desk)."""
    staff = _staff_join(clinic, seed.staff)
    receptionist = next(user for role, user in staff if role == Role.RECEPTIONIST)
    services = _catalog_add(clinic, owner, seed.catalog)
    patients = _patients_register(clinic, receptionist, seed.patients)
    texts = consent_texts_publish(clinic, owner, _LANGUAGES[clinic.country])
    consents = consents_record(clinic, receptionist, patients, texts)
    calendar = calendar_build(clinic, receptionist, seed.calendar, staff, patients)
    commission_rules_build(clinic, owner)  # before the sales: each checkout computes its commissions
    commerce = commerce_build(clinic, owner, staff, patients)
    clinical = clinical_records_build(clinic, owner, staff, patients)
    commissions = commission_periods_close(clinic)
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


def _organization_build(seed: OrganizationSeed) -> list[ClinicSummary]:
    first, *others = seed.clinics
    organization, clinic, owner = organization_signup(
        organization_name=seed.name, clinic=first.data, owner=_account_args(seed.owner)
    )
    _licences_add(owner, seed.owner.licences)
    clinics = [clinic] + [
        clinic_create(organization=organization, actor=owner, actor_role=Role.OWNER, data=other.data)
        for other in others
    ]
    return [_clinic_fill(built, data, owner) for built, data in zip(clinics, seed.clinics, strict=True)]


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


def demo_build() -> DemoReport:
    """Build the demo organizations that are not there yet, all or nothing.

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
            built += _organization_build(seed)
        return DemoReport(built=tuple(built), already_present=tuple(present), logins=demo_logins())
