"""Writes of the patients context: registration, profile updates and consents."""

from __future__ import annotations

import datetime
import unicodedata
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_supported_language_variant
from django.utils.translation import gettext as _

from accounts.models import Clinic, User
from accounts.validators import clean_national_id, clean_phone, national_id_hash
from compliance.services import audit_changes, audit_event_record
from core.exceptions import ValidationFailed
from core.net import client_ip
from core.services import model_save
from core.tenancy import clinic_context
from patients.models import ClinicPatient, Consent, ConsentPurpose, ConsentText, PatientProfile


def search_key(text: str) -> str:
    """Lower-case, accent-free form of a name used for search (``"José Açaí"`` →
    ``"jose acai"``): NFKD decomposition without combining marks, case-folded, single
    spaces. Queries are normalized the same way."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


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
    actor: User | None,
    given_name: str,
    birth_date: datetime.date,
    phone: str,
    family_name: str = "",
    sex: str = PatientProfile.Sex.UNKNOWN,
    phone_alt: str = "",
    email: str = "",
    address: str = "",
    national_id: str = "",
    national_id_country: str = "",
    preferred_language: str = "",
    preferred_channel: str = "",
    tags: list[str] | None = None,
    notes: str = "",
    referral_source: str = "",
    first_visit_on: datetime.date | None = None,
    request: HttpRequest | None = None,
) -> ClinicPatient:
    """Register a patient at ``clinic`` and return the clinic's link to the profile.

    Phones may be local to the clinic's country (``081-555-0101`` in Thailand) and are
    stored in E.164. A national ID already known (same issuing country, default: the
    clinic's) links that profile when the birth date matches and is refused otherwise;
    the profile is linked once per clinic (registering again returns the same link).
    Audited as ``patient.created``. Raises ``ValidationFailed`` naming the field.
    """
    e164 = clean_phone(phone, region=clinic.country)
    alt = clean_phone(phone_alt, field="phone_alt", region=clinic.country) if phone_alt else ""
    country = (national_id_country or (clinic.country if national_id else "")).upper()
    compact = clean_national_id(country=country, value=national_id)
    digest = national_id_hash(country=country, national_id=compact)
    if birth_date > timezone.localdate():
        raise ValidationFailed(errors={"birth_date": [_("A birth date cannot be in the future.")]})
    profile = None
    if compact:
        profile = (
            PatientProfile.objects.select_for_update()
            .filter(national_id_country=country, national_id_hash=digest)
            .first()
        )
        if profile is not None and profile.birth_date != birth_date:
            raise ValidationFailed(
                errors={"birth_date": [_("Does not match the existing record of this national ID.")]}
            )
    if profile is None:
        profile = PatientProfile(
            given_name=given_name.strip(),
            family_name=family_name.strip(),
            search_name=search_key(f"{given_name} {family_name}"),
            birth_date=birth_date,
            sex=sex,
            phone=e164,
            phone_alt=alt,
            email=email,
            address=address,
            national_id=compact,
            national_id_hash=digest,
            national_id_country=country if compact else "",
            preferred_language=preferred_language or get_supported_language_variant(clinic.locale.lower()),
            preferred_channel=preferred_channel
            or PatientProfile._meta.get_field("preferred_channel").default,
        )
        model_save(profile)
    existing = ClinicPatient.objects.filter(profile=profile).first()
    if existing is not None:
        return existing
    patient = ClinicPatient(
        clinic=clinic,
        profile=profile,
        search_name=profile.search_name,
        chart_number=_next_chart_number(clinic),
        tags=sorted(set(tags or [])),
        notes=notes,
        referral_source=referral_source,
        first_visit_on=first_visit_on,
    )
    model_save(patient)
    _audit(patient, actor, "patient.created", request)
    return patient


PATIENT_OBJECT_TYPE = "patients.ClinicPatient"


def _links_search_name_sync(profile: PatientProfile) -> None:
    # The name belongs to the shared profile, so every clinic's copy follows it: a
    # deliberate write across clinics, limited to this one person.
    ClinicPatient.unscoped.filter(profile=profile).update(search_name=profile.search_name)


def _audit(
    patient: ClinicPatient, actor: User | None, action: str, request: HttpRequest | None, changes: Any = None
) -> None:
    audit_event_record(
        clinic=patient.clinic,
        actor=actor,
        action=action,
        object_type=PATIENT_OBJECT_TYPE,
        object_id=patient.pk,
        changes=changes,
        request=request,
    )


def patient_viewed_record(*, patient: ClinicPatient, actor: User, request: HttpRequest | None = None) -> None:
    """Audit that ``actor`` opened ``patient``'s record (``patient.viewed``): the access
    history a patient may ask for ("who opened my chart"; LGPD Art. 18 VII, PDPA s30)."""
    _audit(patient, actor, "patient.viewed", request)


PROFILE_EDITABLE = frozenset(
    {
        "given_name",
        "family_name",
        "birth_date",
        "sex",
        "phone",
        "phone_alt",
        "email",
        "address",
        "preferred_language",
        "preferred_channel",
    }
)
LINK_EDITABLE = frozenset({"tags", "notes", "referral_source", "first_visit_on"})


@transaction.atomic
def patient_update(
    *, patient: ClinicPatient, actor: User, request: HttpRequest | None = None, **fields: Any
) -> ClinicPatient:
    """Change a patient's profile (``PROFILE_EDITABLE``) or the clinic's link
    (``LINK_EDITABLE``). Returns the patient, audited as ``patient.updated`` with the
    changed fields (sensitive values masked). Raises ``ValidationFailed`` naming the
    field. The national ID is corrected through a rectification request, not here."""
    unknown = set(fields) - PROFILE_EDITABLE - LINK_EDITABLE
    if unknown:
        raise ValidationFailed(errors={f: [_("This field cannot be changed here.")] for f in sorted(unknown)})
    profile = PatientProfile.objects.select_for_update().get(pk=patient.profile_id)
    region = patient.clinic.country
    if "phone" in fields:
        fields["phone"] = clean_phone(fields["phone"], region=region)
    if fields.get("phone_alt"):
        fields["phone_alt"] = clean_phone(fields["phone_alt"], field="phone_alt", region=region)
    if "birth_date" in fields and fields["birth_date"] > timezone.localdate():
        raise ValidationFailed(errors={"birth_date": [_("A birth date cannot be in the future.")]})
    profile_fields = {k: v for k, v in fields.items() if k in PROFILE_EDITABLE}
    link_fields = {k: v for k, v in fields.items() if k in LINK_EDITABLE}
    before = {
        **{f: getattr(profile, f) for f in profile_fields},
        **{f: getattr(patient, f) for f in link_fields},
    }
    if profile_fields:
        for name, value in profile_fields.items():
            setattr(profile, name, value.strip() if name in ("given_name", "family_name") else value)
        renamed = bool({"given_name", "family_name"} & set(profile_fields))
        if renamed:
            profile.search_name = search_key(f"{profile.given_name} {profile.family_name}")
            profile_fields["search_name"] = profile.search_name
        model_save(profile, update_fields=list(profile_fields))
        if renamed:
            _links_search_name_sync(profile)
    if link_fields:
        if "tags" in link_fields:
            link_fields["tags"] = sorted(set(link_fields["tags"]))
        for name, value in link_fields.items():
            setattr(patient, name, value)
        model_save(patient, update_fields=list(link_fields))
    patient.profile = profile
    after = {
        **{f: getattr(profile, f) for f in profile_fields},
        **{f: getattr(patient, f) for f in link_fields},
    }
    changes = audit_changes(before=before, after=after, fields=list(before))
    if changes:
        _audit(patient, actor, "patient.updated", request, changes)
    return patient


# ---------------------------------------------------------------------------- consent


@transaction.atomic
def consent_text_publish(
    *, clinic: Clinic, actor: User, purpose: str, locale: str, title: str, body: str
) -> ConsentText:
    """Publish a new version of the consent wording for ``purpose`` in ``locale``
    (versions count from 1 per clinic, purpose and locale). Published texts never change."""
    if purpose not in ConsentPurpose.values:
        raise ValidationFailed(errors={"purpose": [_("Unknown consent purpose.")]})
    last = (
        ConsentText.objects.select_for_update()
        .filter(purpose=purpose, locale=locale)
        .aggregate(last=Max("version"))["last"]
    )
    text = ConsentText(
        clinic=clinic, purpose=purpose, locale=locale, version=(last or 0) + 1, title=title, body=body
    )
    model_save(text)
    audit_event_record(
        clinic=clinic,
        actor=actor,
        action="consent_text.published",
        object_type="patients.ConsentText",
        object_id=text.pk,
    )
    return text


@transaction.atomic
def consent_record(
    *,
    clinic: Clinic,
    actor: User | None,
    patient: ClinicPatient,
    purpose: str,
    decision: str,
    channel: str,
    evidence: str = "",
    text: ConsentText | None = None,
    request: HttpRequest | None = None,
) -> Consent:
    """Record a patient's decision (grant or withdraw) about one purpose.

    Granting needs the text the patient agreed to (the newest version in their language
    when ``text`` is not given; LGPD Art. 8 §4: consent refers to specific purposes).
    Withdrawing is always possible and needs no text (LGPD Art. 8 §5; PDPA s19 para 5).
    History is append-only; audited as ``consent.granted`` / ``consent.withdrawn``.
    Raises ``ValidationFailed`` naming the field.
    """
    if purpose not in ConsentPurpose.values:
        raise ValidationFailed(errors={"purpose": [_("Unknown consent purpose.")]})
    if decision == Consent.Decision.GRANTED and text is None:
        text = (
            ConsentText.objects.filter(purpose=purpose, locale__iexact=patient.profile.preferred_language)
            .order_by("-version")
            .first()
            or ConsentText.objects.filter(purpose=purpose).order_by("-version", "locale").first()
        )
        if text is None:
            raise ValidationFailed(errors={"text": [_("Publish a consent text for this purpose first.")]})
    if text is not None and text.purpose != purpose:
        raise ValidationFailed(errors={"text": [_("This text is for another purpose.")]})
    consent = Consent(
        clinic=clinic,
        patient=patient,
        purpose=purpose,
        decision=decision,
        text=text if decision == Consent.Decision.GRANTED else None,
        decided_at=timezone.now(),
        recorded_by=actor,
        channel=channel,
        evidence=evidence,
        ip=client_ip(request) if request is not None else None,
    )
    model_save(consent)
    _audit(patient, actor, f"consent.{decision}", request, {"purpose": [None, purpose]})
    return consent


# ------------------------------------------------------------------ data-subject rights


@transaction.atomic
def patient_national_id_correct(
    *,
    patient: ClinicPatient,
    actor: User,
    national_id: str,
    national_id_country: str,
    request: HttpRequest | None = None,
) -> ClinicPatient:
    """Rectify the national ID of ``patient``'s profile (LGPD Art. 18 III). The number is
    validated for its country and must not belong to another profile. Audited as
    ``patient.updated`` (values masked). Raises ``ValidationFailed`` naming the field."""
    country = (national_id_country or patient.clinic.country).upper()
    compact = clean_national_id(country=country, value=national_id)
    digest = national_id_hash(country=country, national_id=compact)
    profile = PatientProfile.objects.select_for_update().get(pk=patient.profile_id)
    clash = PatientProfile.objects.filter(national_id_country=country, national_id_hash=digest)
    if compact and clash.exclude(pk=profile.pk).exists():
        raise ValidationFailed(errors={"national_id": [_("This national ID belongs to another patient.")]})
    before = {"national_id": profile.national_id, "national_id_country": profile.national_id_country}
    profile.national_id, profile.national_id_hash = compact, digest
    profile.national_id_country = country if compact else ""
    model_save(profile, update_fields=["national_id", "national_id_hash", "national_id_country"])
    after = {"national_id": profile.national_id, "national_id_country": profile.national_id_country}
    _audit(patient, actor, "patient.updated", request, audit_changes(before=before, after=after))
    patient.profile = profile
    return patient


CONTACT_FIELDS = ("phone", "phone_alt", "email", "address")
IDENTITY_FIELDS = ("given_name", "family_name", "national_id", "national_id_country")
LINK_PERSONAL_FIELDS = ("tags", "notes", "referral_source")
MARKETING_PURPOSES = (
    ConsentPurpose.MARKETING_MESSAGES,
    ConsentPurpose.MARKETING_PHOTOS,
    ConsentPurpose.DATA_SHARING,
)


@transaction.atomic
def patient_erase(
    *,
    links: list[ClinicPatient],
    actor: User,
    erase_contact: bool,
    erase_identity: bool,
    request: HttpRequest | None = None,
) -> dict[str, list[str]]:
    """Erase a patient's personal data from ``links`` (their charts at the clinics of one
    organization) by anonymization: the charts stay, so records that must be kept still
    have their subject.

    Always: marketing, photo-publication and data-sharing consents are withdrawn (the
    history of decisions is kept as evidence of lawful processing, LGPD Art. 16 I) and the
    charts' tags, notes and referral source are cleared. ``erase_contact`` clears the
    profile's phones, e-mail and address; ``erase_identity`` also replaces the name and
    removes the national ID (only when no record must be retained).
    Returns ``{"removed": [...fields], "withdrawn": [...purposes]}``. Each link's erasure
    is audited as ``patient.erased``.
    """
    removed: set[str] = set()
    withdrawn: set[str] = set()
    profile = PatientProfile.objects.select_for_update().get(pk=links[0].profile_id)
    for link in links:
        with clinic_context(link.clinic):
            for purpose in MARKETING_PURPOSES:
                current = (
                    Consent.objects.filter(patient=link, purpose=purpose)
                    .order_by("-decided_at", "-created_at")
                    .first()
                )
                if current is not None and current.decision == Consent.Decision.GRANTED:
                    consent_record(
                        clinic=link.clinic,
                        actor=actor,
                        patient=link,
                        purpose=purpose,
                        decision=Consent.Decision.WITHDRAWN,
                        channel=Consent.Channel.MESSAGE,
                        evidence="Data-subject erasure request",
                        request=request,
                    )
                    withdrawn.add(purpose)
            link.tags, link.notes, link.referral_source = [], "", ""
            model_save(link, update_fields=list(LINK_PERSONAL_FIELDS))
            removed.update(LINK_PERSONAL_FIELDS)
    update: list[str] = []
    if erase_contact:
        profile.phone = profile.phone_alt = profile.email = profile.address = ""
        update += CONTACT_FIELDS
    if erase_identity:
        profile.given_name, profile.family_name = str(_("Anonymized")), ""
        profile.search_name = search_key(profile.given_name)
        profile.national_id = profile.national_id_hash = profile.national_id_country = ""
        update += [*IDENTITY_FIELDS, "search_name", "national_id_hash"]
    if update:
        model_save(profile, update_fields=update)
        if erase_identity:
            _links_search_name_sync(profile)
        removed.update(f for f in update if f not in ("search_name", "national_id_hash"))
    for link in links:
        with clinic_context(link.clinic):
            _audit(link, actor, "patient.erased", request, {"removed": [None, sorted(removed)]})
    return {"removed": sorted(removed), "withdrawn": sorted(withdrawn)}
