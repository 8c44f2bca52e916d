"""Patients: each organization's own profile of a person, linked to each of its clinics
that treats them; the global identity that profiles of several organizations are joined
to only by the person's own proof; and the consents they gave each clinic.

The identity model (README "Patient identity"): what an organization learns or writes
about a person (names, phones, e-mail, address, language, channel, national ID) is its
own copy, which no other organization reads or changes. ``PatientIdentity`` holds no
personal data: it only says that profiles of several organizations are the same person,
and a profile joins one only with a one-time code sent to a phone another organization
already has on file (``patients.services.patient_identity_link_confirm``).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.crypto import EncryptedCharField, EncryptedTextField
from core.models import ClinicScopedModel, TimeStampedModel, UUIDModel


class ContactChannel(models.TextChoices):
    SMS = "sms", _("SMS")
    WHATSAPP = "whatsapp", _("WhatsApp")
    LINE = "line", _("LINE")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone call")


class PatientIdentity(UUIDModel, TimeStampedModel):
    """One person known to several organizations: the profiles pointing here were joined
    by the person's own proof (a one-time code to a phone on file). No personal data:
    what each organization knows stays on its own ``PatientProfile``."""

    class Meta:
        verbose_name_plural = "patient identities"

    def __str__(self) -> str:
        return str(self.pk)


class PatientProfile(UUIDModel, TimeStampedModel):
    """Demographics and contact data of a person as one organization knows them, shared
    by that organization's clinics (each through its ``ClinicPatient``) and by no one else.

    The national ID is unique per organization and issuing country, so a patient
    registering at a second clinic of the organization is linked to the organization's
    existing profile instead of being duplicated; another organization registering the
    same ID gets its own profile. ``identity`` is set only by a link the person proved.
    ``search_name`` is the lower-cased, accent-free full name that name search matches;
    each clinic's link carries a copy (``ClinicPatient.search_name``) so a search never
    reads other clinics' patients. Services keep both in step with the name.
    """

    class Sex(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")
        OTHER = "other", _("Other")
        UNKNOWN = "unknown", _("Unknown")

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="+", editable=False
    )
    identity = models.ForeignKey(
        PatientIdentity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="profiles",
        editable=False,
    )
    given_name = models.CharField(max_length=150)
    family_name = models.CharField(max_length=150, blank=True)
    search_name = models.CharField(max_length=301, editable=False, default="")
    birth_date = models.DateField()
    sex = models.CharField(max_length=10, choices=Sex.choices, default=Sex.UNKNOWN)
    phone = models.CharField(max_length=16, blank=True, help_text=_("E.164; empty after erasure"))
    phone_alt = models.CharField(max_length=16, blank=True, help_text=_("E.164"))
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True)
    national_id = EncryptedCharField(max_length=20, blank=True)
    national_id_country = models.CharField(max_length=2, blank=True)
    national_id_hash = models.CharField(max_length=64, blank=True, default="", db_index=True, editable=False)
    preferred_language = models.CharField(max_length=10, default="en")
    preferred_channel = models.CharField(
        max_length=10, choices=ContactChannel.choices, default=ContactChannel.SMS
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "national_id_country", "national_id_hash"],
                condition=~Q(national_id_hash=""),
                name="patient_national_id_unique_per_organization",
            )
        ]
        # The trigram index on search_name exists on PostgreSQL only (migration 0003).
        indexes = [models.Index(fields=["phone"], name="patient_phone_idx")]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


class ClinicPatient(ClinicScopedModel):
    """A patient as one clinic knows them: chart number, tags, notes, referral source and
    first visit."""

    profile = models.ForeignKey(PatientProfile, on_delete=models.PROTECT, related_name="clinic_links")
    # The profile's search_name, copied here so a clinic's name search reads only its
    # own rows (trigram-indexed on PostgreSQL, migration 0006); services keep it in step.
    search_name = models.CharField(max_length=301, editable=False, default="")
    chart_number = models.CharField(max_length=20)
    tags = models.JSONField(default=list, blank=True)
    notes = EncryptedTextField(blank=True, help_text=_("Free text; encrypted at rest"))
    referral_source = models.CharField(max_length=100, blank=True)
    first_visit_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["clinic", "chart_number"], name="patient_chart_number_unique"),
            models.UniqueConstraint(fields=["clinic", "profile"], name="patient_linked_once_per_clinic"),
        ]
        indexes = [models.Index(fields=["clinic", "-created_at"], name="patient_clinic_recent")]

    def __str__(self) -> str:
        return self.chart_number

    def clean(self) -> None:
        # A clinic reads only its own organization's copy of a person (README "Patient
        # identity"): a chart may not point at another organization's profile.
        if self.clinic_id and self.profile_id and self.clinic.organization_id != self.profile.organization_id:
            raise ValidationError({"profile": _("This profile belongs to another organization.")})


class IdentityLinkRequest(ClinicScopedModel):
    """A clinic's request to join its patient's profile to the identity of the same
    person at other organizations, proven by a one-time code.

    ``codes`` is ``[{"hash": hex, "profiles": [profile id, ...]}]``: one code per phone
    on file at another organization for the same national ID, each sent to that phone
    only; a code joins the profiles holding that phone. Codes are stored as keyed hashes
    (``patients.services``), never in clear. An empty list sent nothing (no profile
    elsewhere), which the requester cannot tell from a code that did not arrive.
    """

    patient = models.ForeignKey(ClinicPatient, on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, null=True, related_name="+")
    codes = models.JSONField(default=list, blank=True)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["clinic", "patient", "-created_at"], name="identity_link_latest")]


class ConsentPurpose(models.TextChoices):
    """What a patient may agree to (LGPD Art. 7 I and 8; PDPA s19): each purpose is
    consented to separately and can be withdrawn at any time (LGPD Art. 8 §5, Art. 18 IX)."""

    TREATMENT = "treatment", _("Treatment")
    CLINICAL_PHOTOS = "clinical_photos", _("Clinical photographs")
    MARKETING_PHOTOS = "marketing_photos", _("Photographs used in marketing")
    MARKETING_MESSAGES = "marketing_messages", _("Marketing messages")
    DATA_SHARING = "data_sharing", _("Sharing data with other clinics")


class ConsentText(ClinicScopedModel):
    """The wording a patient agrees to, versioned per purpose and language. Published
    texts are never edited: a change is a new version."""

    purpose = models.CharField(max_length=30, choices=ConsentPurpose.choices)
    locale = models.CharField(max_length=10)
    version = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    body = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "purpose", "locale", "version"], name="consent_text_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.purpose} v{self.version} ({self.locale})"


class Consent(ClinicScopedModel):
    """One decision of a patient about one purpose: granted or withdrawn. Append-only:
    the current state of a purpose is its newest record."""

    class Decision(models.TextChoices):
        GRANTED = "granted", _("Granted")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Channel(models.TextChoices):
        IN_PERSON = "in_person", _("In person at the clinic")
        PAPER = "paper", _("Signed paper form")
        PORTAL = "portal", _("Patient portal")
        PHONE = "phone", _("Phone call")
        MESSAGE = "message", _("Written message (e-mail, SMS, WhatsApp, LINE)")

    patient = models.ForeignKey(ClinicPatient, on_delete=models.PROTECT, related_name="consents")
    purpose = models.CharField(max_length=30, choices=ConsentPurpose.choices)
    decision = models.CharField(max_length=10, choices=Decision.choices)
    text = models.ForeignKey(ConsentText, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField()
    # Empty when the patient recorded the decision themselves (the patient portal).
    recorded_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    evidence = models.TextField(blank=True, help_text=_("e.g. scanned form reference, message id"))
    ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["clinic", "patient", "purpose", "-decided_at"], name="consent_current")
        ]
