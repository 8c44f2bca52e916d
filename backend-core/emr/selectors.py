"""Reads of the clinical record, through the clinic-scoped managers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery

from commerce.models import Service
from emr.models import (
    ClinicalNote,
    ConsentFormSignature,
    ConsentFormTemplate,
    FaceChart,
    Photo,
    PhotoAngle,
    PhotoKind,
    PlannedSession,
    SessionProduct,
    TreatmentPlan,
    TreatmentSession,
    Visit,
)


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


def consent_template_list(*, service_id: Any = None) -> QuerySet[ConsentFormTemplate]:
    templates = ConsentFormTemplate.objects.select_related("service")
    if service_id is not None:
        templates = templates.filter(service_id=service_id)
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
