"""Writes of the patients context."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import get_supported_language_variant
from django.utils.translation import gettext as _

from accounts.models import Clinic, User
from accounts.validators import clean_national_id, clean_phone
from core.exceptions import ValidationFailed
from core.services import model_save
from patients.models import ClinicPatient, PatientProfile


def _next_chart_number(clinic: Clinic) -> str:
    """``HN000001``, ``HN000002``… per clinic; allocation is serialized on the clinic row."""
    Clinic.objects.select_for_update().filter(pk=clinic.pk).first()
    last = ClinicPatient.objects.filter(chart_number__startswith="HN").aggregate(last=Max("chart_number"))[
        "last"
    ]
    return f"HN{int(last[2:]) + 1 if last else 1:06d}"


@transaction.atomic
def patient_register(
    *,
    clinic: Clinic,
    actor: User,
    given_name: str,
    birth_date: datetime.date,
    phone: str,
    family_name: str = "",
    sex: str = PatientProfile.Sex.UNKNOWN,
    email: str = "",
    national_id: str = "",
    national_id_country: str = "",
    preferred_language: str = "",
    tags: list[str] | None = None,
    referral_source: str = "",
) -> ClinicPatient:
    """Register a patient at ``clinic``.

    ``phone`` may be local to the clinic's country (``081-555-0101`` in Thailand). A
    national ID already known (same country) links that profile when the birth date
    matches, and is refused otherwise; the patient is linked once per clinic.
    Raises ``ValidationFailed`` naming the field.
    """
    e164 = clean_phone(phone, region=clinic.country)
    country = (national_id_country or (clinic.country if national_id else "")).upper()
    compact = clean_national_id(country=country, value=national_id)
    profile = None
    if compact:
        profile = (
            PatientProfile.objects.select_for_update()
            .filter(national_id_country=country, national_id=compact)
            .first()
        )
        if profile is not None and profile.birth_date != birth_date:
            raise ValidationFailed(
                errors={"birth_date": [_("Does not match the existing record of this national ID.")]}
            )
    if profile is None:
        profile = PatientProfile(
            given_name=given_name,
            family_name=family_name,
            birth_date=birth_date,
            sex=sex,
            phone=e164,
            email=email,
            national_id=compact,
            national_id_country=country if compact else "",
            preferred_language=preferred_language or get_supported_language_variant(clinic.locale.lower()),
        )
        model_save(profile)
    existing = ClinicPatient.objects.filter(profile=profile).first()
    if existing is not None:
        return existing
    link: dict[str, Any] = {"tags": tags or [], "referral_source": referral_source}
    patient = ClinicPatient(clinic=clinic, profile=profile, chart_number=_next_chart_number(clinic), **link)
    model_save(patient)
    return patient
