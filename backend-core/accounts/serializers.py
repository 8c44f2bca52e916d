"""Shapes of the accounts API: input serializers check form, output ones render."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import CALENDAR_VIEWS, Clinic, Invite, Membership, ProfessionalLicence, User
from accounts.services.files import user_photo_url
from core.fields import FieldsBuiltOnce
from core.roles import Role

LANGUAGE_CHOICES = settings.LANGUAGE_CODES


class ClinicInputSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=200)
    country = serializers.CharField(min_length=2, max_length=2, help_text="ISO 3166-1 alpha-2")
    time_zone = serializers.CharField(max_length=64, help_text="IANA zone, e.g. Asia/Bangkok")
    locale = serializers.CharField(max_length=10, help_text="BCP 47, e.g. th, pt-BR, ar")
    currency = serializers.CharField(min_length=3, max_length=3, help_text="ISO 4217")
    phone = serializers.CharField(max_length=32, required=False, allow_blank=True)
    address = serializers.CharField(required=False, allow_blank=True)


class ClinicUpdateSerializer(ClinicInputSerializer):
    session_idle_minutes = serializers.IntegerField(
        min_value=1,
        max_value=24 * 60,
        allow_null=True,
        required=False,
        help_text="Minutes without a request after which members' sessions end; null: the "
        "deployment default (15). A member of several clinics gets the strictest.",
    )
    checkin_opens_minutes_before = serializers.IntegerField(
        min_value=0,
        max_value=24 * 60,
        required=False,
        help_text="Minutes before an appointment's start from which the patient can be checked "
        "in (never before the appointment's local day).",
    )
    late_cancellation_hours = serializers.IntegerField(
        min_value=0,
        max_value=14 * 24,
        required=False,
        help_text="A cancellation less than this many hours before the start is flagged late.",
    )
    licence_check = serializers.BooleanField(
        required=False,
        help_text="Clinical acts (starting a session, signing a note, charting, recording products "
        "used) need a verified, unexpired licence of a council of the clinic's country "
        "(409 `licence_required` otherwise). Owners only.",
    )
    portal_published = serializers.BooleanField(
        required=False,
        help_text="The clinic is listed in the patient portal's directory, with its public page "
        "and online booking.",
    )
    city = serializers.CharField(
        max_length=100,
        required=False,
        allow_blank=True,
        help_text="The city the portal's directory is searched by.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["partial"] = True
        super().__init__(*args, **kwargs)


class ClinicSerializer(serializers.ModelSerializer[Clinic]):
    organization = serializers.SerializerMethodField()

    class Meta:
        model = Clinic
        fields = [
            "id",
            "name",
            "slug",
            "organization",
            "country",
            "time_zone",
            "locale",
            "currency",
            "phone",
            "address",
            "is_active",
            "session_idle_minutes",
            "checkin_opens_minutes_before",
            "late_cancellation_hours",
            "licence_check",
            "portal_published",
            "city",
            "created_at",
        ]
        read_only_fields = fields

    def get_organization(self, clinic: Clinic) -> dict[str, str]:
        return {"id": str(clinic.organization_id), "name": clinic.organization.name}


class PhotoUrlMixin(serializers.Serializer[Any]):
    photo_url = serializers.SerializerMethodField(
        help_text="A link to the person's photograph (square WebP) that works for a few minutes; "
        "null when they have none"
    )

    def get_photo_url(self, user: User) -> str | None:
        return user_photo_url(user)


class UserSerializer(FieldsBuiltOnce, PhotoUrlMixin, serializers.ModelSerializer[User]):
    """A staff user: names, mobile number, e-mail, national ID, language, photograph."""

    email = serializers.CharField(read_only=True, help_text="E-mail address, or empty")

    class Meta:
        model = User
        fields = [
            "id",
            "phone",
            "email",
            "given_name",
            "family_name",
            "full_name",
            "national_id",
            "national_id_country",
            "preferred_language",
            "date_joined",
            "photo_url",
        ]
        read_only_fields = fields


class MembershipBriefSerializer(serializers.ModelSerializer[Membership]):
    clinic_id = serializers.UUIDField(source="clinic.id", read_only=True)
    clinic_name = serializers.CharField(source="clinic.name", read_only=True)
    clinic_time_zone = serializers.CharField(
        source="clinic.time_zone",
        read_only=True,
        help_text="The clinic's IANA time zone (e.g. `Asia/Bangkok`): its days, and which one is today.",
    )

    class Meta:
        model = Membership
        fields = ["id", "clinic_id", "clinic_name", "clinic_time_zone", "role"]
        read_only_fields = fields


class TwoFactorStateSerializer(serializers.Serializer[Any]):
    required = serializers.BooleanField()  # type: ignore[assignment]  # a field, not Field.required
    enrolled = serializers.BooleanField()
    verified = serializers.BooleanField()


class MeSerializer(serializers.Serializer[Any]):
    user = UserSerializer()
    memberships = MembershipBriefSerializer(many=True)
    two_factor = TwoFactorStateSerializer()
    permissions = serializers.ListField(
        child=serializers.CharField(),
        help_text="Names of the permissions the user holds in the request's clinic "
        "(`X-Clinic-Id`), from the role matrix, e.g. `stock.manage`; empty without a clinic.",
    )


class MeUpdateSerializer(serializers.Serializer[Any]):
    given_name = serializers.CharField(max_length=150, required=False)
    family_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    preferred_language = serializers.ChoiceField(choices=LANGUAGE_CHOICES, required=False)
    national_id = serializers.CharField(max_length=32, required=False, allow_blank=True)
    national_id_country = serializers.CharField(max_length=2, required=False, allow_blank=True)


class PreferencesSerializer(serializers.Serializer[Any]):
    calendar_practitioners = serializers.ListField(
        child=serializers.UUIDField(),
        required=False,
        max_length=200,
        help_text="Practitioners the calendar shows, in order (this clinic's; empty: all)",
    )
    calendar_view = serializers.ChoiceField(
        choices=list(CALENDAR_VIEWS),
        required=False,
        help_text="day: every chosen practitioner's day; week: their week; practitioner_week: "
        "the first chosen practitioner's week",
    )


class OwnerSerializer(serializers.Serializer[Any]):
    phone = serializers.CharField(max_length=32, help_text="Mobile number with country code")
    password = serializers.CharField(write_only=True, style={"input_type": "password"})
    given_name = serializers.CharField(max_length=150)
    family_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    preferred_language = serializers.ChoiceField(choices=LANGUAGE_CHOICES, required=False)


class SignupSerializer(serializers.Serializer[Any]):
    organization_name = serializers.CharField(max_length=200)
    clinic = ClinicInputSerializer()
    owner = OwnerSerializer()


class LoginSerializer(serializers.Serializer[Any]):
    phone = serializers.CharField(max_length=32)
    password = serializers.CharField(max_length=256, style={"input_type": "password"})
    otp_code = serializers.RegexField(r"^\d{6,8}$", required=False, allow_blank=True)


class TokenResponseSerializer(serializers.Serializer[Any]):
    access = serializers.CharField(help_text="JWT access token; send as `Authorization: Bearer`")
    access_expires_at = serializers.DateTimeField()
    user = UserSerializer()
    two_factor = TwoFactorStateSerializer()


class SignupResponseSerializer(TokenResponseSerializer):
    organization_id = serializers.UUIDField()
    clinic = ClinicSerializer()


class TotpEnrollmentSerializer(serializers.Serializer[Any]):
    config_url = serializers.CharField(help_text="otpauth:// URL to show as a QR code")
    secret = serializers.CharField(help_text="Base32 secret for manual entry")


class TotpConfirmSerializer(serializers.Serializer[Any]):
    code = serializers.RegexField(r"^\d{6,8}$")


class PasswordChangeSerializer(serializers.Serializer[Any]):
    current_password = serializers.CharField(max_length=256, style={"input_type": "password"})
    new_password = serializers.CharField(max_length=256, style={"input_type": "password"})


class PasswordResetRequestSerializer(serializers.Serializer[Any]):
    phone = serializers.CharField(max_length=32)


class PasswordResetConfirmSerializer(serializers.Serializer[Any]):
    phone = serializers.CharField(max_length=32)
    code = serializers.RegexField(r"^\d{6}$")
    new_password = serializers.CharField(max_length=256, style={"input_type": "password"})


class ColleagueSerializer(PhotoUrlMixin, serializers.ModelSerializer[User]):
    """A staff member as their colleagues see them: names and work contacts. Not their
    national ID, which only the person reads (``users/me``)."""

    email = serializers.CharField(read_only=True, help_text="E-mail address, or empty")

    class Meta:
        model = User
        fields = [
            "id",
            "phone",
            "email",
            "given_name",
            "family_name",
            "full_name",
            "preferred_language",
            "photo_url",
        ]
        read_only_fields = fields


class StaffSerializer(serializers.ModelSerializer[Membership]):
    user = ColleagueSerializer(read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "user", "role", "is_active", "specialty", "bio", "calendar_colour", "created_at"]
        read_only_fields = fields


class StaffUpdateSerializer(serializers.Serializer[Any]):
    role = serializers.ChoiceField(choices=Role.choices, required=False)
    is_active = serializers.BooleanField(required=False)
    specialty = serializers.CharField(max_length=120, required=False, allow_blank=True)
    bio = serializers.CharField(max_length=1000, required=False, allow_blank=True)
    calendar_colour = serializers.CharField(
        max_length=7, required=False, allow_blank=True, help_text="#RRGGBB; empty: the calendar's default"
    )


class InviteCreateSerializer(serializers.Serializer[Any]):
    phone = serializers.CharField(max_length=32)
    role = serializers.ChoiceField(choices=Role.choices)
    email = serializers.EmailField(required=False, allow_blank=True)


class InviteSerializer(serializers.ModelSerializer[Invite]):
    status = serializers.CharField(read_only=True)
    email = serializers.CharField(read_only=True, help_text="E-mail address, or empty")
    invited_by = serializers.CharField(source="invited_by.full_name", read_only=True)

    class Meta:
        model = Invite
        fields = [
            "id",
            "phone",
            "email",
            "role",
            "status",
            "expires_at",
            "sent_at",
            "accepted_at",
            "invited_by",
            "created_at",
        ]
        read_only_fields = fields


class InviteCreatedSerializer(InviteSerializer):
    accept_url = serializers.CharField(read_only=True, help_text="Shown once; also sent by SMS")

    class Meta(InviteSerializer.Meta):
        fields = [*InviteSerializer.Meta.fields, "accept_url"]
        read_only_fields = fields


class InvitePreviewQuerySerializer(serializers.Serializer[Any]):
    token = serializers.CharField(max_length=128, help_text="The invite link's token")


class InvitePreviewSerializer(serializers.Serializer[Any]):
    clinic_name = serializers.CharField()
    role = serializers.ChoiceField(choices=Role.choices)
    phone_masked = serializers.CharField(help_text="The invited mobile number, masked (081-XXX-0101)")
    expires_at = serializers.DateTimeField()
    account_exists = serializers.BooleanField(help_text="That number has an account: sign in, then accept")


class InviteAcceptSerializer(serializers.Serializer[Any]):
    token = serializers.CharField(max_length=128)
    password = serializers.CharField(required=False, allow_blank=True, style={"input_type": "password"})
    given_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    family_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)


EVIDENCE_FIELDS = ["has_evidence", "evidence_content_type", "evidence_uploaded_at"]


class EvidenceMixin(serializers.Serializer[Any]):
    has_evidence = serializers.SerializerMethodField(help_text="An evidence document is on file")

    def get_has_evidence(self, licence: ProfessionalLicence) -> bool:
        return bool(licence.evidence_key)


class LicenceSerializer(EvidenceMixin, serializers.ModelSerializer[ProfessionalLicence]):
    class Meta:
        model = ProfessionalLicence
        fields = [
            "id",
            "council",
            "number",
            "region",
            "specialty",
            "valid_until",
            "status",
            "created_at",
            *EVIDENCE_FIELDS,
        ]
        read_only_fields = ["id", "status", "created_at", *EVIDENCE_FIELDS]
        validators: list[Any] = []  # uniqueness is the service's rule (and the database's)


class LicenceMemberSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    full_name = serializers.CharField()
    role = serializers.ChoiceField(choices=Role.choices, help_text="Their role at this clinic")


class ClinicLicenceSerializer(EvidenceMixin, serializers.ModelSerializer[ProfessionalLicence]):
    """A practitioner's licence as the clinic's owners and admins review it."""

    member = serializers.SerializerMethodField()
    expires_in_days = serializers.SerializerMethodField(
        help_text="Days from the clinic's today to `valid_until` (negative: expired); null without one"
    )
    verified_by = serializers.CharField(source="verified_by.full_name", default="", read_only=True)

    class Meta:
        model = ProfessionalLicence
        fields = [
            "id",
            "member",
            "council",
            "number",
            "region",
            "specialty",
            "valid_until",
            "expires_in_days",
            "status",
            "verified_at",
            "verified_by",
            "verification_note",
            "registry_reference",
            "created_at",
            *EVIDENCE_FIELDS,
        ]
        read_only_fields = fields

    @extend_schema_field(LicenceMemberSerializer)
    def get_member(self, licence: ProfessionalLicence) -> dict[str, Any]:
        return {
            "id": licence.user_id,
            "full_name": licence.user.full_name,
            "role": getattr(licence, "member_role", None) or "",
        }

    def get_expires_in_days(self, licence: ProfessionalLicence) -> int | None:
        if licence.valid_until is None:
            return None
        return (licence.valid_until - self.context["today"]).days


class LicenceListQuerySerializer(serializers.Serializer[Any]):
    expiring_within_days = serializers.IntegerField(
        min_value=0,
        max_value=3650,
        required=False,
        help_text="Only licences whose `valid_until` is at most this many days after the clinic's "
        "today (already expired ones included)",
    )


class LicenceVerifySerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(
        choices=[ProfessionalLicence.Status.VERIFIED, ProfessionalLicence.Status.REJECTED]
    )
    note = serializers.CharField(
        max_length=1000, help_text="How the licence was checked (register looked up, document seen, when)"
    )


class FileUploadSerializer(serializers.Serializer[Any]):
    """``multipart/form-data`` with one ``file``."""

    file = serializers.FileField(allow_empty_file=False)


class FileLinkSerializer(serializers.Serializer[Any]):
    url = serializers.CharField(help_text="Download link; it stops working at `expires_at`")
    content_type = serializers.CharField(help_text="application/pdf, image/jpeg, image/png or image/webp")
    expires_at = serializers.DateTimeField()
