# ruff: noqa: E501  (consent wording is data: one sentence per line reads best)
"""Demo consent texts (one per purpose, in each clinic's language) and patient decisions
in believable states: everyone consented to treatment, most to clinical photographs,
about half to marketing messages, some of whom later withdrew."""

from __future__ import annotations

import random
from collections.abc import Iterable

from accounts.models import Clinic, User
from core.tenancy import clinic_context
from patients.models import ClinicPatient, Consent, ConsentPurpose, ConsentText
from patients.services import consent_record, consent_text_publish

P = ConsentPurpose

# fmt: off
TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    "th": {
        P.TREATMENT: ("ความยินยอมรับการรักษา", "ข้าพเจ้าได้รับคำอธิบายเกี่ยวกับการรักษา ความเสี่ยง และทางเลือกอื่นแล้ว และยินยอมรับการรักษา"),
        P.CLINICAL_PHOTOS: ("ความยินยอมถ่ายภาพทางคลินิก", "ข้าพเจ้ายินยอมให้ถ่ายภาพก่อนและหลังการรักษาเพื่อบันทึกในเวชระเบียนเท่านั้น"),
        P.MARKETING_PHOTOS: ("ความยินยอมใช้ภาพเพื่อการตลาด", "ข้าพเจ้ายินยอมให้คลินิกใช้ภาพก่อนและหลังการรักษาโดยปิดบังใบหน้าในสื่อประชาสัมพันธ์"),
        P.MARKETING_MESSAGES: ("ความยินยอมรับข่าวสาร", "ข้าพเจ้ายินยอมรับข่าวสารและโปรโมชันทาง SMS และ LINE และสามารถยกเลิกได้ทุกเมื่อ"),
        P.DATA_SHARING: ("ความยินยอมเปิดเผยข้อมูล", "ข้าพเจ้ายินยอมให้เปิดเผยประวัติการรักษาแก่สาขาอื่นในเครือเพื่อการรักษาต่อเนื่อง"),
    },
    "pt-br": {
        P.TREATMENT: ("Consentimento para tratamento", "Recebi explicações sobre o procedimento, seus riscos e alternativas, e autorizo sua realização."),
        P.CLINICAL_PHOTOS: ("Fotografias clínicas", "Autorizo fotografias antes e depois do tratamento, apenas para o prontuário."),
        P.MARKETING_PHOTOS: ("Uso de imagem em divulgação", "Autorizo o uso de fotografias antes e depois, sem identificação do rosto, em materiais da clínica."),
        P.MARKETING_MESSAGES: ("Comunicações de marketing", "Aceito receber novidades e promoções por SMS e WhatsApp e posso cancelar a qualquer momento."),
        P.DATA_SHARING: ("Compartilhamento de dados", "Autorizo o compartilhamento do meu histórico com outras unidades do grupo para continuidade do cuidado."),
    },
    "ar": {
        P.TREATMENT: ("الموافقة على العلاج", "تم شرح الإجراء ومخاطره والبدائل لي، وأوافق على إجرائه."),
        P.CLINICAL_PHOTOS: ("الموافقة على التصوير السريري", "أوافق على التقاط صور قبل العلاج وبعده لحفظها في الملف الطبي فقط."),
        P.MARKETING_PHOTOS: ("استخدام الصور في التسويق", "أوافق على استخدام صور قبل وبعد العلاج دون إظهار الوجه في مواد العيادة."),
        P.MARKETING_MESSAGES: ("الرسائل التسويقية", "أوافق على تلقي العروض عبر الرسائل النصية وواتساب، ويمكنني إلغاء ذلك في أي وقت."),
        P.DATA_SHARING: ("مشاركة البيانات", "أوافق على مشاركة سجلي العلاجي مع فروع المجموعة الأخرى لاستمرارية الرعاية."),
    },
}
# fmt: on


def consent_texts_publish(clinic: Clinic, actor: User, locale: str) -> dict[str, ConsentText]:
    """Version 1 of every purpose's text in ``locale`` (one of ``TEXTS``)."""
    with clinic_context(clinic):
        return {
            purpose: consent_text_publish(
                clinic=clinic, actor=actor, purpose=purpose, locale=locale, title=title, body=body
            )
            for purpose, (title, body) in TEXTS[locale].items()
        }


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
