"""The demo patients' consent decisions, against the texts each clinic was opened with, in
believable states: everyone consented to treatment, most to clinical photographs,
about half to marketing messages, some of whom later withdrew."""

from __future__ import annotations

import random
from collections.abc import Iterable

from accounts.models import Clinic, User
from core.tenancy import clinic_context
from patients.models import ClinicPatient, Consent, ConsentPurpose, ConsentText
from patients.selectors import consent_texts_current
from patients.services import consent_record

P = ConsentPurpose


def consent_texts_current_of(clinic: Clinic, locale: str) -> dict[str, ConsentText]:
    """The clinic's current text of each purpose in ``locale``: the default wording it
    was opened with (``patients.default_consents``)."""
    with clinic_context(clinic):
        return {text.purpose: text for text in consent_texts_current(locale=locale)}


def consents_record(
    clinic: Clinic, actor: User, patients: Iterable[ClinicPatient], texts: dict[str, ConsentText]
) -> int:
    """Deterministic decisions per patient (seeded by chart number); returns how many."""
    count = 0
    granted, withdrawn = Consent.Decision.GRANTED, Consent.Decision.WITHDRAWN
    with clinic_context(clinic):
        for patient in patients:
            rng = random.Random(f"{clinic.slug}:{patient.chart_number}")  # noqa: S311 - demo data
            decisions = [(P.TREATMENT, granted)]
            if rng.random() < 0.75:
                decisions.append((P.CLINICAL_PHOTOS, granted))
            if rng.random() < 0.25:
                decisions.append((P.MARKETING_PHOTOS, granted))
            if rng.random() < 0.55:
                decisions.append((P.MARKETING_MESSAGES, granted))
                if rng.random() < 0.3:
                    decisions.append((P.MARKETING_MESSAGES, withdrawn))
            for purpose, decision in decisions:
                consent_record(
                    clinic=clinic,
                    actor=actor,
                    patient=patient,
                    purpose=purpose,
                    decision=decision,
                    channel=Consent.Channel.PAPER if decision == granted else Consent.Channel.PHONE,
                    evidence=f"Form {patient.chart_number}-{purpose}" if decision == granted else "",
                    text=texts[purpose] if decision == granted else None,
                )
                count += 1
    return count
