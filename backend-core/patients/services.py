"""Writes of the patients context: registration, profile updates, identity links and
consents. An organization writes only its own copy of a person (README "Patient
identity"); the one thing shared across organizations is the identity link, which the
person proves with a one-time code and which is audited at every organization it joins."""

from __future__ import annotations

import datetime
import secrets
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, TypedDict, Unpack

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import get_supported_language_variant
from django.utils.translation import gettext as _

from accounts.models import Clinic, Organization, User
from accounts.validators import clean_national_id, clean_phone, national_id_hash
from audit.services import audit_changes, audit_event_record
from core.context import SYSTEM_CONTEXT, audit_context, audit_context_get
from core.exceptions import FieldErrors, ValidationFailed
from core.fields import NOT_IN_CLINIC
from core.services import model_save
from core.tasks import enqueue_on_commit
from core.tenancy import clinic_context
from notifications.services import message_send
from notifications.templates import render
from patients.default_consents import default_texts_for
from patients.models import (
    ClinicPatient,
    Consent,
    ConsentPurpose,
    ConsentText,
    IdentityLinkRequest,
    PatientIdentity,
    PatientProfile,
)


def search_key(text: str) -> str:
    """Lower-case, accent-free form of a name used for search (``"José Açaí"`` →
    ``"jose acai"``): NFKD decomposition without combining marks, case-folded, single
    spaces. Queries are normalized the same way."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def _next_chart_number(clinic: Clinic) -> str:
    """``HN000001``, ``HN000002``… per clinic; allocation is serialized on the clinic row."""
    Clinic.objects.select_for_update(no_key=True).filter(pk=clinic.pk).first()
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
    consents: Sequence[ConsentDecision] = (),
) -> ClinicPatient:
    """Register a patient at ``clinic`` and return the clinic's link to the profile.

    Phones may be local to the clinic's country (``081-555-0101`` in Thailand) and are
    stored in E.164. A national ID the clinic's organization already holds (same issuing
    country, default: the clinic's) links the organization's profile when the birth date
    matches and is refused otherwise; the profile is linked once per clinic (registering
    again returns the same link). Other organizations' profiles are never looked at: an
    ID known elsewhere gets a new profile of this organization, with the same answer as
    an ID known nowhere, and is joined to the person's identity only by the person's
    proof (``patient_identity_link_request``). Audited as ``patient.created``.

    ``consents`` are the patient's decisions taken in the same step (registration →
    consent, seed 001), recorded with ``consent_record`` in the same transaction: one
    refused decision refuses the whole registration. Raises ``ValidationFailed`` naming
    the field (``consents.1.purpose`` for a decision's).
    """
    errors = FieldErrors()  # one answer names every bad field
    e164 = alt = compact = ""
    with errors.collect():
        e164 = clean_phone(phone, region=clinic.country)
    with errors.collect():
        alt = clean_phone(phone_alt, field="phone_alt", region=clinic.country) if phone_alt else ""
    country = (national_id_country or (clinic.country if national_id else "")).upper()
    with errors.collect():
        compact = clean_national_id(country=country, value=national_id)
    if birth_date > clinic.today():
        errors.add("birth_date", _("A birth date cannot be in the future."))
    errors.raise_if_any()
    digest = national_id_hash(country=country, national_id=compact)
    profile = None
    if compact:
        # Serializes registrations of the organization, so two clinics registering the
        # same new ID at once make one profile rather than a unique-constraint error.
        Organization.objects.select_for_update(no_key=True).filter(pk=clinic.organization_id).first()
        profile = (
            PatientProfile.objects.select_for_update()
            .filter(
                organization_id=clinic.organization_id, national_id_country=country, national_id_hash=digest
            )
            .first()
        )
        if profile is not None and profile.birth_date != birth_date:
            raise ValidationFailed(
                errors={"birth_date": [_("Does not match this organization's record of this national ID.")]}
            )
    if profile is None:
        profile = PatientProfile(
            organization_id=clinic.organization_id,
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
    patient = _clinic_link_make(
        clinic=clinic,
        actor=actor,
        profile=profile,
        tags=tags,
        notes=notes,
        referral_source=referral_source,
        first_visit_on=first_visit_on,
    )
    _consents_record(patient=patient, actor=actor, consents=consents)
    return patient


@transaction.atomic
def patient_enrol(
    *,
    clinic: Clinic,
    actor: User,
    profile: PatientProfile,
    referral_source: str = "",
    consents: Sequence[ConsentDecision] = (),
) -> ClinicPatient:
    """Make ``profile``, a person the clinic's organization already knows (a patient of a
    sibling clinic, found with ``selectors.patient_matches``), a patient of ``clinic``
    too, instead of registering them a second time: the organization's one profile is
    shared by its clinics. Idempotent: a profile already linked to ``clinic`` returns
    that link. ``consents`` are recorded as in ``patient_register`` (the clinic asks for
    its own consents). Audited as ``patient.created``. A profile of another organization
    raises ``ValidationFailed`` naming ``profile``, worded as an unknown one."""
    if profile.organization_id != clinic.organization_id:
        raise ValidationFailed(errors={"profile": [str(NOT_IN_CLINIC)]})
    patient = _clinic_link_make(clinic=clinic, actor=actor, profile=profile, referral_source=referral_source)
    _consents_record(patient=patient, actor=actor, consents=consents)
    return patient


@transaction.atomic
def patient_register_from_portal(
    *,
    clinic: Clinic,
    identity: PatientIdentity,
    verified_phone: str,
    given_name: str,
    family_name: str,
    birth_date: datetime.date,
    national_id: str,
    national_id_country: str,
    preferred_language: str,
    consents: Sequence[ConsentDecision] = (),
) -> ClinicPatient:
    """The clinic's chart of the person signed in to the patient portal as ``identity``
    (whose phone ``verified_phone``, E.164, they proved with a one-time code), made on
    their own request when they book (README "Patient identity": "or the patient doing
    it from the portal"). Idempotent. In order:

    - a profile of the clinic's organization already joined to ``identity``: linked to
      the clinic (``patient_enrol``'s rule: one profile per organization);
    - the organization's profile of the same national ID: joined to ``identity`` only
      when its phone on file is ``verified_phone`` and its birth date matches (the
      person's own proof, audited as ``patient.identity_linked``), else refused with
      ``ValidationFailed`` naming ``national_id``: an ID and birth date can be guessed;
    - otherwise a new profile (``patient_register``) joined to ``identity``.

    ``consents`` are recorded as in ``patient_register`` (channel: the portal).
    """
    profile = (
        PatientProfile.objects.select_for_update()
        .filter(organization_id=clinic.organization_id, identity=identity)
        .first()
    )
    if profile is None:
        digest = national_id_hash(country=national_id_country, national_id=national_id)
        profile = (
            PatientProfile.objects.select_for_update()
            .filter(
                organization_id=clinic.organization_id,
                national_id_country=national_id_country,
                national_id_hash=digest,
            )
            .first()
        )
        if profile is not None:
            if profile.phone != verified_phone or profile.birth_date != birth_date or profile.identity_id:
                raise ValidationFailed(
                    errors={
                        "national_id": [
                            _("This clinic cannot register you online. Please call the clinic to book.")
                        ]
                    }
                )
            profile.identity = identity
            model_save(profile, update_fields=["identity"])
            patient = _clinic_link_make(clinic=clinic, actor=None, profile=profile, referral_source="portal")
            _audit(patient, None, "patient.identity_linked", {"identity": [None, str(identity.pk)]})
            _consents_record(patient=patient, actor=None, consents=consents)
            return patient
    if profile is not None:
        patient = _clinic_link_make(clinic=clinic, actor=None, profile=profile, referral_source="portal")
        _consents_record(patient=patient, actor=None, consents=consents)
        return patient
    patient = patient_register(
        clinic=clinic,
        actor=None,
        given_name=given_name,
        family_name=family_name,
        birth_date=birth_date,
        phone=verified_phone,
        national_id=national_id,
        national_id_country=national_id_country,
        preferred_language=preferred_language,
        referral_source="portal",
        consents=consents,
    )
    PatientProfile.objects.filter(pk=patient.profile_id).update(identity=identity)
    _audit(patient, None, "patient.identity_linked", {"identity": [None, str(identity.pk)]})
    return patient


class ConsentDecision(TypedDict, total=False):
    """One decision given with a registration (``consent_record``'s arguments)."""

    purpose: str
    decision: str
    channel: str
    evidence: str
    text: ConsentText | None


def _clinic_link_make(
    *,
    clinic: Clinic,
    actor: User | None,
    profile: PatientProfile,
    tags: list[str] | None = None,
    notes: str = "",
    referral_source: str = "",
    first_visit_on: datetime.date | None = None,
) -> ClinicPatient:
    """The clinic's link to ``profile``: the existing one, or a new chart (audited as
    ``patient.created``)."""
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
    _audit(patient, actor, "patient.created")
    return patient


def _consents_record(
    *, patient: ClinicPatient, actor: User | None, consents: Sequence[ConsentDecision]
) -> None:
    """Record each decision of ``consents`` (``consent_record``); every refused one is
    named as ``consents.<index>.<field>`` and the caller's transaction is rolled back."""
    errors = FieldErrors()
    seen: set[str] = set()
    for index, decision in enumerate(consents):
        purpose = decision.get("purpose", "")
        if purpose in seen:
            errors.add(f"consents.{index}.purpose", _("Decided twice in the same step."))
            continue
        seen.add(purpose)
        with errors.collect(prefix=f"consents.{index}"):
            consent_record(clinic=patient.clinic, actor=actor, patient=patient, **decision)
    errors.raise_if_any()


PATIENT_OBJECT_TYPE = "patients.ClinicPatient"


def _links_search_name_sync(profile: PatientProfile) -> None:
    # The name belongs to the organization's profile, so the copy on each of its clinics'
    # charts follows it: a deliberate write across the organization's clinics, limited to
    # this one person.
    ClinicPatient.unscoped.filter(profile=profile, clinic__organization_id=profile.organization_id).update(
        search_name=profile.search_name
    )


def _audit(patient: ClinicPatient, actor: User | None, action: str, changes: Any = None) -> None:
    audit_event_record(
        clinic=patient.clinic,
        actor=actor,
        action=action,
        object_type=PATIENT_OBJECT_TYPE,
        object_id=patient.pk,
        changes=changes,
    )


def patient_viewed_record(*, patient: ClinicPatient, actor: User) -> None:
    """Audit that ``actor`` opened ``patient``'s record (``patient.viewed``): the access
    history a patient may ask for ("who opened my chart"; LGPD Art. 18 VII, PDPA s30)."""
    _audit(patient, actor, "patient.viewed")


class PatientProfileFields(TypedDict, total=False):
    """The fields of a patient's profile (the organization's own copy) that
    ``patient_update`` changes."""

    given_name: str
    family_name: str
    birth_date: datetime.date
    sex: str
    phone: str
    phone_alt: str
    email: str
    address: str
    preferred_language: str
    preferred_channel: str


class PatientLinkFields(TypedDict, total=False):
    """The fields of a clinic's link to a patient that ``patient_update`` changes."""

    tags: list[str]
    notes: str
    referral_source: str
    first_visit_on: datetime.date | None


class PatientFields(PatientProfileFields, PatientLinkFields, total=False):
    """Everything ``patient_update`` changes: profile and link fields."""


PROFILE_EDITABLE = frozenset(PatientProfileFields.__annotations__)
LINK_EDITABLE = frozenset(PatientLinkFields.__annotations__)


@transaction.atomic
def patient_update(*, patient: ClinicPatient, actor: User, **fields: Unpack[PatientFields]) -> ClinicPatient:
    """Change a patient's profile (``PatientProfileFields``: the organization's own copy,
    which no other organization reads or sends to) or the clinic's link
    (``PatientLinkFields``). Returns the patient, audited as ``patient.updated`` with the
    changed fields (sensitive values masked). Raises ``ValidationFailed`` naming the
    field. The national ID is corrected through a rectification request, not here."""
    values: dict[str, Any] = dict(fields)
    profile = PatientProfile.objects.select_for_update().get(pk=patient.profile_id)
    region = patient.clinic.country
    if "phone" in values:
        values["phone"] = clean_phone(values["phone"], region=region)
    if values.get("phone_alt"):
        values["phone_alt"] = clean_phone(values["phone_alt"], field="phone_alt", region=region)
    today = patient.clinic.today()
    if "birth_date" in values and values["birth_date"] > today:
        raise ValidationFailed(errors={"birth_date": [_("A birth date cannot be in the future.")]})
    profile_fields = {k: v for k, v in values.items() if k in PROFILE_EDITABLE}
    link_fields = {k: v for k, v in values.items() if k in LINK_EDITABLE}
    before = {
        **{f: getattr(profile, f) for f in profile_fields},
        **{f: getattr(patient, f) for f in link_fields},
    }
    if profile_fields:
        _profile_fields_save(profile, profile_fields)
    if link_fields:
        _link_fields_save(patient, link_fields)
    patient.profile = profile
    after = {
        **{f: getattr(profile, f) for f in profile_fields},
        **{f: getattr(patient, f) for f in link_fields},
    }
    changes = audit_changes(before=before, after=after, fields=list(before))
    if changes:
        _audit(patient, actor, "patient.updated", changes)
    return patient


def _profile_fields_save(profile: PatientProfile, fields: dict[str, Any]) -> None:
    """Set and save ``fields`` of ``profile`` (names stripped); a new name also renews
    the search name, here and on every clinic's link to the profile."""
    for name, value in fields.items():
        setattr(profile, name, value.strip() if name in ("given_name", "family_name") else value)
    renamed = bool({"given_name", "family_name"} & set(fields))
    update_fields = list(fields)
    if renamed:
        profile.search_name = search_key(f"{profile.given_name} {profile.family_name}")
        update_fields.append("search_name")
    model_save(profile, update_fields=update_fields)
    if renamed:
        _links_search_name_sync(profile)


def _link_fields_save(patient: ClinicPatient, fields: dict[str, Any]) -> None:
    """Set and save ``fields`` of the clinic's link ``patient`` (tags deduplicated, sorted)."""
    if "tags" in fields:
        fields = {**fields, "tags": sorted(set(fields["tags"]))}
    for name, value in fields.items():
        setattr(patient, name, value)
    model_save(patient, update_fields=list(fields))


# ------------------------------------------------------------------- identity links

IDENTITY_LINK_CODE_DIGITS = 6


def _link_code_hash(*, link_request: IdentityLinkRequest, code: str) -> str:
    # Keyed by the server secret and salted by the request: a leaked table does not
    # give the six-digit codes away to an offline search.
    return salted_hmac(f"patients.identity_link:{link_request.pk}", code, algorithm="sha256").hexdigest()


def _identity_audit(
    *,
    changed: Iterable[tuple[PatientProfile, Any]],
    action: str,
    actor: User,
    acting: ClinicPatient,
) -> None:
    """Record ``action`` on every chart of every profile in ``changed`` (``(profile,
    identity id before)``), at each clinic of each organization concerned. Events at
    other organizations name no user, address or clinic of the acting organization:
    only its id, so the platform can match both sides."""
    before = {profile.pk: old for profile, old in changed}
    links = (
        ClinicPatient.unscoped.filter(profile_id__in=list(before))
        .select_related("clinic", "profile")
        .order_by("clinic_id", "pk")
    )
    acting_organization = acting.clinic.organization_id
    origin = audit_context_get()
    for link in links:
        own = link.clinic.organization_id == acting_organization
        identity = link.profile.identity_id
        # The caller's address, agent and role go to the acting clinic's trail only.
        with audit_context(origin if link.clinic_id == acting.clinic_id else SYSTEM_CONTEXT):
            audit_event_record(
                clinic=link.clinic,
                actor=actor if own else None,
                action=action,
                object_type=PATIENT_OBJECT_TYPE,
                object_id=link.pk,
                changes={
                    "identity": [_text(before[link.profile_id]), _text(identity)],
                    "by_organization": [None, str(acting_organization)],
                },
            )


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _identity_detach(*, profile: PatientProfile, actor: User, acting: ClinicPatient) -> None:
    """Take ``profile`` (locked, about to lose or change its national ID) out of its
    identity, audited as ``patient.identity_unlinked`` at every organization still in
    it and at the profile's own."""
    if profile.identity_id is None:
        return
    old = profile.identity_id
    remaining = list(PatientProfile.objects.filter(identity_id=old).exclude(pk=profile.pk))
    profile.identity = None
    model_save(profile, update_fields=["identity"])
    _identity_audit(
        changed=[(profile, old), *((p, old) for p in remaining)],
        action="patient.identity_unlinked",
        actor=actor,
        acting=acting,
    )


@transaction.atomic
def patient_identity_link_request(*, patient: ClinicPatient, actor: User) -> IdentityLinkRequest:
    """Ask the person to prove that ``patient`` is the one other organizations know by
    the same national ID: a ``IDENTITY_LINK_CODE_DIGITS``-digit code is sent by SMS to
    each distinct phone those organizations have on file (``patient.identity_link_code``
    template, the phone holder's language), never to the requester, who learns nothing
    from the answer: it is the same whether no, one or several codes were sent. The
    person reads the code out at the front desk (``patient_identity_link_confirm``).

    Earlier open requests for the patient end. Codes expire after
    ``IDENTITY_LINK_CODE_TTL_MINUTES``. Audited as ``patient.identity_link_requested``
    (without how many codes were sent). Raises ``ValidationFailed`` naming
    ``national_id`` when the patient has none. Consent as the legal basis of joining
    records held by separate controllers: LGPD Art. 7 I and Art. 11 I; PDPA s19.
    """
    profile = PatientProfile.objects.select_for_update().get(pk=patient.profile_id)
    if not profile.national_id_hash:
        raise ValidationFailed(errors={"national_id": [_("Record the patient's national ID first.")]})
    # A deliberate read across organizations, limited to the phones of one person's
    # national ID; nothing of it reaches the requester.
    elsewhere = (
        PatientProfile.objects.filter(
            national_id_country=profile.national_id_country, national_id_hash=profile.national_id_hash
        )
        .exclude(organization_id=profile.organization_id)
        .exclude(phone="")
    )
    if profile.identity_id is not None:
        elsewhere = elsewhere.exclude(identity_id=profile.identity_id)
    by_phone: dict[str, list[str]] = {}
    for other in elsewhere.order_by("created_at", "pk").only("pk", "phone"):
        by_phone.setdefault(other.phone, []).append(str(other.pk))
    now = timezone.now()
    IdentityLinkRequest.objects.filter(patient=patient, confirmed_at__isnull=True, expires_at__gt=now).update(
        expires_at=now
    )
    link_request = IdentityLinkRequest(
        clinic=patient.clinic,
        patient=patient,
        requested_by=actor,
        expires_at=now + datetime.timedelta(minutes=settings.IDENTITY_LINK_CODE_TTL_MINUTES),
    )
    codes = {
        phone: f"{secrets.randbelow(10**IDENTITY_LINK_CODE_DIGITS):0{IDENTITY_LINK_CODE_DIGITS}d}"
        for phone in by_phone
    }
    link_request.codes = [
        {"hash": _link_code_hash(link_request=link_request, code=code), "profiles": by_phone[phone]}
        for phone, code in codes.items()
    ]
    model_save(link_request)
    if codes:
        from patients.tasks import identity_link_codes_deliver  # the task calls these services

        enqueue_on_commit(
            identity_link_codes_deliver,
            clinic_id=str(patient.clinic_id),
            link_request_id=str(link_request.pk),
            codes={by_phone[phone][0]: code for phone, code in codes.items()},
        )
    _audit(patient, actor, "patient.identity_link_requested")
    return link_request


def identity_link_codes_send(*, link_request: IdentityLinkRequest, codes: dict[str, str]) -> None:
    """Send each identity-link code by SMS to the phone on file of its profile
    (``codes``: ``{profile id: code}``, profiles of other organizations), in that
    person's language (template ``patient.identity_link_code``). Nothing is sent once the
    request has ended; sending again uses the same idempotency keys. Raises
    ``TransientDeliveryError`` or ``OSError`` when the provider can be tried again.

    Sent with ``message_send``, not as stored ``Notification`` rows: the codes are
    secrets of which only keyed hashes are stored, and the messages must not appear in
    the requesting clinic's notification list (they would show other organizations'
    phones)."""
    now = timezone.now()
    if link_request.confirmed_at is not None or link_request.expires_at <= now:
        return
    minutes = max(1, int((link_request.expires_at - now).total_seconds() // 60))
    # The one read of other organizations' profiles: phone and language, to reach the
    # person; nothing is written back to the requesting clinic.
    for profile in PatientProfile.objects.filter(pk__in=list(codes)).exclude(phone="").order_by("pk"):
        text = render(
            "patient.identity_link_code",
            languages=[profile.preferred_language],
            payload={"code": codes[str(profile.pk)], "minutes": minutes},
        )
        message_send(
            channel="sms",
            to=profile.phone,
            subject=text.subject,
            body=text.body,
            idempotency_key=f"identity-link:{link_request.pk}:{profile.pk}",
        )


def patient_identity_link_confirm(*, patient: ClinicPatient, actor: User, code: str) -> ClinicPatient:
    """Join ``patient``'s profile to the identity of the profiles whose phone received
    ``code`` (the newest open request's), creating the identity when none of them has
    one, and merging identities when both sides had one. Every chart whose profile
    changed identity, at every organization concerned, is audited as
    ``patient.identity_linked``. Returns the patient.

    A wrong, expired or used code, or one past ``IDENTITY_LINK_MAX_ATTEMPTS`` wrong
    tries, raises ``ValidationFailed`` naming ``code`` (one answer for all, so a code
    that was never sent looks like a wrong one). Not one transaction on purpose: a wrong
    try must stay counted although the error is raised.
    """
    linked = _identity_link_try(patient=patient, actor=actor, code=code)
    if linked is None:
        raise ValidationFailed(errors={"code": [_("Wrong or expired code.")]})
    return linked


@transaction.atomic
def _identity_link_try(*, patient: ClinicPatient, actor: User, code: str) -> ClinicPatient | None:
    link_request = (
        IdentityLinkRequest.objects.select_for_update()
        .filter(patient=patient)
        .order_by("-created_at")
        .first()
    )
    if (
        link_request is None
        or link_request.confirmed_at is not None
        or link_request.expires_at <= timezone.now()
        or link_request.attempts >= settings.IDENTITY_LINK_MAX_ATTEMPTS
    ):
        return None
    offered = _link_code_hash(link_request=link_request, code=code.strip())
    match = next((c for c in link_request.codes if constant_time_compare(c["hash"], offered)), None)
    if match is None:
        link_request.attempts += 1
        model_save(link_request, update_fields=["attempts"])
        return None
    link_request.confirmed_at = timezone.now()
    model_save(link_request, update_fields=["confirmed_at"])
    profile = PatientProfile.objects.select_for_update().get(pk=patient.profile_id)
    # Only profiles that still carry the same national ID: one corrected meanwhile is
    # no longer the person the code was sent about.
    targets = list(
        PatientProfile.objects.select_for_update().filter(
            pk__in=match["profiles"],
            national_id_country=profile.national_id_country,
            national_id_hash=profile.national_id_hash,
        )
    )
    if not targets or not profile.national_id_hash:
        return None
    joined = [profile, *targets]
    identities = sorted(
        PatientIdentity.objects.filter(pk__in={p.identity_id for p in joined if p.identity_id}),
        key=lambda i: (i.created_at, str(i.pk)),
    )
    identity = identities[0] if identities else PatientIdentity()
    if not identities:
        model_save(identity)
    merged = [i.pk for i in identities[1:]]
    changed = list(
        PatientProfile.objects.select_for_update()
        .filter(Q(pk__in=[p.pk for p in joined]) | Q(identity_id__in=merged))
        .exclude(identity_id=identity.pk)
    )
    before = [(p, p.identity_id) for p in changed]
    PatientProfile.objects.filter(pk__in=[p.pk for p in changed]).update(
        identity=identity, updated_at=timezone.now()
    )
    PatientIdentity.objects.filter(pk__in=merged).delete()
    _identity_audit(changed=before, action="patient.identity_linked", actor=actor, acting=patient)
    patient.profile = PatientProfile.objects.get(pk=patient.profile_id)
    return patient


# ---------------------------------------------------------------------------- consent


@transaction.atomic
def consent_texts_default_publish(*, clinic: Clinic, actor: User) -> list[ConsentText]:
    """Publish version 1 of the default consent wording (``patients.default_consents``) in
    the clinic's language, or in English when there is none in it, for a clinic that has
    no consent text yet, so that its first registration can record the patient's
    decisions; a clinic with texts is left as it is (returns ``[]``). Audited like any
    publication."""
    with clinic_context(clinic):
        if ConsentText.objects.exists():
            return []
        locale, texts = default_texts_for(clinic.locale)
        return [
            consent_text_publish(
                clinic=clinic, actor=actor, purpose=purpose, locale=locale, title=title, body=body
            )
            for purpose, (title, body) in texts.items()
        ]


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
        ip=audit_context_get().ip,
    )
    model_save(consent)
    _audit(patient, actor, f"consent.{decision}", {"purpose": [None, purpose]})
    return consent


# ------------------------------------------------------------------ data-subject rights


@transaction.atomic
def patient_national_id_correct(
    *,
    patient: ClinicPatient,
    actor: User,
    national_id: str,
    national_id_country: str,
) -> ClinicPatient:
    """Rectify the national ID of ``patient``'s profile (LGPD Art. 18 III). The number is
    validated for its country and must not belong to another profile of the
    organization (other organizations' records are not looked at). A profile joined to
    an identity leaves it when the number changes (``patient.identity_unlinked`` at every
    organization concerned): the link was proven for the old number. Audited as
    ``patient.updated`` (values masked). Raises ``ValidationFailed`` naming the field."""
    country = (national_id_country or patient.clinic.country).upper()
    compact = clean_national_id(country=country, value=national_id)
    digest = national_id_hash(country=country, national_id=compact)
    profile = PatientProfile.objects.select_for_update().get(pk=patient.profile_id)
    clash = PatientProfile.objects.filter(
        organization_id=profile.organization_id, national_id_country=country, national_id_hash=digest
    )
    if compact and clash.exclude(pk=profile.pk).exists():
        raise ValidationFailed(errors={"national_id": [_("This national ID belongs to another patient.")]})
    if (profile.national_id_country, profile.national_id_hash) != (country if compact else "", digest):
        _identity_detach(profile=profile, actor=actor, acting=patient)
    before = {"national_id": profile.national_id, "national_id_country": profile.national_id_country}
    profile.national_id, profile.national_id_hash = compact, digest
    profile.national_id_country = country if compact else ""
    model_save(profile, update_fields=["national_id", "national_id_hash", "national_id_country"])
    after = {"national_id": profile.national_id, "national_id_country": profile.national_id_country}
    _audit(patient, actor, "patient.updated", audit_changes(before=before, after=after))
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
    erase_identity: bool,
) -> dict[str, list[str]]:
    """Erase a patient's personal data from ``links`` (their charts at the clinics of one
    organization) by anonymization: the charts stay, so records that must be kept still
    have their subject.

    Always: marketing, photo-publication and data-sharing consents are withdrawn (the
    history of decisions is kept as evidence of lawful processing, LGPD Art. 16 I) and the
    charts' tags, notes and referral source are cleared, and so are the profile's phones,
    e-mail and address (the organization's own copy: other organizations' copies are
    theirs); ``erase_identity`` also replaces the name and removes the national ID (only
    when no record must be retained), which takes the profile out of its identity.
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
                    )
                    withdrawn.add(purpose)
            link.tags, link.notes, link.referral_source = [], "", ""
            model_save(link, update_fields=list(LINK_PERSONAL_FIELDS))
            removed.update(LINK_PERSONAL_FIELDS)
    profile.phone = profile.phone_alt = profile.email = profile.address = ""
    update: list[str] = list(CONTACT_FIELDS)
    if erase_identity:
        _identity_detach(profile=profile, actor=actor, acting=links[0])
        profile.given_name, profile.family_name = str(_("Anonymized")), ""
        profile.search_name = search_key(profile.given_name)
        profile.national_id = profile.national_id_hash = profile.national_id_country = ""
        update += [*IDENTITY_FIELDS, "search_name", "national_id_hash"]
    model_save(profile, update_fields=update)
    if erase_identity:
        _links_search_name_sync(profile)
    removed.update(f for f in update if f not in ("search_name", "national_id_hash"))
    for link in links:
        with clinic_context(link.clinic):
            _audit(link, actor, "patient.erased", {"removed": [None, sorted(removed)]})
    return {"removed": sorted(removed), "withdrawn": sorted(withdrawn)}
