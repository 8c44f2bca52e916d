"""Give every organization its own copy of each patient profile (README "Patient identity").

Until now one profile was shared by every clinic that registered the same national ID,
across organizations, joined by a matching birth date: a fact a stranger can guess. Each
profile now stays with the organization whose clinic registered it first; every other
organization holding it gets a copy of the same data, and its charts point at the copy.
The old joins are not carried over as identity links: none was proven by the person.
A profile no clinic holds (none is written that way) can be reached by no one and is
deleted.
"""

from django.db import migrations

COPIED = (
    "given_name",
    "family_name",
    "search_name",
    "birth_date",
    "sex",
    "phone",
    "phone_alt",
    "email",
    "address",
    "national_id",
    "national_id_country",
    "national_id_hash",
    "preferred_language",
    "preferred_channel",
)


def split_profiles_by_organization(apps, schema_editor):
    PatientProfile = apps.get_model("patients", "PatientProfile")
    ClinicPatient = apps.get_model("patients", "ClinicPatient")
    links = ClinicPatient.objects.select_related("clinic").order_by("profile_id", "created_at", "pk")
    by_profile = {}
    for link in links.iterator(chunk_size=2000):
        by_profile.setdefault(link.profile_id, []).append(link)
    for profile in PatientProfile.objects.filter(organization__isnull=True).iterator(chunk_size=2000):
        held = by_profile.get(profile.pk, [])
        if not held:
            profile.delete()
            continue
        organizations = list(dict.fromkeys(link.clinic.organization_id for link in held))
        profile.organization_id = organizations[0]
        profile.save(update_fields=["organization"])
        for organization_id in organizations[1:]:
            copy = PatientProfile.objects.create(
                organization_id=organization_id, **{f: getattr(profile, f) for f in COPIED}
            )
            ClinicPatient.objects.filter(
                profile_id=profile.pk, clinic__organization_id=organization_id
            ).update(profile=copy)


def join_copies_back(apps, schema_editor):
    """Reverse: point the charts back at the oldest profile of the same national ID
    (the one profile of the previous schema) and delete the copies; profiles without an
    ID stay as they are."""
    PatientProfile = apps.get_model("patients", "PatientProfile")
    ClinicPatient = apps.get_model("patients", "ClinicPatient")
    keep = {}
    profiles = PatientProfile.objects.exclude(national_id_hash="").order_by("created_at", "pk")
    for profile in profiles.iterator(chunk_size=2000):
        key = (profile.national_id_country, profile.national_id_hash)
        if key not in keep:
            keep[key] = profile.pk
            continue
        ClinicPatient.objects.filter(profile_id=profile.pk).update(profile_id=keep[key])
        profile.delete()


class Migration(migrations.Migration):
    dependencies = [("patients", "0008_patient_identity_per_organization")]

    operations = [migrations.RunPython(split_profiles_by_organization, join_copies_back)]
