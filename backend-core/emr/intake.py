"""The medical history's shape and what it means for a treatment: the contraindication
alerts.

``MedicalIntake.history`` is a dict of this shape (``INTAKE_SHAPE``; the API's
``IntakeSerializer`` checks it)::

    {
      "allergies":   [{"substance": str, "severity": Severity, "notes": str}],
      "medications": [{"name": str, "kind": MedicationKind, "notes": str}],
      "conditions":  [{"name": str, "kind": ConditionKind, "severity": Severity, "notes": str}],
      "pregnancy": Answer, "breast_feeding": Answer,
      "previous_procedures": [{"procedure": str, "when": str, "complications": str}],
      "photo_sharing": PhotoSharing,
      "notes": str
    }

A treatment lists contraindication codes (``catalog.models.Contraindication``);
``intake_alerts`` says which of them the history matches, and why. Allergies are matched
by substance name (``ALLERGENS``: the names, brands and translations under which the
substance is written down, compared without case or accents), so an allergy typed as
"Xylocaine" matches a treatment that lists ``allergy_lidocaine``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from catalog.models import Contraindication


class Severity(models.TextChoices):
    MILD = "mild", _("Mild")
    MODERATE = "moderate", _("Moderate")
    SEVERE = "severe", _("Severe (anaphylaxis)")
    UNKNOWN = "unknown", _("Unknown")


class Answer(models.TextChoices):
    NO = "no", _("No")
    YES = "yes", _("Yes")
    UNKNOWN = "unknown", _("Not asked / unknown")


class MedicationKind(models.TextChoices):
    ANTICOAGULANT = "anticoagulant", _("Anticoagulant or antiplatelet")
    ISOTRETINOIN = "isotretinoin", _("Isotretinoin")
    IMMUNOSUPPRESSANT = "immunosuppressant", _("Immunosuppressant")
    OTHER = "other", _("Other")


class ConditionKind(models.TextChoices):
    KELOID_HISTORY = "keloid_history", _("Keloid or hypertrophic scars")
    ACTIVE_INFECTION = "active_infection", _("Active skin infection")
    AUTOIMMUNE_DISEASE = "autoimmune_disease", _("Autoimmune disease")
    NEUROMUSCULAR_DISORDER = "neuromuscular_disorder", _("Neuromuscular disorder")
    OTHER = "other", _("Other")


class PhotoSharing(models.TextChoices):
    """What the patient prefers for their photographs. The legal basis for marketing use
    is the ``marketing_photos`` consent (``patients.Consent``); this is the preference the
    clinician asks about at intake."""

    NONE = "none", _("No photographs")
    CLINICAL_ONLY = "clinical_only", _("Clinical record only")
    ANONYMIZED = "anonymized", _("Anonymized use (eyes covered)")
    MARKETING = "marketing", _("May be shown in marketing")


INTAKE_SHAPE: dict[str, Any] = {
    "allergies": [],
    "medications": [],
    "conditions": [],
    "pregnancy": Answer.UNKNOWN,
    "breast_feeding": Answer.UNKNOWN,
    "previous_procedures": [],
    "photo_sharing": PhotoSharing.CLINICAL_ONLY,
    "notes": "",
}

# Substance names, brands and translations (en, pt-BR, th, ar) per allergy code, compared
# after ``_fold``: contained in the recorded substance.
ALLERGENS: Mapping[str, tuple[str, ...]] = {
    Contraindication.ALLERGY_LIDOCAINE: (
        "lidocaine",
        "lignocaine",
        "xylocaine",
        "lidocaina",
        "ลิโดเคน",
        "ليدوكائين",
        "زيلوكائين",
    ),
    Contraindication.ALLERGY_HYALURONIDASE: (
        "hyaluronidase",
        "hialuronidase",
        "hylenex",
        "hyalase",
        "هيالورونيداز",
    ),
    Contraindication.ALLERGY_HYALURONIC_ACID: (
        "hyaluronic acid",
        "acido hialuronico",
        "hyaluronan",
        "ไฮยาลูรอน",
        "هيالورونيك",
    ),
    Contraindication.ALLERGY_BOTULINUM_TOXIN: (
        "botulinum",
        "botulinica",
        "botox",
        "dysport",
        "xeomin",
        "โบทูลินัม",
        "بوتوكس",
        "بوتولينوم",
    ),
    Contraindication.ALLERGY_ALBUMIN: ("albumin", "albumina", "ألبومين"),
}

_MEDICATION_CODES: Mapping[str, str] = {
    MedicationKind.ANTICOAGULANT: Contraindication.ANTICOAGULANTS,
    MedicationKind.ISOTRETINOIN: Contraindication.ISOTRETINOIN,
}
_CONDITION_CODES: Mapping[str, str] = {
    ConditionKind.KELOID_HISTORY: Contraindication.KELOID_HISTORY,
    ConditionKind.ACTIVE_INFECTION: Contraindication.ACTIVE_INFECTION,
    ConditionKind.AUTOIMMUNE_DISEASE: Contraindication.AUTOIMMUNE_DISEASE,
    ConditionKind.NEUROMUSCULAR_DISORDER: Contraindication.NEUROMUSCULAR_DISORDER,
}


@dataclass(frozen=True)
class Alert:
    """One contraindication of a treatment that the history matches: ``code`` (a
    ``Contraindication``), ``found_in`` (``pregnancy``, ``breast_feeding``, ``allergy``,
    ``medication`` or ``condition``) and ``detail`` (what the history says: the
    substance, medication or condition as written, with the severity when given, in
    the active language)."""

    code: str
    found_in: str
    detail: str

    @property
    def name(self) -> str:
        return str(Contraindication(self.code).label)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _with_severity(name: str, severity: str) -> str:
    """``name`` and the severity's label, in the active language (the reader's)."""
    if severity not in Severity.values or severity == Severity.UNKNOWN:
        return name
    return f"{name} — {Severity(severity).label}"


def allergy_codes(substance: str) -> list[str]:
    """The allergy contraindication codes a recorded substance name stands for."""
    folded = _fold(substance)
    return [code for code, names in ALLERGENS.items() if any(_fold(name) in folded for name in names)]


def intake_findings(history: Mapping[str, Any]) -> list[Alert]:
    """Every contraindication code the history supports, with its source: what a
    treatment's list is matched against. Pregnancy or breast-feeding answered ``yes``,
    an allergy whose substance names a listed allergen, a medication or condition of a
    kind that maps to a code."""
    found: list[Alert] = []
    if history.get("pregnancy") == Answer.YES:
        found.append(Alert(Contraindication.PREGNANCY, "pregnancy", str(Answer.YES.label)))
    if history.get("breast_feeding") == Answer.YES:
        found.append(Alert(Contraindication.BREAST_FEEDING, "breast_feeding", str(Answer.YES.label)))
    for allergy in history.get("allergies", []):
        detail = _with_severity(allergy["substance"], allergy.get("severity", ""))
        found.extend(Alert(code, "allergy", detail) for code in allergy_codes(allergy["substance"]))
    for medication in history.get("medications", []):
        code = _MEDICATION_CODES.get(medication.get("kind", ""))
        if code:
            found.append(Alert(code, "medication", medication["name"]))
    for condition in history.get("conditions", []):
        code = _CONDITION_CODES.get(condition.get("kind", ""))
        if code:
            found.append(
                Alert(code, "condition", _with_severity(condition["name"], condition.get("severity", "")))
            )
    return found


def intake_alerts(history: Mapping[str, Any] | None, contraindications: Iterable[str]) -> list[Alert]:
    """The findings of ``history`` (``None``: no history taken, no alerts) whose code
    the treatment lists, in the treatment's order of codes."""
    if not history:
        return []
    findings = intake_findings(history)
    return [finding for code in contraindications for finding in findings if finding.code == code]
