"""Organizations and clinics: sign-up, create a clinic, update its settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypedDict, Unpack

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import Clinic, Membership, Organization, User, licence_councils_for
from accounts.services.users import user_create
from accounts.signals import clinic_currency_in_use, clinic_opened
from accounts.validators import clean_phone
from audit.services import audit_event_record
from core.exceptions import Conflict, FieldErrors, PermissionDeniedError
from core.roles import Role
from core.services import model_save


def _unique_slug(model: type[Organization] | type[Clinic], name: str) -> str:
    base = slugify(name, allow_unicode=False)[:60] or "clinic"
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@dataclass(frozen=True)
class ClinicData:
    name: str
    country: str
    time_zone: str
    locale: str
    currency: str
    phone: str = ""
    address: str = ""
    city: str = ""
    portal_published: bool = False


def _clinic_build(*, organization: Organization, data: ClinicData) -> Clinic:
    """Create the clinic; every invalid field (phone included) is named in one answer."""
    errors = FieldErrors()
    phone = ""
    with errors.collect():
        phone = clean_phone(data.phone, region=data.country, mobile_only=False) if data.phone else ""
    clinic = Clinic(
        organization=organization,
        name=data.name,
        slug=_unique_slug(Clinic, data.name),
        country=data.country.upper(),
        time_zone=data.time_zone,
        locale=data.locale,
        currency=data.currency.upper(),
        phone=phone,
        address=data.address,
        city=data.city,
        portal_published=data.portal_published,
    )
    model_save(clinic, errors=errors)
    return clinic


@transaction.atomic
def organization_signup(
    *, organization_name: str, clinic: ClinicData, owner: dict[str, Any]
) -> tuple[Organization, Clinic, User]:
    """Create an organization, its first clinic and its owner (``owner`` holds the
    ``user_create`` arguments), and send ``clinic_opened``. All or nothing."""
    organization = Organization(name=organization_name, slug=_unique_slug(Organization, organization_name))
    model_save(organization)
    errors = FieldErrors()
    with errors.collect(prefix="clinic"):
        first_clinic = _clinic_build(organization=organization, data=clinic)
    with errors.collect(prefix="owner"):
        user = user_create(**owner)
    errors.raise_if_any()  # the transaction rolls back whatever was saved
    model_save(Membership(user=user, clinic=first_clinic, role=Role.OWNER))
    clinic_opened.send(Clinic, clinic=first_clinic, actor=user)
    return organization, first_clinic, user


@transaction.atomic
def clinic_create(*, organization: Organization, actor: User, actor_role: str, data: ClinicData) -> Clinic:
    """Open a new branch; the actor joins it with the role they hold where they act, and
    ``clinic_opened`` is sent."""
    clinic = _clinic_build(organization=organization, data=data)
    model_save(Membership(user=actor, clinic=clinic, role=actor_role))
    clinic_opened.send(Clinic, clinic=clinic, actor=actor)
    return clinic


class ClinicFields(TypedDict, total=False):
    """The settings of a clinic that ``clinic_update`` changes (``session_idle_minutes``:
    ``None`` for the deployment default; ``checkin_opens_minutes_before`` in minutes and
    ``late_cancellation_hours`` in hours, the front desk's appointment rules;
    ``portal_published``: listed in the patient portal's directory, searched by ``city``)."""

    name: str
    time_zone: str
    locale: str
    currency: str
    phone: str
    address: str
    country: str
    session_idle_minutes: int | None
    checkin_opens_minutes_before: int
    late_cancellation_hours: int
    licence_check: bool
    portal_published: bool
    city: str


@transaction.atomic
def clinic_update(*, clinic: Clinic, actor: User, actor_role: str, **fields: Unpack[ClinicFields]) -> Clinic:
    """Change the settings given (``ClinicFields``) as ``actor``, who holds ``actor_role``
    where they act. Every invalid field is
    named in one ``ValidationFailed``; the currency must be one the country uses.
    ``licence_check`` (clinical acts need a verified licence,
    ``accounts.selectors.practitioner_licence_check``) is turned on or off by an owner
    only (``PermissionDeniedError`` otherwise), only in a country whose councils are known
    (``ValidationFailed`` naming ``licence_check``), and the change is audited as
    ``clinic.updated``. Once
    the clinic has recorded money (a receiver of ``clinic_currency_in_use`` says so:
    commerce's sales and invoices) its currency is fixed: ``Conflict`` naming
    ``currency``, as amounts already booked would change meaning (IAS 21: a ledger keeps
    one functional currency)."""
    errors = FieldErrors()
    if "country" in fields:
        fields["country"] = fields["country"].upper()
    if "currency" in fields:
        fields["currency"] = fields["currency"].upper()
    locked = Clinic.objects.select_for_update(no_key=True).get(pk=clinic.pk)
    if fields.get("phone"):
        with errors.collect():
            fields["phone"] = clean_phone(
                fields["phone"], region=fields.get("country") or locked.country, mobile_only=False
            )
    currency_changes = "currency" in fields and fields["currency"] != locked.currency
    licence_check_before = locked.licence_check
    if fields.get("licence_check", licence_check_before) != licence_check_before and actor_role != Role.OWNER:
        raise PermissionDeniedError(_("Only an owner turns the licence check on or off."))
    for name, value in fields.items():
        setattr(locked, name, value)
    if locked.licence_check and not licence_councils_for(country=locked.country, role=""):
        errors.add("licence_check", _("The professional councils of this country are not known."))
    if fields or errors.errors:
        model_save(locked, update_fields=list(fields), errors=errors)
    if currency_changes and any(
        in_use for _receiver, in_use in clinic_currency_in_use.send(Clinic, clinic=locked)
    ):
        raise Conflict(
            _("The currency cannot change once the clinic has sold in it."),
            code="currency_in_use",
            errors={
                "currency": _("The clinic has sales or invoices in %(currency)s.")
                % {"currency": clinic.currency}
            },
        )
    if locked.licence_check != licence_check_before:
        audit_event_record(
            clinic=locked,
            actor=actor,
            action="clinic.updated",
            object_type="accounts.Clinic",
            object_id=locked.pk,
            changes={"licence_check": [licence_check_before, locked.licence_check]},
        )
    return locked
