"""The patient signs a treatment's consent form on the portal before the visit.

One write, through the clinical record's one signing service
(``emr.services.consent_form_sign``, channel ``portal``, no staff actor): the clinic's
chart lists the signature as signed on the portal, the audit trail has
``consent_form.signed``, and the clinician's "start session" no longer asks for it."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from core.exceptions import ValidationFailed
from core.tenancy import clinic_context
from emr.models import ConsentFormSignature, ConsentFormTemplate
from emr.services import consent_form_sign
from portal.models import PortalAccount
from portal.selectors import portal_appointment_get, uuid_or_none
from portal.selectors_forms import SIGNABLE_STATUSES


@transaction.atomic
def portal_consent_form_sign(
    *,
    account: PortalAccount,
    appointment_id: object,
    template_id: object,
    method: str,
    signature_png: str = "",
    typed_name: str = "",
) -> ConsentFormSignature:
    """Sign ``template_id`` (a consent form of the treatment of the patient's own
    appointment ``appointment_id``) by drawing (``method`` ``drawn``, ``signature_png``:
    a base64 PNG, ≤ 200 KB) or by typing the full name (``typed``, ``typed_name``).

    A retry of a form already signed returns that signature (no second one). Raises
    ``NotFound`` (another patient's, an unknown or a malformed appointment id),
    ``ValidationFailed`` naming ``appointment`` (cancelled, started or over),
    ``template_id`` (not a form of this treatment, or an outdated version),
    ``method``, ``signature_png`` or ``typed_name`` (empty or malformed)."""
    appointment = portal_appointment_get(account=account, appointment_id=appointment_id)
    if appointment.status not in SIGNABLE_STATUSES:
        raise ValidationFailed(errors={"appointment": [_("This appointment is no longer ahead.")]})
    clinic = appointment.clinic
    with clinic_context(clinic):
        pk = uuid_or_none(template_id)
        template = (
            ConsentFormTemplate.objects.filter(pk=pk, service_id=appointment.service_id)
            .select_related("service")
            .first()
            if pk is not None
            else None
        )
        if template is None:
            raise ValidationFailed(
                errors={"template_id": [_("This is not a consent form of this treatment.")]}
            )
        done = (
            ConsentFormSignature.objects.filter(patient_id=appointment.patient_id, template=template)
            .order_by("-signed_at")
            .first()
        )
        if done is not None and method in ConsentFormSignature.Method.values:
            newest = ConsentFormTemplate.objects.filter(service=template.service, locale=template.locale)
            if not newest.filter(version__gt=template.version).exists():
                return done
        return consent_form_sign(
            clinic=clinic,
            actor=None,
            patient=appointment.patient,
            template=template,
            method=method,
            signature_png=signature_png,
            typed_name=typed_name,
            channel=ConsentFormSignature.Channel.PORTAL,
        )
