"""The patient portal's accounts: a person who signs in with their own mobile number and
password, tied to one global ``patients.PatientIdentity``.

A portal account is global, like the identity (DESIGN.md §4): it belongs to the person,
not to a clinic. What it holds is what the person told the portal themselves (phone,
names, birth date, national ID) and is read only by the person and by the booking step
that registers them at a clinic they chose (``portal.services.portal_book``)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.crypto import EncryptedCharField
from core.models import TimeStampedModel, UUIDModel


class PortalAccount(UUIDModel, TimeStampedModel):
    """A patient's sign-in to the portal: mobile number (E.164, unique) + password.

    The national ID (python-stdnum-validated for ``national_id_country``) is unique per
    issuing country through its blind index ``national_id_hash``; it proves who the
    person is at registration and is never a login. ``phone_verified_at`` is set once
    the person typed the one-time code sent to the phone (``PortalPhoneCode``); an
    unverified account cannot sign in or book."""

    identity = models.OneToOneField(
        "patients.PatientIdentity", on_delete=models.PROTECT, related_name="portal_account", editable=False
    )
    phone = models.CharField(max_length=16, unique=True, help_text=_("E.164"))
    password = models.CharField(max_length=128)
    given_name = models.CharField(max_length=150)
    family_name = models.CharField(max_length=150, blank=True)
    birth_date = models.DateField()
    national_id = EncryptedCharField(max_length=20)
    national_id_country = models.CharField(max_length=2)
    national_id_hash = models.CharField(max_length=64, editable=False)
    preferred_language = models.CharField(max_length=10, default="en")
    phone_verified_at = models.DateTimeField(null=True, blank=True)
    last_sign_in_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["national_id_country", "national_id_hash"],
                condition=~Q(national_id_hash=""),
                name="portal_account_national_id_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


class PortalPhoneCode(UUIDModel):
    """A one-time code sent to an account's phone to prove it. Only a keyed hash is kept
    (``portal.services._code_hash``); it expires, and dies after
    ``PORTAL_CODE_MAX_ATTEMPTS`` wrong tries. ``purpose`` keeps a sign-up code from
    resetting a password and the other way round."""

    class Purpose(models.TextChoices):
        VERIFY = "verify", _("Verify the mobile number")
        RESET = "reset", _("Reset the password")

    account = models.ForeignKey(PortalAccount, on_delete=models.CASCADE, related_name="phone_codes")
    purpose = models.CharField(max_length=10, choices=Purpose.choices, default=Purpose.VERIFY)
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["account", "-created_at"], name="portal_code_latest")]


class PortalTotpDevice(UUIDModel, TimeStampedModel):
    """A patient's authenticator app (TOTP, RFC 6238, computed by django-otp's
    ``django_otp.oath.TOTP``: 30 s steps, 6 digits). django-otp's own ``TOTPDevice``
    belongs to a staff ``User``; a portal account is no user, so its device lives here.

    ``key``: the shared secret as 40 hex digits (20 bytes), encrypted at rest.
    ``confirmed_at``: set once the patient typed a first code; until then sign-in does
    not ask for one. ``last_t``: the last time step accepted, so a code is used once."""

    account = models.OneToOneField(
        PortalAccount, on_delete=models.CASCADE, related_name="totp_device", editable=False
    )
    key = EncryptedCharField(max_length=80)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    last_t = models.BigIntegerField(default=-1)

    def __str__(self) -> str:
        return f"TOTP of {self.account_id}"
