"""Identity and organization structure. Global tables, shared by all tenants:
users, organizations, clinics, memberships, licences, refresh-token families.
Invites are tenant-local (they belong to one clinic)."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.validators import (
    validate_country,
    validate_currency,
    validate_currency_for_country,
    validate_locale,
    validate_time_zone,
)
from core.crypto import EncryptedCharField
from core.models import ClinicScopedModel, TimeStampedModel, UUIDModel
from core.roles import Role


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, phone: str, password: str | None = None, **fields: Any) -> User:
        user = self.model(phone=phone, **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, phone: str, password: str | None = None, **fields: Any) -> User:
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(phone, password, **fields)


class User(UUIDModel, AbstractBaseUser, PermissionsMixin):
    """A person who signs in: staff member (and, with the portal, a patient).

    Signs in with a mobile number in E.164 and a password; e-mail is optional.
    """

    phone = models.CharField(_("mobile number (E.164)"), max_length=16, unique=True)
    email = models.EmailField(_("e-mail"), blank=True)
    given_name = models.CharField(_("given name"), max_length=150)
    family_name = models.CharField(_("family name"), max_length=150, blank=True)
    national_id = EncryptedCharField(_("national ID"), max_length=20, blank=True)
    national_id_country = models.CharField(_("national ID country"), max_length=2, blank=True)
    # Blind index of the national ID (accounts.validators.national_id_hash): lookups and
    # uniqueness use it, as the encrypted column cannot be compared.
    national_id_hash = models.CharField(max_length=64, blank=True, default="", db_index=True, editable=False)
    preferred_language = models.CharField(_("preferred language"), max_length=10, default="en")
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(_("platform staff (admin site)"), default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    # The person's own photograph (accounts.services.user_photo_set): the object-store key
    # of a square WebP, re-encoded without metadata; empty when they have none.
    photo_key = models.CharField(max_length=200, blank=True, default="", editable=False)

    objects = UserManager()

    USERNAME_FIELD = "phone"
    REQUIRED_FIELDS = ["given_name"]

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["national_id_country", "national_id_hash"],
                condition=~Q(national_id_hash=""),
                name="user_national_id_unique_per_country",
            ),
            models.CheckConstraint(
                condition=Q(national_id_hash="") | ~Q(national_id_country=""),
                name="user_national_id_has_country",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.phone

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


class Organization(UUIDModel, TimeStampedModel):
    """The tenant that pays; owns one or more clinics (branches)."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)

    def __str__(self) -> str:
        return self.name


class Clinic(UUIDModel, TimeStampedModel):
    """A branch of an organization. Locale, time zone and currency are per clinic."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="clinics")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    country = models.CharField(max_length=2, validators=[validate_country])
    time_zone = models.CharField(max_length=64, validators=[validate_time_zone])
    locale = models.CharField(max_length=10, validators=[validate_locale])
    currency = models.CharField(max_length=3, validators=[validate_currency])
    phone = models.CharField(max_length=16, blank=True)
    address = models.TextField(blank=True)
    # The city the patient portal's directory is searched by (also part of ``address``).
    city = models.CharField(max_length=100, blank=True)
    is_active = models.BooleanField(default=True)
    # Listed in the patient portal's public directory, with a public page and online
    # booking (portal app). An owner's decision; off until the clinic opts in.
    portal_published = models.BooleanField(default=False)
    # Minutes without a request after which a session of a member ends (OWASP ASVS 5.0
    # V7.3.1); empty: the deployment's SESSION_IDLE_MINUTES. A member of several clinics
    # gets the strictest of them.
    session_idle_minutes = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(24 * 60)]
    )
    # The front desk's appointment rules (scheduling.services.appointment_transition):
    # check-in opens this many minutes before the start, on the appointment's local day
    # only; a cancellation less than this many hours before the start is flagged late.
    checkin_opens_minutes_before = models.PositiveSmallIntegerField(
        default=120, validators=[MaxValueValidator(24 * 60)]
    )
    late_cancellation_hours = models.PositiveSmallIntegerField(
        default=24, validators=[MaxValueValidator(14 * 24)]
    )
    # Clinical acts (starting a session, signing a note, charting, recording products
    # used) need a verified, unexpired licence of a council of the clinic's country
    # (accounts.selectors.practitioner_licence_check). An owner's decision.
    licence_check = models.BooleanField(default=False)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        """The clinic's time zone (IANA name in ``time_zone``)."""
        return zoneinfo.ZoneInfo(self.time_zone)

    def date_at(self, instant: dt.datetime) -> dt.date:
        """The date on the clinic's wall clock at the aware instant ``instant``: what its
        invoices, due dates, expiries and reports call "that day"."""
        return timezone.localdate(instant, self.zone)

    def today(self) -> dt.date:
        """Today's date on the clinic's wall clock (not the server's, not UTC's)."""
        return self.date_at(timezone.now())

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """The currency is one the country uses (checked once both are well-formed)."""
        try:
            validate_country(self.country)
            validate_currency(self.currency)
        except ValidationError:
            return  # the field validators name the bad field
        validate_currency_for_country(country=self.country, currency=self.currency)


# Calendar layouts a member can keep in ``MembershipPreferences.values["calendar_view"]``:
# the day in columns, the week in columns, one practitioner's week, the day as a timeline.
CALENDAR_VIEWS = ("day", "week", "practitioner_week", "timeline")


class Membership(UUIDModel, TimeStampedModel):
    """A user's role at one clinic. One membership per user and clinic."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    is_active = models.BooleanField(default=True)
    # How the clinic presents a practitioner (booking screens, the calendar): per clinic,
    # since one person may work as a dermatologist here and a laser therapist elsewhere.
    specialty = models.CharField(max_length=120, blank=True)
    bio = models.TextField(max_length=1000, blank=True)
    calendar_colour = models.CharField(
        max_length=7,
        blank=True,
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Give a colour as #RRGGBB."))],
        help_text=_("#RRGGBB; empty: the calendar's default"),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["clinic", "user"], name="membership_unique_user_clinic")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.clinic} ({self.role})"


class MembershipPreferences(UUIDModel, TimeStampedModel):
    """A member's own screen choices at their clinic, kept on the server so they follow
    the person from desk to desk: ``{"calendar_practitioners": [user id, …],
    "calendar_view": one of CALENDAR_VIEWS}`` (services.membership_preferences_update).
    A row of its own, not a column of Membership, so that the role history of
    memberships does not record every change of view."""

    membership = models.OneToOneField(Membership, on_delete=models.CASCADE, related_name="preferences")
    values = models.JSONField(default=dict, blank=True)

    def __str__(self) -> str:
        return f"Preferences of {self.membership}"


class ProfessionalLicence(UUIDModel, TimeStampedModel):
    """A practitioner's registration with a professional council (e.g. CRM in Brazil,
    the Medical Council of Thailand, the Saudi Commission for Health Specialties)."""

    class Council(models.TextChoices):
        CRM = "CRM", _("Conselho Regional de Medicina (BR)")
        COREN = "COREN", _("Conselho Regional de Enfermagem (BR)")
        TMC = "TMC", _("Medical Council of Thailand")
        TNMC = "TNMC", _("Thailand Nursing and Midwifery Council")
        SCFHS = "SCFHS", _("Saudi Commission for Health Specialties")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending verification")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="licences")
    council = models.CharField(max_length=10, choices=Council.choices)
    number = models.CharField(max_length=30)
    region = models.CharField(max_length=10, blank=True, help_text=_("e.g. SP for CRM-SP"))
    # The specialty the council registers (in Brazil the RQE), if any.
    specialty = models.CharField(max_length=120, blank=True)
    valid_until = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    # The last decision (accounts.services.licence_verify): when, by whom, the evidence
    # the owner gave and, when a registry answered, its reference for the record.
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    verification_note = models.TextField(blank=True)
    registry_reference = models.CharField(max_length=120, blank=True)
    # The document that proves the licence (accounts.services.licence_evidence_set): its
    # object-store key, the type sniffed from its bytes (PDF, JPEG, PNG, WebP), when and
    # by whom it was uploaded. Empty key: none on file.
    evidence_key = models.CharField(max_length=200, blank=True, default="", editable=False)
    evidence_content_type = models.CharField(max_length=40, blank=True, default="", editable=False)
    evidence_uploaded_at = models.DateTimeField(null=True, blank=True, editable=False)
    evidence_uploaded_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["council", "region", "number"], name="licence_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.council}-{self.region} {self.number}".replace("- ", " ")


# The councils whose licence lets a person practise in a country, by clinical role:
# physicians (Law 3.268/1957 for the CRM; the Medical
# Profession Act B.E. 2525 for the TMC), nurses (Law 5.905/1973 for COREN; the Nursing
# and Midwifery Profession Act B.E. 2528 for the TNMC); the SCFHS registers every health
# practitioner in Saudi Arabia. A clinical role not named (therapist, assistant) may hold
# any council of the country.
LICENCE_COUNCILS: dict[str, dict[str, tuple[str, ...]]] = {
    "BR": {Role.DOCTOR: ("CRM",), Role.NURSE: ("COREN",), "": ("CRM", "COREN")},
    "TH": {Role.DOCTOR: ("TMC",), Role.NURSE: ("TNMC",), "": ("TMC", "TNMC")},
    "SA": {"": ("SCFHS",)},
}


def licence_councils_for(*, country: str, role: str) -> tuple[str, ...]:
    """The councils (``ProfessionalLicence.Council`` values) one of whose licences lets a
    member of ``role`` practise in ``country`` (ISO 3166-1 alpha-2); ``()`` for a country
    whose councils the system does not know."""
    by_role = LICENCE_COUNCILS.get(country.upper(), {})
    return by_role.get(role) or by_role.get("", ())


class RefreshTokenFamily(UUIDModel):
    """One sign-in session: all refresh tokens descended by rotation from one login, and
    the server-side record every access token of the session is checked against.

    Presenting a refresh token that was already rotated (reuse: it was stolen or replayed)
    revokes the whole family, so both the thief's and the user's tokens stop working.
    A session also ends ``idle_minutes`` after ``last_activity_at`` (the last API request,
    recorded to the minute) and ``SESSION_ABSOLUTE_HOURS`` after ``created_at``, whatever
    the activity (OWASP ASVS 5.0 V7.3.1, V7.3.2).
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="token_families")
    created_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(default=timezone.now)
    idle_minutes = models.PositiveSmallIntegerField(default=15)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.CharField(max_length=20, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["user"], condition=Q(revoked_at__isnull=True), name="token_family_open")
        ]


class PasswordResetCode(UUIDModel):
    """A one-time code sent by SMS to the phone on file to reset a forgotten password.

    Only a keyed hash of the code is stored; it expires after
    ``PASSWORD_RESET_CODE_MINUTES`` and dies after ``PASSWORD_RESET_MAX_ATTEMPTS`` wrong
    tries (OWASP ASVS 5.0 V6.4: forgotten-password flow; NIST SP 800-63B 5.1.3 for
    out-of-band codes)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "-created_at"])]


class Invite(ClinicScopedModel):
    """An invitation to join a clinic with a role; accepted once with its secret token.

    Only the SHA-256 of the token is stored.
    """

    phone = models.CharField(max_length=16)
    email = models.EmailField(blank=True)
    role = models.CharField(max_length=20, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    invited_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    sent_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["clinic", "-created_at"])]

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        REVOKED = "revoked", _("Revoked")
        EXPIRED = "expired", _("Expired")

    @property
    def status(self) -> str:
        if self.accepted_at:
            return self.Status.ACCEPTED
        if self.revoked_at:
            return self.Status.REVOKED
        if self.expires_at <= timezone.now():
            return self.Status.EXPIRED
        return self.Status.PENDING
