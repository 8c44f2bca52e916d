"""Key rotation: ``manage.py reencrypt_fields`` and the helpers behind it."""

from __future__ import annotations

import datetime
import io

import pytest
from cryptography.fernet import Fernet
from django.core.management import CommandError, call_command
from django.db.models import Model

from accounts.models import User
from accounts.services import user_create
from accounts.tests.factories import ClinicFactory
from core.crypto import DecryptionError, encrypted_models, reencrypt_model
from core.tenancy import TenantContextMissing, clinic_context
from core.tests.raw import stored_value
from patients.models import ClinicPatient, PatientProfile
from patients.services import patient_register

PASSWORD = "Correct-Horse-42"
THAI_IDS = ["1101700230708", "1102351068332", "1104744471941"]


def raw(model: type[Model], pk: object) -> str:
    return stored_value(model, pk, "national_id")


@pytest.fixture
def key_one(settings) -> str:
    key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [key]
    return key


@pytest.fixture
def people(db, key_one):
    """Two users with a national ID and one without; two patient profiles, written with
    the first key only."""
    users = [
        user_create(
            phone=f"+6681555010{i}",
            password=PASSWORD,
            given_name=f"U{i}",
            national_id=nid,
            national_id_country="TH",
        )
        for i, nid in enumerate(THAI_IDS[:2])
    ]
    users.append(user_create(phone="+66815550109", password=PASSWORD, given_name="NoId"))
    clinic = ClinicFactory(country="TH")
    with clinic_context(clinic):
        links = [
            patient_register(
                clinic=clinic,
                actor=None,
                given_name=f"P{i}",
                birth_date=datetime.date(1990, 1, 1 + i),
                phone=f"08155501{i:02d}",
                national_id=nid,
            )
            for i, nid in enumerate(THAI_IDS[1:])
        ]
    return {"users": users, "profiles": [link.profile for link in links], "clinic": clinic}


def test_finds_the_encrypted_fields_of_the_installed_models():
    found = {model._meta.label: names for model, names in encrypted_models()}

    assert found["accounts.User"] == ["national_id"]
    assert found["patients.PatientProfile"] == ["national_id"]


def test_rotation_rewrites_every_row_with_the_newest_key(settings, people, key_one):
    rows = [(User, u.pk, u.national_id) for u in people["users"]]
    rows += [(PatientProfile, p.pk, p.national_id) for p in people["profiles"]]
    before = {pk: raw(model, pk) for model, pk, _ in rows}
    key_two = Fernet.generate_key().decode()

    settings.FIELD_ENCRYPTION_KEYS = [key_two, key_one]
    out = io.StringIO()
    call_command("reencrypt_fields", stdout=out)
    settings.FIELD_ENCRYPTION_KEYS = [key_two]

    assert "accounts.User: 2 rows re-encrypted (national_id)" in out.getvalue()
    assert "patients.PatientProfile: 2 rows re-encrypted (national_id)" in out.getvalue()
    for model, pk, plain in rows:
        assert model.objects.get(pk=pk).national_id == plain
        if plain:
            assert raw(model, pk) != before[pk]
            assert Fernet(key_two.encode()).decrypt(raw(model, pk).encode()).decode() == plain
        else:
            assert raw(model, pk) == ""


def test_rotation_keeps_the_blind_index_so_lookups_still_link(settings, people, key_one):
    key_two = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [key_two, key_one]
    call_command("reencrypt_fields", stdout=io.StringIO())
    settings.FIELD_ENCRYPTION_KEYS = [key_two]
    other = ClinicFactory(country="TH", organization=people["clinic"].organization)  # a branch

    with clinic_context(other):
        link = patient_register(
            clinic=other,
            actor=None,
            given_name="P0",
            birth_date=datetime.date(1990, 1, 1),
            phone="0815550100",
            national_id=THAI_IDS[1],
        )

    assert link.profile_id == people["profiles"][0].pk


def test_without_the_rotation_the_old_rows_no_longer_open(settings, people):
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]

    with pytest.raises(DecryptionError, match=r"accounts\.User\.national_id"):
        list(User.objects.all())
    with pytest.raises(CommandError, match=r"accounts\.User\.national_id"):
        call_command("reencrypt_fields", stdout=io.StringIO())


def test_dry_run_counts_and_writes_nothing(settings, people, key_one):
    user = people["users"][0]
    stored = raw(User, user.pk)
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), key_one]
    out = io.StringIO()

    call_command("reencrypt_fields", "--dry-run", stdout=out)

    assert "accounts.User: 2 rows would be re-encrypted (national_id)" in out.getvalue()
    assert raw(User, user.pk) == stored


def test_small_batches_cover_every_row(settings, people, key_one):
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), key_one]
    stored = {u.pk: raw(User, u.pk) for u in people["users"]}

    count = reencrypt_model(User, field_names=["national_id"], batch_size=1)

    assert count == 2
    assert all(raw(User, pk) != value for pk, value in stored.items() if value)


def test_tenant_local_rows_are_rewritten_without_a_clinic_context(people):
    # Tenant-local default managers fail closed outside a clinic context; the rotation is
    # a platform job and must read every clinic's rows all the same.
    with pytest.raises(TenantContextMissing):
        ClinicPatient.objects.count()

    assert reencrypt_model(ClinicPatient, field_names=["referral_source", "notes"]) == 0
    ClinicPatient.unscoped.update(notes="follow-up in two weeks")
    assert reencrypt_model(ClinicPatient, field_names=["notes"]) == 2
    assert set(ClinicPatient.unscoped.values_list("notes", flat=True)) == {"follow-up in two weeks"}


def test_a_negative_batch_size_is_refused(db):
    with pytest.raises(CommandError, match="batch-size"):
        call_command("reencrypt_fields", "--batch-size", "0")


def test_json_documents_are_rotated_and_read_back_as_json(settings, people, key_one):
    from compliance.models import DataSubjectRequest
    from patients.tests.factories import ClinicPatientFactory

    document = {"clinics": [{"notes": "Frown lines.", "x": 0.5, "lines": [1, None]}]}
    dsr = DataSubjectRequest.unscoped.create(
        clinic=people["clinic"],
        patient=ClinicPatientFactory(clinic=people["clinic"], chart_number="HN9"),
        kind=DataSubjectRequest.Kind.EXPORT,
        received_at=datetime.datetime.now(tz=datetime.UTC),
        due_on=datetime.date(2030, 1, 1),
        result=document,
    )
    key_two = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [key_two, key_one]

    assert reencrypt_model(DataSubjectRequest, field_names=["result"]) == 1

    settings.FIELD_ENCRYPTION_KEYS = [key_two]
    stored = stored_value(DataSubjectRequest, dsr.pk, "result")
    assert "Frown" not in stored
    assert DataSubjectRequest.unscoped.get(pk=dsr.pk).result == document
