"""Consent forms: publish a template, record the patient's signature."""

from __future__ import annotations

import base64
import binascii
import hashlib
import io

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from accounts.models import Clinic, User
from catalog.models import Service
from core.context import audit_context_get
from core.exceptions import ValidationFailed
from core.services import model_save
from emr import selectors
from emr.models import ConsentFormSignature, ConsentFormTemplate
from emr.services._shared import _audit
from patients.models import ClinicPatient

SIGNATURE_PNG_MAX_BYTES = 200 * 1024


@transaction.atomic
def consent_template_publish(
    *, clinic: Clinic, actor: User, service: Service, locale: str, title: str, body: str
) -> ConsentFormTemplate:
    """Publish the next version (1, 2, …) of ``service``'s consent form in ``locale``.
    Earlier signatures of the language stop counting for new sessions."""
    Service.objects.select_for_update().filter(pk=service.pk).first()
    last = (
        ConsentFormTemplate.objects.filter(service=service, locale=locale).aggregate(last=Max("version"))[
            "last"
        ]
        or 0
    )
    template = ConsentFormTemplate(
        clinic=clinic,
        service=service,
        locale=locale,
        version=last + 1,
        title=title.strip(),
        body=body,
        published_by=actor,
    )
    model_save(template)
    _audit(clinic=clinic, actor=actor, action="consent_form.published", obj=template)
    return template


def consent_text_digest(template: ConsentFormTemplate) -> str:
    """SHA-256 (hex) of the wording signed: title, a blank line, body (UTF-8)."""
    return hashlib.sha256(f"{template.title}\n\n{template.body}".encode()).hexdigest()


def _signature_png(data_b64: str) -> bytes:
    if not data_b64.removeprefix("data:image/png;base64,").strip():
        raise ValidationFailed(errors={"signature_png": [_("Draw the signature.")]})
    try:
        raw = base64.b64decode(data_b64.removeprefix("data:image/png;base64,"), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValidationFailed(errors={"signature_png": [_("Send the PNG as base64.")]}) from exc
    if len(raw) > SIGNATURE_PNG_MAX_BYTES:
        raise ValidationFailed(errors={"signature_png": [_("The image is larger than 200 KB.")]})
    try:
        with Image.open(io.BytesIO(raw)) as image:
            image.verify()
            if image.format != "PNG":
                raise ValidationFailed(errors={"signature_png": [_("Not a PNG image.")]})
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationFailed(errors={"signature_png": [_("Not a PNG image.")]}) from exc
    return raw


@transaction.atomic
def consent_form_sign(
    *,
    clinic: Clinic,
    actor: User | None,
    patient: ClinicPatient,
    template: ConsentFormTemplate,
    method: str,
    signature_png: str = "",
    typed_name: str = "",
    channel: str = ConsentFormSignature.Channel.CLINIC,
) -> ConsentFormSignature:
    """Record the patient's signature of ``template`` (the newest version of its
    language): a drawn signature (``signature_png``: base64 PNG, ≤ 200 KB) or a typed
    name, stamped with the instant, the client address and user agent of the audit
    context (``core.context``) and the SHA-256 of the wording.

    ``channel`` ``clinic``: signed on a clinic device, ``actor`` the staff member who
    recorded it. ``portal``: signed by the patient on the patient portal, ``actor``
    ``None`` (no staff member was involved; the audit event has no actor). Raises
    ``ValidationFailed`` naming the field (``template_id``: not the newest version;
    ``signature_png``/``typed_name``: empty or malformed; ``method``)."""
    if method not in ConsentFormSignature.Method.values:
        raise ValidationFailed(errors={"method": [_("Draw the signature or type the full name.")]})
    if channel == ConsentFormSignature.Channel.CLINIC and actor is None:
        raise ValueError("A signature taken at the clinic names the staff member who recorded it.")
    newest = selectors.consent_template_newest(service=template.service, locale=template.locale)
    if newest is None or newest.pk != template.pk:
        raise ValidationFailed(errors={"template_id": [_("A newer version of this form exists; sign that.")]})
    png = b""
    if method == ConsentFormSignature.Method.DRAWN:
        png = _signature_png(signature_png)
    elif not typed_name.strip():
        raise ValidationFailed(errors={"typed_name": [_("Type the patient's full name.")]})
    origin = audit_context_get()
    signature = ConsentFormSignature(
        clinic=clinic,
        patient=patient,
        template=template,
        method=method,
        signature_png=png,
        typed_name=typed_name.strip(),
        text_sha256=consent_text_digest(template),
        signed_at=timezone.now(),
        ip=origin.ip,
        user_agent=origin.user_agent[:256],
        channel=channel,
        recorded_by=actor if channel == ConsentFormSignature.Channel.CLINIC else None,
    )
    model_save(signature)
    _audit(
        clinic=clinic,
        actor=signature.recorded_by,
        action="consent_form.signed",
        obj=signature,
        changes={"channel": [None, channel]},
    )
    return signature
