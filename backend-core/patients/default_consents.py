# ruff: noqa: E501  (consent wording is data: one sentence per line reads best)
"""The consent wording a clinic starts with: one text per purpose (treatment, clinical
photographs, marketing use of photographs, marketing messages, data sharing) in English,
Thai, Brazilian Portuguese and Arabic: the free, informed and unambiguous consent for a
stated purpose that LGPD (Art. 5 XII, Art. 8) and PDPA (s.19) ask for, in plain words. A clinic publishes its own wording as
new versions (``patients.services.consent_text_publish``); these are version 1."""

from __future__ import annotations

from patients.models import ConsentPurpose

P = ConsentPurpose

# fmt: off
DEFAULT_TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    "en": {
        P.TREATMENT: ("Consent to treatment", "The procedure, its risks and its alternatives were explained to me, and I agree to it."),
        P.CLINICAL_PHOTOS: ("Clinical photographs", "I agree to photographs before and after treatment, kept in my clinical record only."),
        P.MARKETING_PHOTOS: ("Photographs in marketing", "I agree that the clinic may use before-and-after photographs, without my face, in its materials."),
        P.MARKETING_MESSAGES: ("Marketing messages", "I agree to receive news and offers by SMS and messaging apps, and may stop them at any time."),
        P.DATA_SHARING: ("Data sharing", "I agree that my treatment history may be shared with the group's other clinics for continuity of care."),
    },
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


def default_texts_for(language: str) -> tuple[str, dict[str, tuple[str, str]]]:
    """``(locale, {purpose: (title, body)})`` of the default wording in ``language`` (a
    BCP 47 tag, any case), or in English when there is none in it."""
    locale = language.lower()
    if locale not in DEFAULT_TEXTS:
        locale = locale.split("-")[0] if locale.split("-")[0] in DEFAULT_TEXTS else "en"
    return locale, DEFAULT_TEXTS[locale]
