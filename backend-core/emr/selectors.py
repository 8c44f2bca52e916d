"""Reads of the clinical record, through the clinic-scoped managers."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db.models import (
    Count,
    Exists,
    F,
    Func,
    Max,
    Model,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    TextChoices,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from catalog.models import Product, Service
from commerce.models import Invoice
from emr.intake import Alert, intake_alerts
from emr.models import (
    ClinicalNote,
    ConsentFormSignature,
    ConsentFormTemplate,
    FaceChart,
    MedicalIntake,
    Photo,
    PhotoAngle,
    PhotoKind,
    PlannedSession,
    SessionProduct,
    TreatmentPlan,
    TreatmentSession,
    Visit,
)
from patients.models import ClinicPatient, Consent, ConsentPurpose
from patients.selectors import chart_rows_filter, patients_consenting_to
from scheduling.models import Appointment


def visit_list(*, patient_id: Any = None, status: str = "") -> QuerySet[Visit]:
    """Visits newest first, with the patient and the sessions' services (schedule-level
    facts only)."""
    visits = Visit.objects.select_related("patient").prefetch_related(
        Prefetch(
            "sessions", queryset=TreatmentSession.objects.select_related("service").order_by("created_at")
        )
    )
    if patient_id is not None:
        visits = visits.filter(patient_id=patient_id)
    if status:
        visits = visits.filter(status=status)
    return visits.order_by("-opened_at", "pk")


def session_list(*, patient_id: Any = None, visit_id: Any = None) -> QuerySet[TreatmentSession]:
    sessions = TreatmentSession.objects.select_related("service").prefetch_related(
        "practitioners",
        Prefetch(
            "products",
            queryset=SessionProduct.objects.select_related("product", "lot").order_by("created_at"),
        ),
    )
    if patient_id is not None:
        sessions = sessions.filter(patient_id=patient_id)
    if visit_id is not None:
        sessions = sessions.filter(visit_id=visit_id)
    return sessions.order_by("-created_at", "pk")


# A service priced per toxin unit or per ml is billed by the amount used, in that unit.
_PRODUCT_UNIT_OF_SERVICE: dict[str, str] = {
    Service.Unit.TOXIN_UNIT: Product.Unit.TOXIN_UNIT,
    Service.Unit.ML: Product.Unit.ML,
}
_CHART_UNIT_OF_SERVICE: dict[str, str] = {Service.Unit.TOXIN_UNIT: "U", Service.Unit.ML: "ml"}


def session_billable_quantity(session: TreatmentSession) -> Decimal:
    """How many of its service's price units a completed session bills: 1 for a service
    priced per session or area; for one priced per toxin unit or ml, the products used
    in that unit (``SessionProduct``), else the units charted on the newest face chart
    version, else 1. ``session.products`` and ``face_charts`` should be prefetched."""
    unit = session.service.unit
    if unit not in _PRODUCT_UNIT_OF_SERVICE:
        return Decimal(1)
    used = sum(
        (line.quantity for line in session.products.all() if line.unit == _PRODUCT_UNIT_OF_SERVICE[unit]),
        Decimal(0),
    )
    if used:
        return used
    charts = sorted(session.face_charts.all(), key=lambda chart: chart.version)
    points = charts[-1].annotations.get("points", []) if charts else []
    charted = sum(
        (
            Decimal(p["units"])
            for p in points
            if p.get("units") and p.get("unit") == _CHART_UNIT_OF_SERVICE[unit]
        ),
        Decimal(0),
    )
    return charted or Decimal(1)


def session_billable_products(session: TreatmentSession) -> list[tuple[Product, Decimal]]:
    """The billable products (``Product.billable``) used in a session, with the quantity
    used of each (summed over lots, in the product's unit), in the order first used.
    Products whose use already sets the service's billed quantity (toxin units of a
    service priced per unit, ml of one priced per ml: ``session_billable_quantity``) are
    left out, so nothing is charged twice. ``session.products`` (with ``product``) should
    be prefetched."""
    counted = _PRODUCT_UNIT_OF_SERVICE.get(session.service.unit)
    used: dict[Any, tuple[Product, Decimal]] = {}
    for line in sorted(session.products.all(), key=lambda row: (row.created_at, str(row.pk))):
        if not line.product.billable or line.unit == counted:
            continue
        product, quantity = used.get(line.product_id, (line.product, Decimal(0)))
        used[line.product_id] = (product, quantity + line.quantity)
    return list(used.values())


def sessions_to_bill(*, visit_id: Any) -> QuerySet[TreatmentSession]:
    """The completed sessions of a visit, with what billing reads prefetched."""
    return (
        TreatmentSession.objects.filter(visit_id=visit_id, status=TreatmentSession.Status.COMPLETED)
        .select_related("service")
        .prefetch_related(
            "practitioners",
            Prefetch("products", queryset=SessionProduct.objects.select_related("product")),
            "face_charts",
        )
        .order_by("created_at", "pk")
    )


def note_list(
    *, patient_id: Any = None, visit_id: Any = None, current_only: bool = False
) -> QuerySet[ClinicalNote]:
    """Notes newest first; ``current_only`` leaves out versions that were amended."""
    notes = ClinicalNote.objects.select_related("author", "signed_by")
    if patient_id is not None:
        notes = notes.filter(patient_id=patient_id)
    if visit_id is not None:
        notes = notes.filter(visit_id=visit_id)
    if current_only:
        notes = notes.filter(amendment__isnull=True)
    return notes.order_by("-created_at", "pk")


def plan_list(*, patient_id: Any = None) -> QuerySet[TreatmentPlan]:
    """Plans with their steps and ``steps_total``/``steps_done`` counts (progress)."""
    plans = TreatmentPlan.objects.annotate(
        steps_total=Count("items", filter=~Q(items__status=PlannedSession.Status.SKIPPED)),
        steps_done=Count("items", filter=Q(items__status=PlannedSession.Status.DONE)),
    ).prefetch_related(
        Prefetch("items", queryset=PlannedSession.objects.select_related("service").order_by("sequence"))
    )
    if patient_id is not None:
        plans = plans.filter(patient_id=patient_id)
    return plans.order_by("-created_at", "pk")


def consent_template_list(
    *, service_id: Any = None, locale: str = "", current: bool = False
) -> QuerySet[ConsentFormTemplate]:
    """Consent form templates by treatment name, language and newest version first, each
    annotated with ``signatures_count``. ``service_id``/``locale`` narrow them;
    ``current`` keeps only the newest version of each treatment and language (the one a
    patient signs)."""
    templates = ConsentFormTemplate.objects.select_related("service").annotate(
        signatures_count=Count("signatures")
    )
    if service_id is not None:
        templates = templates.filter(service_id=service_id)
    if locale:
        templates = templates.filter(locale=locale)
    if current:
        newer = ConsentFormTemplate.objects.filter(
            service_id=OuterRef("service_id"), locale=OuterRef("locale"), version__gt=OuterRef("version")
        )
        templates = templates.exclude(Exists(newer))
    return templates.order_by("service__name", "locale", "-version")


def consent_template_newest(*, service: Service, locale: str) -> ConsentFormTemplate | None:
    return ConsentFormTemplate.objects.filter(service=service, locale=locale).order_by("-version").first()


def consent_signature_list(*, patient_id: Any = None) -> QuerySet[ConsentFormSignature]:
    signatures = ConsentFormSignature.objects.select_related("template", "template__service", "recorded_by")
    if patient_id is not None:
        signatures = signatures.filter(patient_id=patient_id)
    return signatures.order_by("-signed_at", "pk")


def consent_form_valid_for(*, patient_id: Any, service: Service) -> ConsentFormSignature | None:
    """The patient's newest signature of a consent form of ``service`` whose template is
    still the newest version of its language, or ``None`` (the session may not start)."""
    newest_version = (
        ConsentFormTemplate.objects.filter(service=service, locale=OuterRef("template__locale"))
        .order_by("-version")
        .values("version")[:1]
    )
    return (
        ConsentFormSignature.objects.filter(patient_id=patient_id, template__service=service)
        .annotate(newest=Subquery(newest_version))
        .filter(template__version=F("newest"))
        .order_by("-signed_at")
        .first()
    )


def consent_form_due(
    *, patient_id: Any, service: Service, locales: Sequence[str]
) -> ConsentFormTemplate | None:
    """The consent form the patient still has to sign before a session of ``service``:
    ``None`` when the treatment needs none (``requires_consent``), when the patient
    already signed the newest version of a language (``consent_form_valid_for``, what
    starting a session asks for) or when the clinic published no form in any of
    ``locales``; else the newest version in the first of ``locales`` (compared without
    case: ``pt-BR`` = ``pt-br``) that has one. Reads the current clinic's templates."""
    if not service.requires_consent or consent_form_valid_for(patient_id=patient_id, service=service):
        return None
    for locale in dict.fromkeys(code.lower() for code in locales if code):
        template = (
            ConsentFormTemplate.objects.filter(service=service, locale__iexact=locale)
            .select_related("service")
            .order_by("-version")
            .first()
        )
        if template is not None:
            return template
    return None


def photo_list(*, session_id: Any = None, patient_id: Any = None, ready_only: bool = True) -> QuerySet[Photo]:
    """Photos oldest first; by default only the ``ready`` ones (never a rejected one)."""
    photos = Photo.objects.all()
    if ready_only:
        photos = photos.filter(status=Photo.Status.READY)
    if session_id is not None:
        photos = photos.filter(session_id=session_id)
    if patient_id is not None:
        photos = photos.filter(patient_id=patient_id)
    return photos.order_by("created_at", "pk")


@dataclass(frozen=True)
class PhotoPair:
    """The newest ready ``before`` and ``after`` photo of one angle (either may be
    missing)."""

    angle: str
    before: Photo | None
    after: Photo | None


def photo_marketing_patient_ids(photos: Iterable[Photo]) -> set[Any]:
    """Ids of the patients of ``photos`` whose consent to marketing photos stands."""
    return set(
        patients_consenting_to(purpose=ConsentPurpose.MARKETING_PHOTOS)
        .filter(pk__in={p.patient_id for p in photos})
        .values_list("pk", flat=True)
    )


def photo_pairs(photos: Iterable[Photo]) -> list[PhotoPair]:
    """Pair photos by angle, before with after, the newest of each kind winning; angles
    in the order of ``PhotoAngle``."""
    newest: dict[tuple[str, str], Photo] = {}
    for photo in photos:  # oldest first: later ones replace earlier ones
        newest[(photo.angle, photo.kind)] = photo
    angles = sorted({angle for angle, _kind in newest}, key=PhotoAngle.values.index)
    return [
        PhotoPair(angle=a, before=newest.get((a, PhotoKind.BEFORE)), after=newest.get((a, PhotoKind.AFTER)))
        for a in angles
    ]


def face_chart_list(*, session_id: Any = None) -> QuerySet[FaceChart]:
    charts = FaceChart.objects.select_related("created_by")
    if session_id is not None:
        charts = charts.filter(session_id=session_id)
    return charts.order_by("session_id", "-version")


# ----------------------------------------------------------------- across the clinics
# Data-subject rights and record retention read one person's record at every clinic of
# an organization, whatever clinic the request came from: the reads below go through the
# ``unscoped`` managers, bounded by the given chart links (``chart_rows_filter``), and
# prefetch with explicit ``unscoped`` querysets: a clinic-scoped default manager would
# silently keep only the current clinic's rows.


def _person(user: User | None) -> dict[str, Any] | None:
    return {"id": user.pk, "name": user.full_name} if user is not None else None


def unscoped_last_clinical_entry(*, patients: Sequence[ClinicPatient]) -> dict[Any, dt.datetime]:
    """The instant of the newest entry of each chart's clinical record, by chart id
    (``ClinicPatient`` pk); a chart with no clinical record is absent.

    Entries: a visit opened or closed, a treatment session created, started or
    completed, a SOAP note (any version) written or signed, a photo uploaded, a face
    chart version saved, a consent form signed, a treatment plan made. Retention of the
    record runs from this instant ("a partir do último registro": Lei 13.787/2018 Art.
    6; CFM Resolução 1.821/2007 Art. 8). One query (a union of per-table maxima).
    """
    if not patients:
        return {}
    where = chart_rows_filter(patients)

    def newest(
        rows: QuerySet[Model], *instants: str | Func, patient: str = "patient_id"
    ) -> QuerySet[Model, tuple[UUID, dt.datetime]]:
        at = Greatest(*instants) if len(instants) > 1 else instants[0]
        # Typed here: the Django plugin of mypy types annotate() after values_list() as Any.
        maxima: QuerySet[Model, tuple[UUID, dt.datetime]] = (
            rows.order_by().values_list(patient).annotate(at=Max(at))
        )
        return maxima

    # Greatest() is NULL on SQLite when any argument is: an unset instant falls back to
    # the row's creation.
    parts = [
        newest(Visit.unscoped.filter(where), "opened_at", Coalesce("closed_at", "opened_at")),
        newest(
            TreatmentSession.unscoped.filter(where),
            "created_at",
            Coalesce("started_at", "created_at"),
            Coalesce("completed_at", "created_at"),
        ),
        newest(ClinicalNote.unscoped.filter(where), "created_at", Coalesce("signed_at", "created_at")),
        newest(Photo.unscoped.filter(where), "created_at"),
        newest(
            FaceChart.unscoped.filter(chart_rows_filter(patients, via="session__patient")),
            "created_at",
            patient="session__patient_id",
        ),
        newest(ConsentFormSignature.unscoped.filter(where), "signed_at"),
        newest(TreatmentPlan.unscoped.filter(where), "created_at"),
    ]
    last: dict[Any, dt.datetime] = {}
    for patient_id, at in parts[0].union(*parts[1:], all=True):
        if patient_id not in last or at > last[patient_id]:
            last[patient_id] = at
    return last


def _session_record(session: TreatmentSession) -> dict[str, Any]:
    return {
        "id": session.pk,
        "visit_id": session.visit_id,
        "service": {"id": session.service_id, "name": session.service.name},
        "status": session.status,
        "created_at": session.created_at,
        "started_at": session.started_at,
        "completed_at": session.completed_at,
        "practitioners": [_person(user) for user in session.practitioners.all()],
        "consent_form_id": session.consent_signature_id,
        "products_used": [
            {
                "product": {"id": used.product_id, "name": used.product.name},
                "registration_number": used.lot.registration_number or used.product.registration_number,
                "lot_number": used.lot.lot_number,
                "lot_expiry_date": used.lot.expiry_date,
                "quantity": used.quantity,
                "unit": used.unit,
                "recorded_at": used.created_at,
            }
            for used in session.products.all()
        ],
        "photos": [
            {
                "id": photo.pk,
                "kind": photo.kind,
                "angle": photo.angle,
                "status": photo.status,
                "usage": photo.usage,
                "content_type": photo.content_type,
                "size_bytes": photo.size_bytes,
                "checksum_sha256": photo.checksum_sha256,
                "width": photo.width,
                "height": photo.height,
                "object_key": photo.object_key,
                "uploaded_at": photo.created_at,
                "processed_at": photo.processed_at,
                "rejection_reason": photo.rejection_reason,
                "uploaded_by": _person(photo.uploaded_by),
            }
            for photo in session.photos.all()
        ],
        "face_charts": [
            {
                "id": chart.pk,
                "version": chart.version,
                "template": chart.template,
                "photo_id": chart.photo_id,
                "annotations": chart.annotations,
                "saved_at": chart.created_at,
                "saved_by": _person(chart.created_by),
            }
            for chart in session.face_charts.all()
        ],
    }


def _note_record(note: ClinicalNote) -> dict[str, Any]:
    return {
        "id": note.pk,
        "visit_id": note.visit_id,
        "session_id": note.session_id,
        "version": note.version,
        "amends_id": note.amends_id,
        "amendment_reason": note.amendment_reason,
        "status": note.status,
        "author": _person(note.author),
        "written_at": note.created_at,
        "signed_at": note.signed_at,
        "signed_by": _person(note.signed_by),
        "subjective": note.subjective,
        "objective": note.objective,
        "assessment": note.assessment,
        "plan": note.plan,
    }


def _consent_form_record(signature: ConsentFormSignature) -> dict[str, Any]:
    template = signature.template
    png = bytes(signature.signature_png or b"")
    return {
        "id": signature.pk,
        "signed_at": signature.signed_at,
        "method": signature.method,
        "typed_name": signature.typed_name,
        # A reference to the stored image, which stays at the clinic, not the image.
        "drawn_signature": (
            {
                "consent_form_id": signature.pk,
                "sha256": hashlib.sha256(png).hexdigest(),
                "size_bytes": len(png),
            }
            if png
            else None
        ),
        "text_sha256": signature.text_sha256,
        "template": {
            "id": template.pk,
            "service": {"id": template.service_id, "name": template.service.name},
            "locale": template.locale,
            "version": template.version,
            "title": template.title,
            "body": template.body,
        },
        "ip": signature.ip,
        "user_agent": signature.user_agent,
        "channel": signature.channel,
        "recorded_by": _person(signature.recorded_by),
    }


def unscoped_patient_clinical_record(
    *, patients: Sequence[ClinicPatient]
) -> dict[Any, dict[str, list[dict[str, Any]]]]:
    """The whole clinical record of each chart link in ``patients`` (the person's
    ``ClinicPatient`` rows, possibly at several clinics), for the data subject's copy
    (LGPD Art. 18 II and Art. 11: health data are personal data; GDPR Art. 15; PDPA
    s30). By chart id, every chart present, oldest entry first::

        {chart_id: {
          "visits": [{"id", "kind", "status", "appointment_id", "opened_at", "closed_at",
                      "opened_by": {"id", "name"} | None}],
          "treatment_sessions": [{"id", "visit_id", "service": {"id", "name"}, "status",
              "created_at", "started_at", "completed_at", "practitioners": [person],
              "consent_form_id",
              "products_used": [{"product": {"id", "name"}, "registration_number",
                                 "lot_number", "lot_expiry_date", "quantity", "unit",
                                 "recorded_at"}],
              "photos": [{"id", "kind", "angle", "status", "usage", "content_type",
                          "size_bytes", "checksum_sha256", "width", "height",
                          "object_key", "uploaded_at", "processed_at",
                          "rejection_reason", "uploaded_by"}],
              "face_charts": [{"id", "version", "template", "photo_id", "annotations",
                               "saved_at", "saved_by"}]}],
          "clinical_notes": [{"id", "visit_id", "session_id", "version", "amends_id",
              "amendment_reason", "status", "author", "written_at", "signed_at",
              "signed_by", "subjective", "objective", "assessment", "plan"}],
          "treatment_plans": [{"id", "title", "goals", "status", "created_at",
              "created_by", "planned_sessions": [{"sequence", "service", "target_date",
                                                  "status", "session_id"}]}],
          "consent_forms": [{"id", "signed_at", "method", "typed_name",
              "drawn_signature": {"consent_form_id", "sha256", "size_bytes"} | None,
              "text_sha256", "template": {"id", "service", "locale", "version",
              "title", "body"}, "ip", "user_agent", "channel", "recorded_by"}]}}

    Values are Python values (``UUID``, ``datetime``, ``date``, ``Decimal``). Note texts
    are decrypted; every version of a note is listed. Photos are described, not
    included: no image bytes and no links (a presigned URL would hand out the image to
    whoever holds the document); ``uploaded_at`` is when the upload was confirmed (no
    capture time is stored). A drawn signature is referenced by its consent form id
    and the SHA-256 of the stored PNG. A fixed number of queries (10), whatever the
    number of charts and rows.
    """
    record: dict[Any, dict[str, list[dict[str, Any]]]] = {
        p.pk: {
            "visits": [],
            "treatment_sessions": [],
            "clinical_notes": [],
            "treatment_plans": [],
            "consent_forms": [],
        }
        for p in patients
    }
    if not patients:
        return record
    where = chart_rows_filter(patients)
    for visit in Visit.unscoped.filter(where).select_related("opened_by").order_by("opened_at", "pk"):
        record[visit.patient_id]["visits"].append(
            {
                "id": visit.pk,
                "kind": visit.kind,
                "status": visit.status,
                "appointment_id": visit.appointment_id,
                "opened_at": visit.opened_at,
                "closed_at": visit.closed_at,
                "opened_by": _person(visit.opened_by),
            }
        )
    sessions = (
        TreatmentSession.unscoped.filter(where)
        .select_related("service")
        .prefetch_related(
            Prefetch("practitioners", queryset=User.objects.order_by("given_name", "family_name", "pk")),
            Prefetch(
                "products",
                queryset=SessionProduct.unscoped.select_related("product", "lot").order_by(
                    "created_at", "pk"
                ),
            ),
            Prefetch(
                "photos", queryset=Photo.unscoped.select_related("uploaded_by").order_by("created_at", "pk")
            ),
            Prefetch(
                "face_charts", queryset=FaceChart.unscoped.select_related("created_by").order_by("version")
            ),
        )
        .order_by("created_at", "pk")
    )
    for session in sessions:
        record[session.patient_id]["treatment_sessions"].append(_session_record(session))
    notes = ClinicalNote.unscoped.filter(where).select_related("author", "signed_by")
    for note in notes.order_by("created_at", "version", "pk"):
        record[note.patient_id]["clinical_notes"].append(_note_record(note))
    plans = (
        TreatmentPlan.unscoped.filter(where)
        .select_related("created_by")
        .prefetch_related(
            Prefetch("items", queryset=PlannedSession.unscoped.select_related("service").order_by("sequence"))
        )
    )
    for plan in plans.order_by("created_at", "pk"):
        record[plan.patient_id]["treatment_plans"].append(
            {
                "id": plan.pk,
                "title": plan.title,
                "goals": plan.goals,
                "status": plan.status,
                "created_at": plan.created_at,
                "created_by": _person(plan.created_by),
                "planned_sessions": [
                    {
                        "sequence": item.sequence,
                        "service": {"id": item.service_id, "name": item.service.name},
                        "target_date": item.target_date,
                        "status": item.status,
                        "session_id": item.session_id,
                    }
                    for item in plan.items.all()
                ],
            }
        )
    signatures = ConsentFormSignature.unscoped.filter(where).select_related(
        "template__service", "recorded_by"
    )
    for signature in signatures.order_by("signed_at", "pk"):
        record[signature.patient_id]["consent_forms"].append(_consent_form_record(signature))
    return record


# ------------------------------------------------------------------- medical history


def intake_current(*, patient_id: Any) -> MedicalIntake | None:
    """The patient's newest medical-history version, ``None`` before one is taken."""
    return (
        MedicalIntake.objects.filter(patient_id=patient_id)
        .select_related("recorded_by")
        .order_by("-version")
        .first()
    )


def intake_versions(*, patient_id: Any) -> QuerySet[MedicalIntake]:
    """Every version of the patient's medical history, newest first."""
    return (
        MedicalIntake.objects.filter(patient_id=patient_id).select_related("recorded_by").order_by("-version")
    )


def patient_alerts(*, patient_id: Any, service: Service) -> list[Alert]:
    """The contraindications ``service`` lists that the patient's current medical
    history matches (``emr.intake.intake_alerts``); ``[]`` without a history. One query
    (the newest version)."""
    if not service.contraindications:
        return []
    current = MedicalIntake.objects.filter(patient_id=patient_id).order_by("-version").first()
    return intake_alerts(current.history if current else None, service.contraindications)


# -------------------------------------------------------------------------- timeline


class TimelineKind(TextChoices):
    APPOINTMENT = "appointment", _("Appointment")
    VISIT = "visit", _("Visit")
    SESSION = "session", _("Treatment session")
    INVOICE = "invoice", _("Invoice")
    CONSENT = "consent", _("Consent decision")


@dataclass(frozen=True)
class TimelineAccess:
    """What the reader's role may see on the timeline (``core.permissions``): sessions
    need ``clinical.view``; invoice amounts and the balance need ``invoice.view``."""

    clinical: bool
    amounts: bool


@dataclass(frozen=True)
class TimelinePage:
    """One page of a timeline: ``items`` newest first, ``count`` items in all (after
    the filters), and the patient's open balance (``None`` without ``amounts``)."""

    items: list[dict[str, Any]]
    count: int
    balance_due: Decimal | None
    currency: str


def _timeline_sources(patient_id: Any, access: TimelineAccess) -> dict[str, QuerySet[Any]]:
    sources: dict[str, QuerySet[Any]] = {
        TimelineKind.APPOINTMENT: Appointment.objects.filter(patient_id=patient_id)
        .select_related("service", "practitioner")
        .annotate(at=F("starts_at")),
        TimelineKind.VISIT: Visit.objects.filter(patient_id=patient_id)
        .prefetch_related(
            Prefetch(
                "sessions",
                queryset=TreatmentSession.objects.select_related("service").order_by("created_at"),
            )
        )
        .annotate(at=F("opened_at")),
        TimelineKind.INVOICE: Invoice.objects.filter(patient_id=patient_id).annotate(
            at=Coalesce("issued_at", "created_at")
        ),
        TimelineKind.CONSENT: Consent.objects.filter(patient_id=patient_id)
        .select_related("recorded_by")
        .annotate(at=F("decided_at")),
    }
    if access.clinical:
        sources[TimelineKind.SESSION] = (
            TreatmentSession.objects.filter(patient_id=patient_id)
            .select_related("service")
            .prefetch_related("practitioners")
            .annotate(at=Coalesce("started_at", "created_at"))
        )
    return sources


def _timeline_item(kind: str, row: Any, access: TimelineAccess) -> dict[str, Any]:
    item: dict[str, Any] = {
        "kind": kind,
        "id": row.pk,
        "at": row.at,
        "status": "",
        "service_names": [],
        "practitioner_name": "",
        "invoice_number": "",
        "total": None,
        "balance_due": None,
        "currency": "",
        "purpose": "",
        "channel": "",
    }
    if kind == TimelineKind.APPOINTMENT:
        item.update(
            status=row.status, service_names=[row.service.name], practitioner_name=row.practitioner.full_name
        )
    elif kind == TimelineKind.VISIT:
        item.update(status=row.status, service_names=[s.service.name for s in row.sessions.all()])
    elif kind == TimelineKind.SESSION:
        item.update(
            status=row.status,
            service_names=[row.service.name],
            practitioner_name=", ".join(sorted(p.full_name for p in row.practitioners.all())),
        )
    elif kind == TimelineKind.INVOICE:
        item.update(status=row.status, invoice_number=row.number)
        if access.amounts:
            item.update(total=row.total, balance_due=row.balance_due, currency=row.currency)
    else:
        item.update(
            status=row.decision,
            purpose=row.purpose,
            channel=row.channel,
            practitioner_name=row.recorded_by.full_name if row.recorded_by else "",
        )
    return item


def patient_timeline(
    *,
    patient: ClinicPatient,
    access: TimelineAccess,
    kinds: Sequence[str] = (),
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    offset: int = 0,
    limit: int = 20,
) -> TimelinePage:
    """The patient's appointments, visits, treatment sessions (clinical roles),
    invoices and consent decisions in one list, newest first (upcoming appointments
    on top), each at its instant (appointment start, visit opening, session start or
    creation, invoice issue or creation, consent decision; UTC). ``kinds`` keeps only
    those kinds (empty: all the reader may see); ``since``/``until`` bound the instant
    (``[since, until)``); ``offset``/``limit`` page it.

    The query count does not depend on the number of items: per kind one count, one
    page query (its first ``offset + limit`` rows) and its prefetches, plus the balance
    (the sum of ``balance_due`` over the patient's issued, unpaid invoices)."""
    sources = _timeline_sources(patient.pk, access)
    wanted = [kind for kind in sources if not kinds or kind in kinds]
    count, rows = 0, list[tuple[str, Any]]()
    for kind in wanted:
        queryset = sources[kind]
        if since is not None:
            queryset = queryset.filter(at__gte=since)
        if until is not None:
            queryset = queryset.filter(at__lt=until)
        count += queryset.count()
        rows.extend((kind, row) for row in queryset.order_by("-at", "-pk")[: offset + limit])
    rows.sort(key=lambda pair: pair[1].at, reverse=True)
    items = [_timeline_item(kind, row, access) for kind, row in rows[offset : offset + limit]]
    balance = None
    if access.amounts:
        balance = Invoice.objects.filter(
            patient_id=patient.pk,
            status__in=[Invoice.Status.SENT, Invoice.Status.PARTIALLY_PAID, Invoice.Status.OVERDUE],
        ).aggregate(total=Coalesce(Sum("balance_due"), Decimal(0)))["total"]
    return TimelinePage(items=items, count=count, balance_due=balance, currency=patient.clinic.currency)


def patient_ids_with_visits_since(*, since: dt.datetime) -> QuerySet[Visit, UUID]:
    """The ids of the current clinic's patients with a visit (walk-ins included) opened
    at or after ``since`` (aware), other than a cancelled one: a subquery, not evaluated."""
    return (
        Visit.objects.filter(opened_at__gte=since)
        .exclude(status=Visit.Status.CANCELLED)
        .values_list("patient_id", flat=True)
    )
