"""Services for data-subject requests: receive, complete (export, erasure,
rectification) and reject, each one transaction and audited (``dsr.*``); and the audit
of each read of a request's result (``dsr_result.viewed``).

Kept apart from ``compliance.services`` (the history's one sanctioned rewrite) because
these orchestrate the patients context's own services and read the clinical
record and commerce through their contexts' selectors.
"""

from __future__ import annotations

import datetime
import json
import uuid
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Clinic, User
from audit.services import audit_event_record
from commerce.selectors import unscoped_patient_commerce_record, unscoped_patient_payment_ids
from commerce.services import PAYMENT_SUBJECT, patient_free_text_erase
from compliance.models import DataSubjectRequest
from compliance.services import history_redact
from core.exceptions import Conflict, ValidationFailed
from core.permissions import role_has_permission
from core.services import model_save
from emr.selectors import unscoped_last_clinical_entry, unscoped_patient_clinical_record
from notifications.services import notifications_erase_for_person
from patients.models import ClinicPatient, Consent, PatientProfile
from patients.services import (
    PATIENT_OBJECT_TYPE,
    PROFILE_EDITABLE,
    patient_erase,
    patient_national_id_correct,
    patient_update,
)
from scheduling.services import APPOINTMENT_SUBJECT, appointments_erase_free_text

EXPORT_FORMAT = "aesthetix.patient-export/1"
RECTIFIABLE = PROFILE_EDITABLE | {"national_id", "national_id_country"}


def _audit(dsr: DataSubjectRequest, actor: User | None, action: str) -> None:
    audit_event_record(
        clinic=dsr.clinic,
        actor=actor,
        action=action,
        object_type="compliance.DataSubjectRequest",
        object_id=dsr.pk,
        changes={"kind": [None, dsr.kind], "status": [None, dsr.status]},
    )


def dsr_due_days(*, country: str, kind: str) -> int:
    """Days from a request's receipt to its due date (clinic-local calendar days) under
    the law of the clinic's ``country`` (ISO 3166-1 alpha-2) for ``kind``
    (``DataSubjectRequest.Kind``), from ``settings.DSR_DUE_DAYS_BY_LAW``:

    * Brazil: a copy of the data (``export``, the complete declaration of LGPD Art. 18 II)
      within 15 days of the request (LGPD Art. 19 II); erasure and rectification have no
      term in the law (Art. 18 §5 leaves it to regulation): the fallback.
    * Thailand: 30 days from receipt (PDPA s30 para 3).
    * Saudi Arabia: 30 days (PDPL Implementing Regulation).
    * Any other country or kind: ``settings.DSR_DUE_DAYS``."""
    rules = settings.DSR_DUE_DAYS_BY_LAW.get(country.upper(), {})
    return int(rules.get(kind, rules.get("*", settings.DSR_DUE_DAYS)))


@transaction.atomic
def dsr_receive(
    *,
    clinic: Clinic,
    actor: User | None,
    patient: ClinicPatient,
    kind: str,
    details: dict[str, Any] | None = None,
) -> DataSubjectRequest:
    """Log a request as received; it is due ``dsr_due_days`` later (the law of the
    clinic's country for that kind: 15 days for a copy in Brazil, 30 in Thailand and
    Saudi Arabia), in the clinic's calendar. A rectification names the corrected fields in ``details``
    (``RECTIFIABLE``). ``actor`` ``None``: the person asked themselves (the patient
    portal). Raises ``ValidationFailed`` naming the field."""
    details = details or {}
    if kind == DataSubjectRequest.Kind.RECTIFICATION:
        unknown = set(details) - RECTIFIABLE
        if not details or unknown:
            raise ValidationFailed(
                errors={"details": [_("Name the corrected values of: %s.") % ", ".join(sorted(RECTIFIABLE))]}
            )
    now = timezone.now()
    local_today = clinic.date_at(now)
    dsr = DataSubjectRequest(
        clinic=clinic,
        patient=patient,
        kind=kind,
        received_at=now,
        due_on=local_today + timedelta(days=dsr_due_days(country=clinic.country, kind=kind)),
        received_by=actor,
        details=details,
    )
    model_save(dsr)
    _audit(dsr, actor, "dsr.received")
    return dsr


def _links_in_organization(patient: ClinicPatient) -> list[ClinicPatient]:
    # The organization is the controller: its request covers every clinic of it that
    # holds the person. Crossing clinics here is deliberate and limited to one profile.
    return list(
        ClinicPatient.unscoped.select_related("clinic")
        .filter(profile_id=patient.profile_id, clinic__organization_id=patient.clinic.organization_id)
        .order_by("created_at")
    )


class _ExportEncoder(json.JSONEncoder):
    """Dates and instants in ISO 8601 (full precision), ``Decimal`` and ``UUID`` as text
    (amounts stay exact); numbers of stored JSON (face chart coordinates) stay numbers."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.date | datetime.time):
            return o.isoformat()
        if isinstance(o, Decimal | uuid.UUID):
            return str(o)
        return super().default(o)


def patient_export_document(*, patient: ClinicPatient) -> dict[str, Any]:
    """Everything the organization holds about the person, at each of its clinics that
    holds them, as JSON-serializable data: the copy of the right of access (LGPD Art. 18
    II and Art. 19 II, health data included: Art. 11; GDPR Art. 15; PDPA s30)::

    {"format": "aesthetix.patient-export/1", "generated_at": iso8601,
     "organization": {...}, "person": {...demographics, contact, national ID},
     "clinics": [{"clinic": {...}, "chart_number", "tags", "notes", "referral_source",
                  "first_visit_on", "registered_at",
                  "consents": [{"purpose", "decision", "decided_at", "channel",
                                "evidence", "text": {"version", "locale", "title",
                                                     "body"} | null}],
                  "clinical": {"visits", "treatment_sessions", "clinical_notes",
                               "treatment_plans", "consent_forms"},
                  "commerce": {"sales", "invoices", "course_balances",
                               "stock_movements"}}]}

    ``clinical`` is ``emr.selectors.unscoped_patient_clinical_record`` (note texts decrypted;
    photos as metadata and object keys, never bytes or links), ``commerce`` is
    ``commerce.selectors.unscoped_patient_commerce_record``; instants are ISO 8601,
    amounts and ids text. Only the clinics of the requesting organization: the same
    person's charts at another organization (another controller) are not read. A fixed
    number of queries, whatever the number of clinics and records.
    """
    profile: PatientProfile = PatientProfile.objects.get(pk=patient.profile_id)
    links = _links_in_organization(patient)
    consents = (
        Consent.unscoped.filter(patient__in=links).select_related("text").order_by("decided_at", "created_at")
    )
    by_link: dict[Any, list[dict[str, Any]]] = {link.pk: [] for link in links}
    for consent in consents:
        text = consent.text
        by_link[consent.patient_id].append(
            {
                "purpose": consent.purpose,
                "decision": consent.decision,
                "decided_at": consent.decided_at.isoformat(),
                "channel": consent.channel,
                "evidence": consent.evidence,
                "text": (
                    {"version": text.version, "locale": text.locale, "title": text.title, "body": text.body}
                    if text is not None
                    else None
                ),
            }
        )
    clinical = unscoped_patient_clinical_record(patients=links)
    commerce = unscoped_patient_commerce_record(patients=links)
    organization = patient.clinic.organization
    document = {
        "format": EXPORT_FORMAT,
        "generated_at": timezone.now().isoformat(),
        "organization": {"id": str(organization.pk), "name": organization.name},
        "person": {
            "given_name": profile.given_name,
            "family_name": profile.family_name,
            "birth_date": profile.birth_date.isoformat(),
            "sex": profile.sex,
            "phone": profile.phone,
            "phone_alt": profile.phone_alt,
            "email": profile.email,
            "address": profile.address,
            "national_id": profile.national_id,
            "national_id_country": profile.national_id_country,
            "preferred_language": profile.preferred_language,
            "preferred_channel": profile.preferred_channel,
        },
        "clinics": [
            {
                "clinic": {"id": str(link.clinic_id), "name": link.clinic.name},
                "chart_number": link.chart_number,
                "tags": link.tags,
                "notes": link.notes,
                "referral_source": link.referral_source,
                "first_visit_on": link.first_visit_on.isoformat() if link.first_visit_on else None,
                "registered_at": link.created_at.isoformat(),
                "consents": by_link[link.pk],
                "clinical": clinical[link.pk],
                "commerce": commerce[link.pk],
            }
            for link in links
        ],
    }
    result: dict[str, Any] = json.loads(json.dumps(document, cls=_ExportEncoder))
    return result


def retention_until(*, link: ClinicPatient, last_entry: datetime.datetime | None) -> datetime.date | None:
    """The last day ``link``'s clinical record must be kept, or ``None`` when the chart
    has no clinical record (nothing to retain). ``last_entry`` is the instant of the
    record's newest entry (``emr.selectors.unscoped_last_clinical_entry``); the period
    runs from its date at the clinic, for the years of the clinic's country
    (``CLINICAL_RECORD_RETENTION_YEARS``, else ``DEFAULT_RECORD_RETENTION_YEARS``).

    Brazil: 20 years from the last entry (Lei 13.787/2018 Art. 6; CFM Resolução
    1.821/2007 Art. 8). While it runs, erasure may not remove what the record needs:
    keeping data to meet a legal obligation is allowed (LGPD Art. 16 I; GDPR Art.
    17(3)(b)); the rest is erased (PDPA s33).
    """
    if last_entry is None:
        return None
    years = settings.CLINICAL_RECORD_RETENTION_YEARS.get(
        link.clinic.country, settings.DEFAULT_RECORD_RETENTION_YEARS
    )
    last = link.clinic.date_at(last_entry)
    try:
        return last.replace(year=last.year + years)
    except ValueError:  # 29 February
        return last.replace(year=last.year + years, day=28)


def _erase(dsr: DataSubjectRequest, actor: User) -> dict[str, Any]:
    """Erasure reaches every copy the organization holds, not only the profile:

    * the profile and charts (``patients.services.patient_erase``), with the name search
      keys and the national ID's hash when the identity goes;
    * the row history of the profile and charts: the erased values are overwritten in
      every snapshot (``compliance.services.history_redact``, the one path past the
      history's append-only trigger);
    * the free text of the person's appointments (notes, cancellation reason) and of
      their financial records (refund and stock-movement reasons);
    * notifications: those still scheduled are cancelled, and every one addressed to the
      person's phones or e-mail, or about their appointments or payments, loses its
      recipient and payload (``notifications_erase_for_person``);
    * the organization's earlier data-subject requests of the person: export documents
      (cached copies of everything) and rectification values are dropped.

    What stays, and why, is in the report (``retained``): while a clinical record must
    be kept, the identity it needs (name, birth date, sex, national ID); always the chart
    number and the consent history (evidence of lawful processing, LGPD Art. 16 I), the
    audit trail (masked values only), and appointments, sales, invoices, refunds and
    payments as records without free text. Photos' object keys carry only record ids.
    """
    links = _links_in_organization(dsr.patient)
    last_entries = unscoped_last_clinical_entry(patients=links)
    kept_until = {}
    for link in links:
        until = retention_until(link=link, last_entry=last_entries.get(link.pk))
        if until is not None and until >= link.clinic.today():
            kept_until[str(link.clinic_id)] = until
    must_retain = bool(kept_until)
    # The profile is the organization's own copy (README "Patient identity"): erasing
    # it never touches what another organization holds about the person.
    before = PatientProfile.objects.get(pk=dsr.patient.profile_id)
    contacts = [before.phone, before.phone_alt, before.email]
    outcome = patient_erase(
        links=links,
        actor=actor,
        erase_identity=not must_retain,
    )
    profile = PatientProfile.objects.get(pk=before.pk)
    erased = set(outcome["removed"])
    # The name search keys follow the name: redacted only when the name is.
    search = {"search_name": profile.search_name} if "given_name" in erased else {}
    history_rows = history_redact(
        tracked=PatientProfile,
        object_ids=[profile.pk],
        values={f: getattr(profile, f) for f in erased if hasattr(profile, f)} | search,
    ) + history_redact(
        tracked=ClinicPatient,
        object_ids=[link.pk for link in links],
        values={f: getattr(links[0], f) for f in erased if hasattr(links[0], f)} | search,
    )
    appointment_ids = appointments_erase_free_text(patients=links)
    financial_texts = patient_free_text_erase(patients=links)
    notifications = notifications_erase_for_person(
        clinic_ids={link.clinic_id for link in links},
        recipients=contacts,
        subjects=[(APPOINTMENT_SUBJECT, pk) for pk in appointment_ids]
        + [(PAYMENT_SUBJECT, pk) for pk in unscoped_patient_payment_ids(patients=links)],
    )
    earlier = DataSubjectRequest.unscoped.filter(patient__in=links).exclude(pk=dsr.pk)
    exports = earlier.filter(kind=DataSubjectRequest.Kind.EXPORT, result__isnull=False).update(result=None)
    earlier.filter(kind=DataSubjectRequest.Kind.RECTIFICATION).exclude(details={}).update(details={})
    return {
        **outcome,
        "retained": sorted(
            (
                {"given_name", "family_name", "birth_date", "sex", "national_id", "chart_number"}
                if must_retain
                else set()
            )
            | {"chart_number", "consent history"}
        ),
        "retained_until": {k: v.isoformat() for k, v in kept_until.items()},
        "reason": (
            _("Clinical records must be kept (retention period); identity kept for them.")
            if must_retain
            else _("No record must be kept: identity anonymized.")
        ),
        "erased_copies": {
            "history_rows": history_rows,
            "appointments": len(appointment_ids),
            "notifications": notifications,
            "exports": exports,
            "financial_texts": financial_texts,
        },
    }


def _rectify(dsr: DataSubjectRequest, actor: User) -> dict[str, Any]:
    details = dict(dsr.details)
    national = {k: details.pop(k) for k in ("national_id", "national_id_country") if k in details}
    if "birth_date" in details:
        details["birth_date"] = datetime.date.fromisoformat(str(details["birth_date"]))
    patient = dsr.patient
    if details:
        patient = patient_update(patient=patient, actor=actor, **details)
    if national:
        patient_national_id_correct(
            patient=patient,
            actor=actor,
            national_id=str(national.get("national_id", "")),
            national_id_country=str(national.get("national_id_country", "")),
        )
    return {"rectified": sorted([*details, *national])}


@transaction.atomic
def dsr_complete(*, dsr: DataSubjectRequest, actor: User) -> DataSubjectRequest:
    """Carry out a received request and close it: an export stores the document
    (``patient_export_document``) in ``result``; an erasure anonymizes (``patient_erase``)
    keeping what must be retained and stores the report; a rectification applies
    ``details``. Raises ``Conflict`` when the request is not open and the services'
    ``ValidationFailed`` (then nothing is changed)."""
    locked = (
        DataSubjectRequest.objects.select_for_update(of=("self",))
        .select_related("patient__clinic")
        .get(pk=dsr.pk)
    )
    if locked.status != DataSubjectRequest.Status.RECEIVED:
        raise Conflict(
            _("This request is already %(status)s.") % {"status": locked.status}, code="dsr_closed"
        )
    if locked.kind == DataSubjectRequest.Kind.EXPORT:
        result = patient_export_document(patient=locked.patient)
    elif locked.kind == DataSubjectRequest.Kind.ERASURE:
        result = _erase(locked, actor)
    else:
        result = _rectify(locked, actor)
    return _completed(locked, result=result, actor=actor)


def _completed(locked: DataSubjectRequest, *, result: Any, actor: User | None) -> DataSubjectRequest:
    locked.status, locked.result = DataSubjectRequest.Status.COMPLETED, result
    locked.completed_at, locked.handled_by = timezone.now(), actor
    model_save(locked, update_fields=["status", "result", "completed_at", "handled_by"])
    _audit(locked, actor, "dsr.completed")
    return locked


@transaction.atomic
def dsr_receive_from_patient(
    *, patient: ClinicPatient, kind: str, details: dict[str, Any] | None = None
) -> tuple[DataSubjectRequest, bool]:
    """A request the person makes themselves (the patient portal, signed in with their
    proven phone), received for the compliance desk to work like any other
    (``dsr_receive``, no staff actor). Idempotent: while a request of the same ``kind``
    (for a rectification: with the same ``details``) is open for the chart, that one is
    returned and nothing is created. Returns ``(request, created)``. Raises
    ``ValidationFailed`` naming ``kind`` or ``details``."""
    if kind not in (DataSubjectRequest.Kind.ERASURE, DataSubjectRequest.Kind.RECTIFICATION):
        raise ValidationFailed(errors={"kind": [_("Ask for erasure or a correction.")]})
    # One open request at a time: concurrent clicks wait for each other on the chart.
    ClinicPatient.unscoped.select_for_update().filter(pk=patient.pk).first()
    open_ = DataSubjectRequest.unscoped.filter(
        clinic_id=patient.clinic_id, patient=patient, kind=kind, status=DataSubjectRequest.Status.RECEIVED
    ).order_by("received_at")
    for dsr in open_:
        if kind == DataSubjectRequest.Kind.ERASURE or dsr.details == (details or {}):
            return dsr, False
    return dsr_receive(clinic=patient.clinic, actor=None, patient=patient, kind=kind, details=details), True


@transaction.atomic
def dsr_export_for_patient(*, patient: ClinicPatient) -> DataSubjectRequest:
    """The copy of their data the person downloads themselves (the patient portal; LGPD
    Art. 18 II and Art. 19 II: "in simplified format, immediately"; PDPA s30): a
    request of kind export received and completed at once, with the same document the
    compliance desk hands over (``patient_export_document``), clinical record included
    (it is the person's own). Audited as any request (``dsr.received``,
    ``dsr.completed``, no staff actor)."""
    dsr = dsr_receive(clinic=patient.clinic, actor=None, patient=patient, kind=DataSubjectRequest.Kind.EXPORT)
    return _completed(dsr, result=patient_export_document(patient=patient), actor=None)


@transaction.atomic
def dsr_reject(*, dsr: DataSubjectRequest, actor: User, reason: str) -> DataSubjectRequest:
    """Close a received request without carrying it out, giving the reason the patient
    is told (e.g. identity not confirmed). Raises ``Conflict`` when it is not open."""
    locked = DataSubjectRequest.objects.select_for_update().get(pk=dsr.pk)
    if locked.status != DataSubjectRequest.Status.RECEIVED:
        raise Conflict(
            _("This request is already %(status)s.") % {"status": locked.status}, code="dsr_closed"
        )
    if not reason.strip():
        raise ValidationFailed(errors={"reason": [_("This field is required.")]})
    locked.status, locked.rejection_reason = DataSubjectRequest.Status.REJECTED, reason.strip()
    locked.completed_at, locked.handled_by = timezone.now(), actor
    model_save(locked, update_fields=["status", "rejection_reason", "completed_at", "handled_by"])
    _audit(locked, actor, "dsr.rejected")
    return locked


WITHHELD_CLINICAL = "clinical"


def dsr_result_for_role(*, dsr: DataSubjectRequest, role: str) -> Any:
    """``dsr.result`` as a member of ``role`` may read it. The clinical record inside an
    export (notes decrypted, sessions, plans, photos' metadata) is clinical content, read
    under the same rule as the clinical routes (``clinical.view``): for a role without it
    each clinic's ``"clinical"`` is ``null`` and the document says
    ``"withheld": ["clinical"]``, so an owner or admin can run and hand over the request
    without reading the health data (LGPD Art. 11 and Art. 6 III; CFM 1.638/2002 art. 1);
    a clinician gives the clinical part from the chart. Other results are unchanged."""
    result = dsr.result
    if (
        dsr.kind != DataSubjectRequest.Kind.EXPORT
        or not isinstance(result, dict)
        or role_has_permission(role, "clinical.view")
    ):
        return result
    return {
        **result,
        "withheld": [WITHHELD_CLINICAL],
        "clinics": [{**chart, "clinical": None} for chart in result.get("clinics", [])],
    }


def dsr_result_viewed(*, dsr: DataSubjectRequest, actor: User) -> None:
    """Audit that ``actor`` was shown ``dsr``'s ``result`` (``dsr_result.viewed``); nothing
    is recorded while the request has no result (received or rejected).

    An export's result is the person's whole record, clinical notes included, so the
    event is recorded on the patient (``patients.ClinicPatient``, the patient's id) like
    any read of their chart: it appears in the access history the patient may ask for
    (LGPD Art. 18 VII; PDPA s30). ``changes`` names the request:
    ``{"data_subject_request": [None, id], "kind": [None, kind]}``.
    """
    if dsr.result is None:
        return
    audit_event_record(
        clinic=dsr.clinic,
        actor=actor,
        action="dsr_result.viewed",
        object_type=PATIENT_OBJECT_TYPE,
        object_id=dsr.patient_id,
        changes={"data_subject_request": [None, dsr.pk], "kind": [None, dsr.kind]},
    )
