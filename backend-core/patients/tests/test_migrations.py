"""Data migrations of the patients app, run on rows written by the previous schema."""

from __future__ import annotations

import datetime

import pgtrigger
import pytest
from django.db import connection

from accounts.tests.factories import ClinicFactory, OrganizationFactory
from accounts.validators import national_id_hash
from core.tests.migrations import migrator
from core.tests.raw import stored_value
from patients.models import PatientProfile

THAI_ID = "1101700230708"
BEFORE = ("patients", "0003_search_name_trigram")
AFTER = ("patients", "0004_profile_national_id_encrypted")


@pytest.mark.django_db(transaction=True)
def test_existing_national_ids_are_encrypted_and_indexed_and_decrypted_on_the_way_back():
    with pgtrigger.ignore(), migrator() as migrations:  # see below: triggers of the newest schema
        old_profile = migrations.migrate(BEFORE).get_model("patients", "PatientProfile")
        born = datetime.date(1988, 4, 12)
        with_id = old_profile.objects.create(
            given_name="A",
            birth_date=born,
            phone="+66815550101",
            national_id=THAI_ID,
            national_id_country="TH",
        )
        without_id = old_profile.objects.create(given_name="B", birth_date=born, phone="+66815550102")

        encrypted_profile = migrations.migrate(AFTER).get_model("patients", "PatientProfile")

        stored = stored_value(PatientProfile, with_id.pk, "national_id")
        assert stored.startswith("gAAAAA") and THAI_ID not in stored
        assert stored_value(PatientProfile, with_id.pk, "national_id_hash") == national_id_hash(
            country="TH", national_id=THAI_ID
        )
        assert encrypted_profile.objects.get(pk=with_id.pk).national_id == THAI_ID
        assert stored_value(PatientProfile, without_id.pk, "national_id_hash") == ""

        migrations.migrate(BEFORE)

        assert stored_value(PatientProfile, with_id.pk, "national_id") == THAI_ID


SHARED_BEFORE = ("patients", "0007_notes_encrypted")
SHARED_AFTER = ("patients", "0010_patientprofile_organization_required")


@pytest.mark.django_db(transaction=True)
def test_a_profile_held_by_two_organizations_becomes_one_copy_each_none_linked():
    first_org, second_org = OrganizationFactory(), OrganizationFactory()
    bangkok = ClinicFactory(organization=first_org, country="TH")
    branch = ClinicFactory(organization=first_org, country="TH")
    elsewhere = ClinicFactory(organization=second_org, country="SA")
    digest = national_id_hash(country="TH", national_id=THAI_ID)
    # The history triggers are those of the newest schema; rows written at an older one
    # would not fit them (a real migration runs with the triggers of the old schema).
    with pgtrigger.ignore(), migrator() as migrations:
        old = migrations.migrate(SHARED_BEFORE)
        old_profile, old_link = (
            old.get_model("patients", "PatientProfile"),
            old.get_model("patients", "ClinicPatient"),
        )
        shared = old_profile.objects.create(
            given_name="Noura",
            birth_date=datetime.date(1992, 2, 10),
            phone="+966560475256",
            address="Olaya Street",
            national_id=THAI_ID,
            national_id_country="TH",
            national_id_hash=digest,
        )
        alone = old_profile.objects.create(given_name="Nok", birth_date=datetime.date(1990, 1, 1))
        links = {
            clinic.pk: old_link.objects.create(clinic_id=clinic.pk, profile_id=shared.pk, chart_number=number)
            for clinic, number in ((bangkok, "HN1"), (branch, "HN2"), (elsewhere, "R1"))
        }
        old_link.objects.create(clinic_id=elsewhere.pk, profile_id=alone.pk, chart_number="R2")
        unheld = old_profile.objects.create(given_name="Nobody", birth_date=datetime.date(1990, 1, 1))

        new = migrations.migrate(SHARED_AFTER)
        profiles, charts = (
            new.get_model("patients", "PatientProfile"),
            new.get_model("patients", "ClinicPatient"),
        )

        held = {
            link.clinic_id: link.profile_id
            for link in charts.objects.filter(pk__in=[chart.pk for chart in links.values()])
        }
        assert held[bangkok.pk] == held[branch.pk] == shared.pk
        copy = profiles.objects.get(pk=held[elsewhere.pk])
        assert copy.pk != shared.pk and copy.organization_id == second_org.pk
        assert profiles.objects.get(pk=shared.pk).organization_id == first_org.pk
        assert (copy.given_name, copy.phone, copy.address, copy.national_id, copy.national_id_hash) == (
            "Noura",
            "+966560475256",
            "Olaya Street",
            THAI_ID,
            digest,
        )
        assert {p.identity_id for p in profiles.objects.all()} == {None}
        assert profiles.objects.get(pk=alone.pk).organization_id == second_org.pk
        assert not profiles.objects.filter(pk=unheld.pk).exists()

        back = migrations.migrate(SHARED_BEFORE)
        assert set(
            back.get_model("patients", "ClinicPatient").objects.values_list("profile_id", flat=True)
        ) == {
            shared.pk,
            alone.pk,
        }


def _search_name_statistics_target() -> int | None:
    """``ClinicPatient.search_name``'s own statistics target; -1 (NULL from PostgreSQL
    17 on) means the server's default."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstattarget FROM pg_attribute "
            "WHERE attrelid = 'patients_clinicpatient'::regclass AND attname = 'search_name'"
        )
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_name_search_statistics_are_finer_than_the_default():
    """Migration 0012 (the reverse sets -1, the default; not migrated back here, as
    migrating the whole schema back and forth costs minutes)."""
    assert _search_name_statistics_target() == 1000
