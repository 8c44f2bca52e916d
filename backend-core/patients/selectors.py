"""Reads of the patients context. Every query goes through the clinic-scoped manager:
a clinic only ever sees the patients linked to it."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from accounts.models import Clinic
from accounts.validators import clean_national_id, clean_phone, national_id_hash
from core.exceptions import ValidationFailed
from patients.models import ClinicPatient, Consent, ConsentPurpose, ConsentText
from patients.services import search_key


def patient_list(
    *,
    clinic: Clinic,
    q: str = "",
    phone: str = "",
    chart_number: str = "",
    national_id: str = "",
    sex: str = "",
    phone_fragments: bool = False,
) -> QuerySet[ClinicPatient]:
    """The clinic's patients, newest first, filtered by any of:

    * ``q``: words of the name, each matched anywhere, accent- and case-insensitive;
    * ``phone``: any form the clinic's country parses (``081-555-0101``) matches the whole
      number exactly; with ``phone_fragments`` (roles that read phones unmasked,
      ``core.masking.sees_in_full``) digits that are not a whole number match anywhere
      in it, otherwise they are refused: a role that sees ``081-XXX-0101`` must not learn
      the hidden digits by asking which numbers contain them;
    * ``chart_number`` (exact, case-insensitive), ``national_id`` (exact, issued by the
      clinic's country unless prefixed ``CC:``), ``sex``.

    Raises ``ValidationFailed`` for a malformed national ID, and naming ``phone`` for a
    fragment of a number without ``phone_fragments``.
    """
    # Profiles are fetched in a second query for the page's rows only: joining them
    # first made PostgreSQL join every match before sorting (bench/patient_search.py).
    patients = ClinicPatient.objects.prefetch_related("profile").order_by("-created_at", "pk")
    for word in search_key(q).split():
        patients = patients.filter(search_name__contains=word)
    if phone:
        try:
            patients = patients.filter(
                profile__phone=clean_phone(phone, region=clinic.country, mobile_only=False)
            )
        except ValidationFailed:
            if not phone_fragments:
                raise ValidationFailed(
                    errors={"phone": [_("Give the whole phone number: your role sees phone numbers masked.")]}
                ) from None
            digits = "".join(c for c in phone if c.isdigit())
            patients = patients.filter(profile__phone__contains=digits) if digits else patients.none()
    if chart_number:
        patients = patients.filter(chart_number__iexact=chart_number.strip())
    if national_id:
        country, _colon, number = national_id.rpartition(":")
        country = (country or clinic.country).upper()
        compact = clean_national_id(country=country, value=number)
        patients = patients.filter(
            profile__national_id_country=country,
            profile__national_id_hash=national_id_hash(country=country, national_id=compact),
        )
    if sex:
        patients = patients.filter(profile__sex=sex)
    return patients


def consent_history(*, patient: ClinicPatient) -> QuerySet[Consent]:
    """Every decision of the patient at this clinic, newest first."""
    return (
        Consent.objects.filter(patient=patient)
        .select_related("text", "recorded_by")
        .order_by("-decided_at", "-created_at")
    )


def consent_current(*, patient: ClinicPatient, purpose: str) -> Consent | None:
    """The patient's standing decision about ``purpose`` (newest record), or ``None``."""
    return consent_history(patient=patient).filter(purpose=purpose).first()


def consent_is_granted(*, patient: ClinicPatient, purpose: str) -> bool:
    """True only when the newest decision about ``purpose`` is a grant (no record: no)."""
    current = consent_current(patient=patient, purpose=purpose)
    return current is not None and current.decision == Consent.Decision.GRANTED


def consent_current_map(*, patient: ClinicPatient) -> dict[str, Consent | None]:
    """``{purpose: newest decision or None}`` for every purpose, in one query."""
    current: dict[str, Consent | None] = dict.fromkeys(ConsentPurpose.values)
    for consent in consent_history(patient=patient):
        if current[consent.purpose] is None:
            current[consent.purpose] = consent
    return current


def patients_consenting_to(*, purpose: str) -> QuerySet[ClinicPatient]:
    """The clinic's patients whose newest decision about ``purpose`` is a grant: the
    audience campaigns may message (``marketing_messages``; LGPD Art. 7 I, PDPA s19)."""
    newest = (
        Consent.objects.filter(patient=OuterRef("pk"), purpose=purpose)
        .order_by("-decided_at", "-created_at")
        .values("decision")[:1]
    )
    return (
        ClinicPatient.objects.annotate(standing=Subquery(newest))
        .filter(standing=Consent.Decision.GRANTED)
        .select_related("profile")
    )


def consent_text_list() -> QuerySet[ConsentText]:
    return ConsentText.objects.order_by("purpose", "locale", "-version")


def chart_rows_filter(patients: Sequence[ClinicPatient], *, via: str = "patient") -> Q:
    """A filter for another context's tenant-local rows that belong to one of the chart
    links ``patients`` (one person's charts, possibly at several clinics), reached
    through the foreign key path ``via`` (``"patient"``, ``"session__patient"``). A row
    must point at one of the charts AND belong to one of their clinics, so a cross-clinic
    read (``Model.unscoped``) stays bounded by the charts even if a row's links were
    inconsistent."""
    return Q(clinic_id__in=sorted({p.clinic_id for p in patients})) & Q(
        **{f"{via}_id__in": [p.pk for p in patients]}
    )
