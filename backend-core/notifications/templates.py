"""Message templates: every text the system sends to a person, in every language it speaks.

A template is a key (``appointment.reminder``) with one :class:`Text` per language
(``en``, ``pt-br``, ``th``, ``ar``). Placeholders are ``{name}`` fields filled from the
notification's payload; only the template string is parsed, so payload values (a
patient's name) are inserted verbatim (in Arabic each inside Unicode isolates, so Latin
names, amounts and phone numbers keep their order). Texts are short because SMS is
billed per segment (70 characters per segment once a message holds Thai or Arabic).
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from core.dates import is_rtl, isolate

DEFAULT_LANGUAGE = "en"


class TemplateError(ValueError):
    """The template key is unknown or the payload lacks a value the text needs."""


@dataclass(frozen=True)
class Text:
    subject: str  # e-mail subject; SMS and WhatsApp send the body only
    body: str


@dataclass(frozen=True)
class Rendered:
    language: str
    subject: str
    body: str


TEMPLATES: dict[str, dict[str, Text]] = {
    # payload: patient_name, clinic_name, service_name, starts_at_local, clinic_phone
    "appointment.reminder": {
        "en": Text(
            subject="Appointment reminder: {clinic_name}",
            body=(
                "Hi {patient_name}, a reminder of your {service_name} appointment at {clinic_name} "
                "on {starts_at_local}. To change it, call {clinic_phone}."
            ),
        ),
        "pt-br": Text(
            subject="Lembrete de agendamento: {clinic_name}",
            body=(
                "Olá, {patient_name}! Lembrete do seu agendamento: {service_name} em {starts_at_local}, "
                "{clinic_name}. Para remarcar, ligue para {clinic_phone}."
            ),
        ),
        "th": Text(
            subject="แจ้งเตือนนัดหมาย {clinic_name}",
            body=(
                "คุณ{patient_name} ขอเตือนนัดหมาย {service_name} ที่ {clinic_name} "
                "วันที่ {starts_at_local} หากต้องการเลื่อนนัด กรุณาโทร {clinic_phone}"
            ),
        ),
        "ar": Text(
            subject="تذكير بموعد: {clinic_name}",
            body=(
                "مرحبًا {patient_name}، نذكّركم بموعد {service_name} في {clinic_name} "
                "يوم {starts_at_local}. لتغيير الموعد يُرجى الاتصال على {clinic_phone}."
            ),
        ),
    },
    # payload: clinic_name, invoice_number, amount (the total received, formatted with
    # currency), payments (each method and amount of that checkout or collection, in the
    # message's language: "Cash ฿500.00, Card ฿300.00"), balance_due
    "payment.receipt": {
        "en": Text(
            subject="Receipt {invoice_number}: {clinic_name}",
            body=(
                "{clinic_name}: we received {amount} ({payments}) for invoice "
                "{invoice_number}. Balance due: {balance_due}."
            ),
        ),
        "pt-br": Text(
            subject="Recibo {invoice_number}: {clinic_name}",
            body=(
                "{clinic_name}: recebemos {amount} ({payments}) referente à fatura {invoice_number}. "
                "Saldo: {balance_due}."
            ),
        ),
        "th": Text(
            subject="ใบเสร็จ {invoice_number} {clinic_name}",
            body=(
                "{clinic_name} ได้รับชำระ {amount} ({payments}) สำหรับใบแจ้งหนี้ {invoice_number} "
                "ยอดคงค้าง {balance_due}"
            ),
        ),
        "ar": Text(
            subject="إيصال {invoice_number}: {clinic_name}",
            body=(
                "{clinic_name}: استلمنا {amount} ({payments}) عن الفاتورة {invoice_number}. "
                "المبلغ المتبقي: {balance_due}."
            ),
        ),
    },
    # payload: clinic_name, invoice_number, total, balance_due (formatted with currency).
    # By e-mail, with the invoice's PDF attached (commerce registers the attachment).
    "invoice.document": {
        "en": Text(
            subject="Invoice {invoice_number}: {clinic_name}",
            body=(
                "{clinic_name}: your invoice {invoice_number} for {total} is attached. "
                "Balance due: {balance_due}."
            ),
        ),
        "pt-br": Text(
            subject="Fatura {invoice_number}: {clinic_name}",
            body=(
                "{clinic_name}: segue em anexo a sua fatura {invoice_number} no valor de {total}. "
                "Saldo: {balance_due}."
            ),
        ),
        "th": Text(
            subject="ใบแจ้งหนี้ {invoice_number} {clinic_name}",
            body="{clinic_name} แนบใบแจ้งหนี้ {invoice_number} ยอด {total} ยอดคงค้าง {balance_due}",
        ),
        "ar": Text(
            subject="فاتورة {invoice_number}: {clinic_name}",
            body="{clinic_name}: مرفق فاتورتك {invoice_number} بمبلغ {total}. المبلغ المتبقي: {balance_due}.",
        ),
    },
    # payload: clinic_name, invoice_number, total, url (a link to the PDF that works
    # without signing in), hours (how long the link works). By SMS or WhatsApp.
    "invoice.link": {
        "en": Text(
            subject="Invoice {invoice_number}: {clinic_name}",
            body="{clinic_name}: invoice {invoice_number}, {total}: {url} (link valid {hours} h)",
        ),
        "pt-br": Text(
            subject="Fatura {invoice_number}: {clinic_name}",
            body="{clinic_name}: fatura {invoice_number}, {total}: {url} (link válido por {hours} h)",
        ),
        "th": Text(
            subject="ใบแจ้งหนี้ {invoice_number} {clinic_name}",
            body="{clinic_name} ใบแจ้งหนี้ {invoice_number} ยอด {total}: {url} (ลิงก์ใช้ได้ {hours} ชม.)",
        ),
        "ar": Text(
            subject="فاتورة {invoice_number}: {clinic_name}",
            body="{clinic_name}: الفاتورة {invoice_number} بمبلغ {total}: {url} (الرابط صالح {hours} ساعة)",
        ),
    },
    # payload: code, minutes. Names no clinic: the phone may belong to someone other
    # than the person at the front desk, who must not learn where they are treated.
    "patient.identity_link_code": {
        "en": Text(
            subject="Your code to link your patient record",
            body=(
                "{code} is your code to link your patient record with the clinic you are visiting now. "
                "Valid {minutes} min. Did not ask? Ignore this message."
            ),
        ),
        "pt-br": Text(
            subject="Seu código para vincular seu cadastro de paciente",
            body=(
                "{code} é o seu código para vincular seu cadastro à clínica em que você está agora. "
                "Válido por {minutes} min. Não pediu? Ignore esta mensagem."
            ),
        ),
        "th": Text(
            subject="รหัสเชื่อมโยงประวัติผู้ป่วยของคุณ",
            body=("{code} คือรหัสเชื่อมโยงประวัติผู้ป่วยของคุณกับคลินิกที่คุณอยู่ขณะนี้ ใช้ได้ {minutes} นาที หากไม่ได้ขอ โปรดเพิกเฉย"),
        ),
        "ar": Text(
            subject="رمز ربط سجلك الطبي",
            body=(
                "{code} هو رمز ربط سجلك الطبي بالعيادة التي تزورها الآن. "
                "صالح لمدة {minutes} دقيقة. إن لم تطلبه فتجاهل هذه الرسالة."
            ),
        ),
    },
    # payload: clinic, role, url
    "invite.sent": {
        "en": Text(
            subject="{clinic} invites you to AesthetixOS",
            body="{clinic} invites you to join AesthetixOS as {role}: {url}",
        ),
        "pt-br": Text(
            subject="{clinic} convida você para o AesthetixOS",
            body="{clinic} convida você para entrar no AesthetixOS como {role}: {url}",
        ),
        "th": Text(
            subject="{clinic} เชิญคุณเข้าร่วม AesthetixOS",
            body="{clinic} เชิญคุณเข้าร่วม AesthetixOS ในตำแหน่ง {role}: {url}",
        ),
        "ar": Text(
            subject="دعوة للانضمام إلى AesthetixOS من {clinic}",
            body="تدعوك {clinic} للانضمام إلى AesthetixOS بصفة {role}: {url}",
        ),
    },
    # payload: code, minutes
    "portal.phone_code": {
        "en": Text(
            subject="Your AesthetixOS verification code",
            body="AesthetixOS: your code to verify your mobile number is {code}. It expires in "
            "{minutes} minutes. If you did not sign up, ignore this message.",
        ),
        "pt-br": Text(
            subject="Seu código de verificação do AesthetixOS",
            body="AesthetixOS: seu código para verificar o celular é {code}. Ele expira em "
            "{minutes} minutos. Se você não se cadastrou, ignore esta mensagem.",
        ),
        "th": Text(
            subject="รหัสยืนยัน AesthetixOS",
            body="AesthetixOS: รหัสยืนยันเบอร์มือถือของคุณคือ {code} หมดอายุใน {minutes} นาที "
            "หากคุณไม่ได้สมัคร โปรดเพิกเฉยข้อความนี้",
        ),
        "ar": Text(
            subject="رمز التحقق في AesthetixOS",
            body="AesthetixOS: رمز التحقق من رقم جوالك هو {code}. تنتهي صلاحيته خلال {minutes} "
            "دقيقة. إذا لم تسجّل فتجاهل هذه الرسالة.",
        ),
    },
    # payload: none. Someone signed up with the phone or national ID of this account.
    "portal.signup_existing": {
        "en": Text(
            subject="Someone tried to sign up with your details",
            body="AesthetixOS: someone tried to create a patient account with your mobile number or "
            "national ID. If it was you, sign in or reset your password. If not, ignore this message.",
        ),
        "pt-br": Text(
            subject="Alguém tentou se cadastrar com seus dados",
            body="AesthetixOS: alguém tentou criar uma conta de paciente com seu celular ou documento. "
            "Se foi você, entre ou redefina sua senha. Se não foi, ignore esta mensagem.",
        ),
        "th": Text(
            subject="มีผู้พยายามสมัครด้วยข้อมูลของคุณ",
            body="AesthetixOS: มีผู้พยายามสร้างบัญชีผู้ป่วยด้วยเบอร์มือถือหรือเลขประจำตัวของคุณ "
            "หากเป็นคุณ โปรดเข้าสู่ระบบหรือรีเซ็ตรหัสผ่าน หากไม่ใช่ โปรดเพิกเฉยข้อความนี้",
        ),
        "ar": Text(
            subject="حاول أحدهم التسجيل ببياناتك",
            body="AesthetixOS: حاول أحدهم إنشاء حساب مريض برقم جوالك أو رقم هويتك. إذا كنت أنت "
            "فسجّل الدخول أو أعد تعيين كلمة المرور، وإلا فتجاهل هذه الرسالة.",
        ),
    },
    # payload: code, minutes
    "password_reset.code": {
        "en": Text(
            subject="Your AesthetixOS password reset code",
            body="AesthetixOS: your password reset code is {code}. It expires in {minutes} minutes. "
            "If you did not ask for it, ignore this message.",
        ),
        "pt-br": Text(
            subject="Seu código para redefinir a senha do AesthetixOS",
            body="AesthetixOS: seu código para redefinir a senha é {code}. Ele expira em {minutes} "
            "minutos. Se você não pediu, ignore esta mensagem.",
        ),
        "th": Text(
            subject="รหัสรีเซ็ตรหัสผ่าน AesthetixOS",
            body="AesthetixOS: รหัสรีเซ็ตรหัสผ่านของคุณคือ {code} หมดอายุใน {minutes} นาที "
            "หากคุณไม่ได้ขอ โปรดเพิกเฉยข้อความนี้",
        ),
        "ar": Text(
            subject="رمز إعادة تعيين كلمة المرور في AesthetixOS",
            body="AesthetixOS: رمز إعادة تعيين كلمة المرور هو {code}. تنتهي صلاحيته خلال {minutes} "
            "دقيقة. إذا لم تطلبه فتجاهل هذه الرسالة.",
        ),
    },
}


def normalize_language(language: str) -> str:
    """``pt-BR``, ``pt_BR`` and ``pt-br`` are the same language: ``pt-br``."""
    return language.strip().replace("_", "-").lower()


def _fields(text: str) -> set[str]:
    return {name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name}


def _pick(texts: Mapping[str, Text], languages: Iterable[str]) -> str:
    for wanted in filter(None, map(normalize_language, languages)):
        if wanted in texts:
            return wanted
        # Same language, other region ("pt-pt" or "pt" → the "pt-br" text).
        base = wanted.split("-")[0]
        for language in texts:
            if language.split("-")[0] == base:
                return language
    return DEFAULT_LANGUAGE


def language_pick(key: str, languages: Iterable[str]) -> str:
    """The language template ``key`` is sent in for a recipient who reads ``languages``
    (first match, same language of another region, then English). Raises
    :class:`TemplateError` for an unknown key."""
    texts = TEMPLATES.get(key)
    if texts is None:
        raise TemplateError(f"unknown template {key!r}")
    return _pick(texts, languages)


def render(
    key: str,
    *,
    languages: Iterable[str],
    payload: Mapping[str, Any],
    wording: Callable[[str], Text | None] | None = None,
) -> Rendered:
    """Render template ``key`` in the first of ``languages`` it has (callers pass the
    patient's, then the clinic's), falling back to English. Dates and times in the
    payload come formatted by ``core.dates``. ``wording(language)`` may return a clinic's
    own text for the chosen language (see :data:`CUSTOMIZABLE`), used instead of ours.

    Raises :class:`TemplateError` for an unknown key or a payload missing a placeholder.
    """
    language = language_pick(key, languages)
    text = (wording(language) if wording else None) or TEMPLATES[key][language]
    missing = (_fields(text.subject) | _fields(text.body)) - set(payload)
    if missing:
        raise TemplateError(f"template {key!r} needs {', '.join(sorted(missing))}")
    # In a right-to-left text every value is an isolate, so a Latin name, an amount or
    # a phone number ("+66 2 123 4567") keeps its own order and never drags the words
    # around it along.
    rtl = is_rtl(language)
    values = {name: isolate(str(value)) if rtl else str(value) for name, value in payload.items()}
    return Rendered(language=language, subject=text.subject.format(**values), body=text.body.format(**values))


# The messages a clinic may word itself, with the channels each goes by and the
# placeholders its text must keep (a link without its URL is no link). The rest
# (sign-in codes, invites, identity links) carry secrets or speak for the platform: their
# wording is ours alone.
@dataclass(frozen=True)
class Customizable:
    channels: tuple[str, ...]
    required: frozenset[str] = frozenset()


CUSTOMIZABLE: dict[str, Customizable] = {
    "appointment.reminder": Customizable(channels=("sms", "whatsapp", "email")),
    "payment.receipt": Customizable(channels=("sms", "whatsapp", "email")),
    "invoice.document": Customizable(channels=("email",)),
    "invoice.link": Customizable(channels=("sms", "whatsapp"), required=frozenset({"url"})),
}


def placeholders(key: str) -> list[str]:
    """The ``{name}`` fields template ``key`` fills, sorted (those of any of its languages)."""
    return sorted(set().union(*(_fields(t.subject) | _fields(t.body) for t in TEMPLATES[key].values())))


def wording_errors(key: str, *, subject: str, body: str) -> dict[str, list[str]]:
    """What is wrong with a clinic's wording of ``key``, by field (``subject``,
    ``body``): braces that do not pair (``{{`` and ``}}`` write a literal brace), a
    ``{name}`` the template does not fill (only plain names: no ``{name.attr}``,
    ``{name[0]}``, ``{name!r}`` or ``{name:>9}``, which could reach past the value), or a
    required placeholder left out of the body. Empty when the wording can be sent."""
    allowed = set(placeholders(key))
    errors: dict[str, list[str]] = {}
    for field, text in (("subject", subject), ("body", body)):
        try:
            parts = list(string.Formatter().parse(text))
        except ValueError:
            errors[field] = [str(_("Braces do not pair: write {{ and }} for a brace of the text itself."))]
            continue
        for _literal, name, spec, conversion in parts:
            if name is None:
                continue
            if spec or conversion or name not in allowed:
                errors.setdefault(field, []).append(
                    str(_("{placeholder} is not one of this message's placeholders: {names}.")).format(
                        placeholder="{" + name + "}", names=", ".join("{" + n + "}" for n in sorted(allowed))
                    )
                )
    missing = CUSTOMIZABLE[key].required - _fields_safe(body)
    if missing and "body" not in errors:
        errors["body"] = [
            str(_("The text must keep {names}.")).format(
                names=", ".join("{" + n + "}" for n in sorted(missing))
            )
        ]
    return errors


def _fields_safe(text: str) -> set[str]:
    try:
        return _fields(text)
    except ValueError:
        return set()
