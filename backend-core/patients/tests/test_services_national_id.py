"""Patient registration by national ID, with the ID encrypted at rest and found through its
blind index. (Kept apart from the other patient service tests while those are being
written; fold into test_services.py once both have landed.)"""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, transaction

from accounts.models import Clinic
from accounts.tests.factories import ClinicFactory
from accounts.validators import national_id_hash
from core.exceptions import ValidationFailed
from core.tenancy import clinic_context
from core.tests.raw import stored_value
from patients.models import ClinicPatient, PatientProfile
from patients.services import patient_register

THAI_ID = "1101700230708"
BORN = datetime.date(1988, 4, 12)

pytestmark = pytest.mark.django_db


def register(
    clinic: Clinic, *, national_id: str = THAI_ID, birth_date: datetime.date = BORN
) -> ClinicPatient:
    with clinic_context(clinic):
        return patient_register(
            clinic=clinic,
            actor=None,
            given_name="Malee",
            family_name="Srisuk",
            birth_date=birth_date,
            phone="081-555-0101",
            national_id=national_id,
        )


def test_national_id_is_stored_encrypted_beside_its_blind_index():
    profile = register(ClinicFactory(country="TH")).profile

    stored = stored_value(PatientProfile, profile.pk, "national_id")
    assert THAI_ID not in stored and stored.startswith("gAAAAA")  # a Fernet token
    assert stored_value(PatientProfile, profile.pk, "national_id_hash") == national_id_hash(
        country="TH", national_id=THAI_ID
    )
    fresh = PatientProfile.objects.get(pk=profile.pk)
    assert (fresh.national_id, fresh.national_id_country) == (THAI_ID, "TH")


def test_a_second_clinic_of_the_organization_links_its_profile_by_national_id():
    first = register(ClinicFactory(country="TH"))
    second_clinic = ClinicFactory(country="TH", organization=first.clinic.organization)

    second = register(second_clinic, national_id="1-1017-00230-70-8")

    assert second.profile_id == first.profile_id
    assert second.clinic_id == second_clinic.pk
    assert PatientProfile.objects.count() == 1


def test_a_known_national_id_with_another_birth_date_is_refused_within_the_organization():
    first = register(ClinicFactory(country="TH"))

    with pytest.raises(ValidationFailed) as caught:
        register(
            ClinicFactory(country="TH", organization=first.clinic.organization),
            birth_date=datetime.date(1990, 1, 1),
        )

    assert list(caught.value.errors) == ["birth_date"]


def test_another_organization_gets_its_own_profile_whatever_the_birth_date():
    first = register(ClinicFactory(country="TH"))

    other = register(ClinicFactory(country="TH"), birth_date=datetime.date(1990, 1, 1))

    assert other.profile_id != first.profile_id
    assert other.profile.organization_id == other.clinic.organization_id
    assert other.profile.birth_date == datetime.date(1990, 1, 1)
    assert PatientProfile.objects.get(pk=first.profile_id).birth_date == BORN


def test_an_invalid_national_id_is_refused_naming_the_field():
    with pytest.raises(ValidationFailed) as caught:
        register(ClinicFactory(country="TH"), national_id="1234567890123")

    assert list(caught.value.errors) == ["national_id"]


def test_the_database_refuses_a_second_profile_with_the_same_national_id_in_one_organization():
    existing = register(ClinicFactory(country="TH")).profile

    with pytest.raises(IntegrityError), transaction.atomic():
        PatientProfile.objects.create(
            organization_id=existing.organization_id,
            given_name="Duplicate",
            birth_date=BORN,
            phone="+66815550102",
            national_id=THAI_ID,
            national_id_country="TH",
            national_id_hash=existing.national_id_hash,
        )
