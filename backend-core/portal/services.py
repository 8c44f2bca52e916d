"""Writes of the patient portal: sign-up, phone proof, sign-in, booking and cancelling.

A portal session is the person's own: it is kept in the Django session under
``PORTAL_SESSION_KEY`` (never as Django's authenticated user), so no staff URL or API
answers it, and no staff credential opens a portal page (``portal.views``)."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from axes.handlers.proxy import AxesProxyHandler
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from accounts.models import Clinic
from accounts.validators import clean_national_id, clean_phone, national_id_hash
from catalog.models import Service
from core.exceptions import (
    AuthenticationFailedError,
    FieldErrors,
    NotFound,
    TooManyRequests,
    ValidationFailed,
)
from core.services import model_save
from core.tasks import enqueue_on_commit
from core.tenancy import clinic_context
from notifications.services import message_send
from notifications.templates import render
from patients.models import Consent, ConsentPurpose, PatientIdentity
from patients.services import ConsentDecision, patient_register_from_portal
from portal.models import PortalAccount, PortalPhoneCode, PortalTotpDevice
from portal.selectors import portal_appointment_get, published_clinic_get, uuid_or_none
from scheduling.models import Appointment
from scheduling.selectors import practitioner_free_slots
from scheduling.services import AppointmentConflict, appointment_book, appointment_transition

#: The Django session key of the signed-in portal account's id.
PORTAL_SESSION_KEY = "portal_account_id"
#: The session key of ``portal_session_hash`` at sign-in: a new password ends older sessions.
PORTAL_SESSION_HASH_KEY = "portal_account_hash"
#: A new code at most this often, and at most ``PORTAL_CODES_PER_HOUR`` an hour (SMS bombing).
PORTAL_CODE_RESEND = timedelta(seconds=60)
PORTAL_CODES_PER_HOUR = 5
PORTAL_CODE_DIGITS = 6
#: The purposes a patient decides on when the portal registers them at a clinic.
BOOKING_CONSENT_PURPOSES = (
    ConsentPurpose.TREATMENT,
    ConsentPurpose.MARKETING_MESSAGES,
    ConsentPurpose.DATA_SHARING,
)


class PortalLockedOut(TooManyRequests):
    code = "login_locked_out"


def _code_hash(*, account: PortalAccount, code: str) -> str:
    # Keyed by the server secret and salted by the account: a leaked table does not give
    # the six-digit codes away to an offline search.
    return salted_hmac(f"portal.phone_code:{account.pk}", code, algorithm="sha256").hexdigest()


def _latest_today() -> dt.date:
    """Today where it is latest on Earth (UTC+14): a sign-up belongs to no clinic yet, so a
    birth date is in the future only once it is after every zone's today; the server's
    date (UTC) would refuse a patient born today east of UTC before UTC's midnight."""
    return (timezone.now() + dt.timedelta(hours=14)).date()


@dataclass(frozen=True)
class PortalSignup:
    """What a sign-up did: the new ``account`` (``None`` when the phone or national ID
    already had one: nothing was created) and the ``phone`` in E.164 either way."""

    account: PortalAccount | None
    phone: str


def portal_account_signup(
    *,
    phone: str,
    password: str,
    given_name: str,
    family_name: str,
    birth_date: dt.date | None,
    national_id: str,
    national_id_country: str,
    language: str,
) -> PortalSignup:
    """Create a portal account (phone not yet proven) and send the first phone code.

    ``phone``: a mobile number, E.164 or local to ``national_id_country``;
    ``password``: checked by Django's password validators (``AUTH_PASSWORD_VALIDATORS``);
    ``national_id``: validated for its country with python-stdnum (Thai ID, CPF, Saudi
    ID); ``birth_date`` not in the future. Every bad field is named in one
    ``ValidationFailed`` (``phone``, ``password``, ``given_name``, ``birth_date``,
    ``national_id``, ``national_id_country``). A new ``patients.PatientIdentity`` (no
    personal data) is the account's global identity.

    A phone or national ID that already has an account is not said to (the answer would
    tell anyone who typed a guessed ID that its owner is a patient): nothing is created,
    the account's owner is told by SMS that someone tried (``portal.signup_existing``),
    and the result has no ``account``, which the pages answer exactly as a new sign-up
    (OWASP ASVS 5.0 V6.3: no account enumeration).
    """
    errors = FieldErrors()
    country = national_id_country.strip().upper()
    e164 = compact = ""
    with errors.collect():
        e164 = clean_phone(phone, region=country or None)
    if not given_name.strip():
        errors.add("given_name", _("This field is required."))
    if birth_date is None:
        errors.add("birth_date", _("This field is required."))
    elif birth_date > _latest_today():
        errors.add("birth_date", _("A birth date cannot be in the future."))
    if not national_id.strip():
        errors.add("national_id", _("This field is required."))
    else:
        with errors.collect():
            compact = clean_national_id(country=country, value=national_id)
    digest = national_id_hash(country=country, national_id=compact) if compact else ""
    account = PortalAccount(
        phone=e164,
        given_name=given_name.strip(),
        family_name=family_name.strip(),
        birth_date=birth_date or dt.date.min,
        national_id=compact,
        national_id_country=country,
        national_id_hash=digest,
        preferred_language=language,
    )
    try:
        validate_password(password, user=None)
    except ValidationError as exc:
        errors.add("password", *exc.messages)
    errors.raise_if_any()
    account.password = make_password(password)  # also when taken: the same work, the same time
    existing = PortalAccount.objects.filter(
        Q(phone=e164) | Q(national_id_country=country, national_id_hash=digest)
    ).first()
    if existing is not None:
        from portal.tasks import portal_signup_existing_notify  # the task calls this module

        enqueue_on_commit(portal_signup_existing_notify, account_id=str(existing.pk))
        return PortalSignup(account=None, phone=e164)
    identity = PatientIdentity()
    model_save(identity)
    account.identity = identity
    model_save(account)
    portal_phone_code_send(account=account)
    return PortalSignup(account=account, phone=e164)


def portal_signup_existing_notify_now(*, account: PortalAccount) -> None:
    """Tell the owner of ``account`` by SMS, in their language, that someone tried to sign
    up with their phone number or national ID (template ``portal.signup_existing``); at
    most once an hour per account (the message's idempotency key). Raises
    ``TransientDeliveryError`` or ``OSError`` when it can be retried."""
    text = render("portal.signup_existing", languages=[account.preferred_language], payload={})
    hour = timezone.now().strftime("%Y%m%d%H")
    message_send(
        channel="sms",
        to=account.phone,
        subject=text.subject,
        body=text.body,
        idempotency_key=f"portal-signup-existing:{account.pk}:{hour}",
    )


@transaction.atomic
def portal_phone_code_send(*, account: PortalAccount, purpose: str = PortalPhoneCode.Purpose.VERIFY) -> bool:
    """Send a new ``PORTAL_CODE_DIGITS``-digit code by SMS to the account's phone (after
    commit, by the worker: ``portal.tasks.portal_phone_code_deliver``), replacing older
    ones of the same ``purpose`` (``PortalPhoneCode.Purpose``); it expires after
    ``PORTAL_CODE_MINUTES``. Returns ``False`` (nothing sent) when the account's last
    code, of any purpose, is younger than ``PORTAL_CODE_RESEND`` or
    ``PORTAL_CODES_PER_HOUR`` were sent in the last hour. Only the keyed hash is stored."""
    PortalAccount.objects.select_for_update().filter(pk=account.pk).first()
    now = timezone.now()
    codes = PortalPhoneCode.objects.filter(account=account)
    if codes.filter(created_at__gt=now - PORTAL_CODE_RESEND).exists():
        return False
    if codes.filter(created_at__gt=now - timedelta(hours=1)).count() >= PORTAL_CODES_PER_HOUR:
        return False
    codes.filter(purpose=purpose, used_at__isnull=True).update(used_at=now)
    code = f"{secrets.randbelow(10**PORTAL_CODE_DIGITS):0{PORTAL_CODE_DIGITS}d}"
    minutes = settings.PORTAL_CODE_MINUTES
    PortalPhoneCode.objects.create(
        account=account,
        purpose=purpose,
        code_hash=_code_hash(account=account, code=code),
        expires_at=now + timedelta(minutes=minutes),
    )
    from portal.tasks import portal_phone_code_deliver  # the task calls this module

    enqueue_on_commit(
        portal_phone_code_deliver, account_id=str(account.pk), code=code, minutes=minutes, purpose=purpose
    )
    return True


#: The SMS template of each code purpose (``notifications.templates``).
_CODE_TEMPLATES = {
    PortalPhoneCode.Purpose.VERIFY: "portal.phone_code",
    PortalPhoneCode.Purpose.RESET: "password_reset.code",
}


def portal_phone_code_deliver_now(
    *, account: PortalAccount, code: str, minutes: int, purpose: str = PortalPhoneCode.Purpose.VERIFY
) -> None:
    """Send ``code`` by SMS to the account's phone in its language (template
    ``portal.phone_code``, or ``password_reset.code`` for a reset) through the
    notifications adapters (``message_send``, as the staff password-reset code goes); a
    code that was replaced, used or expired since is not sent. Raises
    ``TransientDeliveryError`` or ``OSError`` when it can be retried."""
    live = PortalPhoneCode.objects.filter(
        account=account,
        purpose=purpose,
        code_hash=_code_hash(account=account, code=code),
        used_at__isnull=True,
        expires_at__gt=timezone.now(),
    )
    if not live.exists():
        return
    text = render(
        _CODE_TEMPLATES[PortalPhoneCode.Purpose(purpose)],
        languages=[account.preferred_language],
        payload={"code": code, "minutes": minutes},
    )
    message_send(
        channel="sms",
        to=account.phone,
        subject=text.subject,
        body=text.body,
        idempotency_key=f"portal-phone:{account.pk}:{code}",
    )


def portal_phone_verify(*, account: PortalAccount, code: str) -> PortalAccount:
    """Prove the account's phone with the newest live sign-up code
    (``portal_phone_code_use``)."""
    return portal_phone_code_use(account=account, code=code, purpose=PortalPhoneCode.Purpose.VERIFY)


def portal_phone_code_use(*, account: PortalAccount, code: str, purpose: str) -> PortalAccount:
    """Use the newest live code of ``purpose``: it proves the phone (``phone_verified_at``
    set if unset). A wrong try counts; after ``PORTAL_CODE_MAX_ATTEMPTS`` the code is
    dead. Wrong, used, expired and dead codes all raise the same ``ValidationFailed``
    naming ``code``. Not one transaction on purpose: a wrong try stays counted although
    the error is raised."""
    with transaction.atomic():
        entry = (
            PortalPhoneCode.objects.select_for_update()
            .filter(account=account, purpose=purpose, used_at__isnull=True, expires_at__gt=timezone.now())
            .order_by("-created_at")
            .first()
        )
        valid = (
            entry is not None
            and entry.attempts < settings.PORTAL_CODE_MAX_ATTEMPTS
            and constant_time_compare(entry.code_hash, _code_hash(account=account, code=code.strip()))
        )
        if entry is not None and not valid:
            entry.attempts += 1
            entry.save(update_fields=["attempts"])
        if not valid or entry is None:
            wrong = ValidationFailed(errors={"code": [_("Wrong or expired code.")]})
        else:
            now = timezone.now()
            entry.used_at = now
            entry.save(update_fields=["used_at"])
            if account.phone_verified_at is None:
                account.phone_verified_at = now
                model_save(account, update_fields=["phone_verified_at"])
            return account
    raise wrong


def portal_session_hash(account: PortalAccount) -> str:
    """A keyed digest of the account's password hash, kept in its sessions (as Django's
    ``get_session_auth_hash``): once the password changes, sessions that hold the old one
    are signed out."""
    return salted_hmac("portal.session", account.password, algorithm="sha256").hexdigest()


def _axes_username(e164: str) -> str:
    # Portal sign-ins are counted apart from staff sign-ins of the same number.
    return f"portal:{e164}"


def portal_sign_in(*, request: HttpRequest, phone: str, password: str) -> PortalAccount:
    """Sign in with mobile number + password (the phone must have been proven).

    Uses the staff sign-in's lockout (django-axes): after ``LOGIN_FAILURE_LIMIT``
    failures for one phone, or from one client address (``core.net.client_ip``, the
    trusted-proxy rule), sign-in is refused for ``LOGIN_COOLOFF_MINUTES`` with
    ``PortalLockedOut`` (429). Raises ``ValidationFailed`` naming ``phone`` for a
    malformed number and ``AuthenticationFailedError`` (one answer for an unknown phone,
    a wrong password and an unproven phone). An account with a confirmed authenticator
    (``PortalTotpDevice``) is returned with its sign-in not yet complete: the caller
    asks for the code (``services_account.portal_sign_in_totp``)."""
    e164 = clean_phone(phone)
    credentials = {settings.AXES_USERNAME_FORM_FIELD: _axes_username(e164)}
    if not AxesProxyHandler.is_allowed(request, credentials):
        raise PortalLockedOut(_("Too many failed sign-ins. Try again later."))
    account = PortalAccount.objects.filter(phone=e164).first()
    if account is None or account.phone_verified_at is None or not check_password(password, account.password):
        user_login_failed.send(sender=PortalAccount, credentials=credentials, request=request)
        # The portal answers the lockout itself, with its own page.
        locked = bool(getattr(request, "axes_locked_out", False))
        request.axes_locked_out = False  # type: ignore[attr-defined]
        if locked:
            raise PortalLockedOut(_("Too many failed sign-ins. Try again later."))
        raise AuthenticationFailedError(_("Mobile number or password is incorrect."))
    if PortalTotpDevice.objects.filter(account=account, confirmed_at__isnull=False).exists():
        # The second factor decides (``services_account.portal_sign_in_totp``); the
        # failure count stays, so a known password does not reset the code guesses.
        return account
    return portal_sign_in_complete(account=account)


def portal_sign_in_complete(*, account: PortalAccount) -> PortalAccount:
    """The sign-in succeeded: the phone's failure count is reset and the time kept."""
    axes_reset(username=_axes_username(account.phone))
    account.last_sign_in_at = timezone.now()
    model_save(account, update_fields=["last_sign_in_at"])
    return account


def _consent_decisions(consents: Mapping[str, bool]) -> list[ConsentDecision]:
    return [
        ConsentDecision(
            purpose=purpose,
            decision=Consent.Decision.GRANTED if consents.get(purpose) else Consent.Decision.WITHDRAWN,
            channel=Consent.Channel.PORTAL,
        )
        for purpose in BOOKING_CONSENT_PURPOSES
    ]


def portal_book(
    *,
    account: PortalAccount,
    clinic_slug: str,
    service_id: str,
    practitioner_id: str,
    starts_at: dt.datetime,
    consents: Mapping[str, bool],
) -> Appointment:
    """Book a free slot at a published clinic for the signed-in patient, through the one
    booking service (``scheduling.services.appointment_book``, ``source=portal``) and
    its no-overlap guarantee (the database's exclusion constraints).

    ``practitioner_id`` ``""`` means anyone: the practitioners free at ``starts_at``
    (``practitioner_free_slots``, the staff's availability) are tried in order. The
    patient's chart at the clinic is made if missing
    (``patients.services.patient_register_from_portal``), with their consent decisions
    (``consents``: purpose → granted, for ``BOOKING_CONSENT_PURPOSES``; treatment
    consent is required, LGPD Art. 11 I). Raises ``NotFound`` (unpublished clinic,
    unknown treatment), ``ValidationFailed`` naming ``practitioner``, ``consents`` or
    ``starts_at``, ``AppointmentConflict`` (409) when the time was taken meanwhile."""
    if account.phone_verified_at is None:
        raise ValidationFailed(errors={"phone": [_("Verify your mobile number first.")]})
    clinic = published_clinic_get(slug=clinic_slug)
    with clinic_context(clinic):
        service = (
            Service.objects.filter(pk=service_id, is_active=True).first()
            if uuid_or_none(service_id)
            else None
        )
        if service is None:
            raise NotFound()
        if not consents.get(ConsentPurpose.TREATMENT):
            raise ValidationFailed(
                errors={"consents.treatment": [_("Agree to the treatment consent to book.")]}
            )
        day = clinic.date_at(starts_at)
        free = [
            slot.practitioner_id
            for slot in practitioner_free_slots(
                clinic=clinic,
                service=service,
                date_from=day,
                date_to=day,
                practitioner_id=uuid_or_none(practitioner_id),
            )
            if slot.starts_at == starts_at
        ]
        if practitioner_id and not uuid_or_none(practitioner_id):
            raise ValidationFailed(errors={"practitioner": [_("Not a practitioner of this clinic.")]})
        if not free:
            raise ValidationFailed(errors={"starts_at": [_("This time is no longer free: pick another.")]})
        return _book_first_free(
            account=account,
            clinic=clinic,
            service=service,
            practitioners=free,
            starts_at=starts_at,
            consents=consents,
        )


def _book_first_free(
    *,
    account: PortalAccount,
    clinic: Clinic,
    service: Service,
    practitioners: list[uuid.UUID],
    starts_at: dt.datetime,
    consents: Mapping[str, bool],
) -> Appointment:
    """Try each free practitioner in turn; each try is its own transaction, so a
    conflict (someone booked them meanwhile) leaves nothing behind."""
    from accounts.models import User

    conflict = AppointmentConflict([])
    for practitioner in User.objects.filter(pk__in=practitioners).order_by("pk"):
        try:
            with transaction.atomic():
                patient = patient_register_from_portal(
                    clinic=clinic,
                    identity=account.identity,
                    verified_phone=account.phone,
                    given_name=account.given_name,
                    family_name=account.family_name,
                    birth_date=account.birth_date,
                    national_id=account.national_id,
                    national_id_country=account.national_id_country,
                    preferred_language=account.preferred_language,
                    consents=_consent_decisions(consents),
                )
                return appointment_book(
                    clinic=clinic,
                    actor=None,
                    patient=patient,
                    practitioner=practitioner,
                    service=service,
                    starts_at=starts_at,
                    source=Appointment.Source.PORTAL,
                )
        except AppointmentConflict as exc:
            conflict = exc
    raise conflict


def portal_appointment_cancel(*, account: PortalAccount, appointment_id: str) -> Appointment:
    """Cancel the patient's own upcoming appointment, up to the clinic's
    ``late_cancellation_hours`` before its start (its cancellation window; later, the
    patient calls the clinic). Another patient's appointment raises ``NotFound``; one
    inside the window raises ``ValidationFailed`` naming ``appointment``; the state
    machine's refusals (``Conflict``) pass through. Audited and announced by
    ``appointment_transition`` (actor: none, the patient)."""
    appointment = portal_appointment_get(account=account, appointment_id=appointment_id)
    clinic = appointment.clinic
    now = timezone.now()
    with clinic_context(clinic):
        if appointment.starts_at - now < timedelta(hours=clinic.late_cancellation_hours):
            raise ValidationFailed(
                errors={
                    "appointment": [
                        _("Cancel at least %(hours)d hours ahead; call the clinic instead.")
                        % {"hours": clinic.late_cancellation_hours}
                    ]
                }
            )
        return appointment_transition(
            appointment=appointment,
            actor=None,
            to_status=Appointment.Status.CANCELLED,
            reason=_("Cancelled by the patient in the portal."),
        )
