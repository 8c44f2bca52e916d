"""Reads of the patients context. Every query goes through the clinic-scoped manager:
a clinic only ever sees the patients linked to it."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db.models import Count, DateField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _

from accounts.models import Clinic
from accounts.validators import clean_national_id, clean_phone, national_id_hash
from core.exceptions import FieldErrors, ValidationFailed
from core.fields import NOT_IN_CLINIC
from patients.models import ClinicPatient, Consent, ConsentPurpose, ConsentText, PatientProfile
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


PATIENT_MATCHES_MAX = 10


@dataclass
class PatientMatch:
    """A person of the clinic's organization who may be the one being registered:
    ``patient`` is the clinic's own chart of them (``None``: known only at sibling
    clinics, named in ``clinics``); ``matched_on`` lists ``"phone"``/``"national_id"``."""

    profile: PatientProfile
    patient: ClinicPatient | None
    clinics: list[str] = field(default_factory=list)
    matched_on: list[str] = field(default_factory=list)


def patient_matches(
    *, clinic: Clinic, phone: str = "", national_id: str = "", national_id_country: str = ""
) -> list[PatientMatch]:
    """The organization's people (this clinic's patients and its sibling clinics') whose
    phone (main or alternative; any form the clinic's country parses, compared in E.164)
    or national ID (issued by ``national_id_country``, default the clinic's country)
    equals the one given: the duplicates to offer before registering someone again. At
    most ``PATIENT_MATCHES_MAX``, this clinic's patients first, then newest.

    Only the clinic's organization is looked at, so the answer is the same whether or
    not another organization knows the number or ID (README "Patient identity"). Raises
    ``ValidationFailed`` naming ``phone``/``national_id`` for a value that does not
    parse, or ``phone`` when neither is given."""
    if not phone and not national_id:
        raise ValidationFailed(errors={"phone": [_("Give a phone number or a national ID.")]})
    country = (national_id_country or clinic.country).upper()
    errors = FieldErrors()
    e164 = compact = ""
    with errors.collect():
        e164 = clean_phone(phone, region=clinic.country, mobile_only=False) if phone else ""
    with errors.collect():
        compact = clean_national_id(country=country, value=national_id)
    errors.raise_if_any()
    wanted = Q()
    if e164:
        wanted |= Q(phone=e164) | Q(phone_alt=e164)
    if compact:
        wanted |= Q(
            national_id_country=country,
            national_id_hash=national_id_hash(country=country, national_id=compact),
        )
    profiles = list(
        PatientProfile.objects.filter(wanted, organization_id=clinic.organization_id).order_by("-created_at")[
            : PATIENT_MATCHES_MAX * 2
        ]
    )
    # A deliberate read across the organization's clinics, limited to these people.
    links = (
        ClinicPatient.unscoped.filter(profile__in=profiles, clinic__organization_id=clinic.organization_id)
        .select_related("clinic")
        .order_by("clinic__name")
    )
    by_profile: dict[object, list[ClinicPatient]] = {}
    for link in links:
        by_profile.setdefault(link.profile_id, []).append(link)
    matches = []
    for profile in profiles:
        own = next((link for link in by_profile.get(profile.pk, []) if link.clinic_id == clinic.pk), None)
        if own is not None:
            own.profile = profile
        matches.append(
            PatientMatch(
                profile=profile,
                patient=own,
                clinics=[
                    link.clinic.name for link in by_profile.get(profile.pk, []) if link.clinic_id != clinic.pk
                ],
                matched_on=[
                    kind
                    for kind, hit in (
                        ("phone", bool(e164) and e164 in (profile.phone, profile.phone_alt)),
                        (
                            "national_id",
                            bool(compact)
                            and profile.national_id == compact
                            and profile.national_id_country == country,
                        ),
                    )
                    if hit
                ],
            )
        )
    matches.sort(key=lambda match: match.patient is None)  # stable: newest first within each group
    return matches[:PATIENT_MATCHES_MAX]


def organization_profile_or_400(*, clinic: Clinic, pk: uuid.UUID) -> PatientProfile:
    """The profile ``pk`` of the clinic's organization (the choice a match offers), or a
    400 naming ``profile`` worded as for an unknown id: another organization's profile
    reads as unknown, never as forbidden."""
    profile = PatientProfile.objects.filter(pk=pk, organization_id=clinic.organization_id).first()
    if profile is None:
        raise ValidationFailed(errors={"profile": [str(NOT_IN_CLINIC)]})
    return profile


def consent_texts_current(*, locale: str, fallbacks: Sequence[str] = ()) -> list[ConsentText]:
    """The clinic's current consent wording per purpose for a patient who reads
    ``locale``: the newest version in ``locale``, else in the first of ``fallbacks``
    (e.g. the clinic's language, then English) that has one, else the newest in any
    language. Purposes without any published text are left out. One query."""
    order = [code.lower() for code in (locale, *fallbacks) if code]
    best: dict[str, tuple[int, ConsentText]] = {}
    for text in ConsentText.objects.order_by("purpose", "-version", "locale"):
        code = text.locale.lower()
        rank = order.index(code) if code in order else len(order)
        current = best.get(text.purpose)
        if current is None or rank < current[0]:
            best[text.purpose] = (rank, text)
    return [best[purpose][1] for purpose in ConsentPurpose.values if purpose in best]


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


def _newest_decision(purpose: str) -> Subquery:
    return Subquery(
        Consent.objects.filter(patient=OuterRef("pk"), purpose=purpose)
        .order_by("-decided_at", "-created_at")
        .values("decision")[:1]
    )


def consent_coverage(*, charts: QuerySet[ClinicPatient] | None = None) -> dict[str, dict[str, int]]:
    """How the clinic's patients (``charts``, by default every chart of the current
    clinic) stand on each purpose: ``{purpose: {"granted": n, "withdrawn": n,
    "unanswered": n}}`` for every ``ConsentPurpose``, by each chart's newest decision (the
    standing one); the three counts add up to the number of charts. One query. Consent
    is asked and withdrawn per purpose (LGPD Art. 8 §5 and Art. 18 IX; PDPA s19)."""
    charts = (
        (ClinicPatient.objects.all() if charts is None else charts)
        .order_by()
        .annotate(**{f"standing_{purpose}": _newest_decision(purpose) for purpose in ConsentPurpose.values})
    )
    counts = charts.aggregate(
        total=Count("pk"),
        **{
            f"{purpose}__{decision}": Count("pk", filter=Q(**{f"standing_{purpose}": decision}))
            for purpose in ConsentPurpose.values
            for decision in Consent.Decision.values
        },
    )
    return {
        purpose: {
            "granted": counts[f"{purpose}__granted"],
            "withdrawn": counts[f"{purpose}__withdrawn"],
            "unanswered": counts["total"] - counts[f"{purpose}__granted"] - counts[f"{purpose}__withdrawn"],
        }
        for purpose in ConsentPurpose.values
    }


def consent_withdrawals_by_month(
    *, start: dt.datetime | None, end: dt.datetime | None, zone: str
) -> list[tuple[dt.date, str, int]]:
    """Withdrawals recorded at the current clinic in ``[start, end)`` (UTC instants, either
    open), counted by the month of ``zone`` (the clinic's) they fall in and purpose:
    ``[(first day of the month, purpose, count)]`` by month then purpose; months and
    purposes without one are absent. One query."""
    rows = Consent.objects.filter(decision=Consent.Decision.WITHDRAWN)
    if start is not None:
        rows = rows.filter(decided_at__gte=start)
    if end is not None:
        rows = rows.filter(decided_at__lt=end)
    monthly = (
        rows.order_by()
        .annotate(month=TruncMonth("decided_at", output_field=DateField(), tzinfo=ZoneInfo(zone)))
        .values_list("month", "purpose")
        .annotate(n=Count("pk"))
        .order_by("month", "purpose")
    )
    return [(month, purpose, n) for month, purpose, n in monthly]


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
