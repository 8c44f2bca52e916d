"""Shapes of the patients API. Personal data renders through ``PDPAMaskingField``."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework import serializers

from core.fields import FieldsBuiltOnce
from core.masking import PDPAMaskingField
from patients.models import (
    ClinicPatient,
    Consent,
    ConsentPurpose,
    ConsentText,
    ContactChannel,
    PatientProfile,
)

LANGUAGES = settings.LANGUAGE_CODES


class PatientSerializer(FieldsBuiltOnce, serializers.ModelSerializer[ClinicPatient]):
    """A patient of the clinic as staff read them: contact and identity data masked by
    the reader's role (``core.masking.FULL_VIEW``), phones in the clinic's national form."""

    given_name = serializers.CharField(source="profile.given_name", read_only=True)
    family_name = serializers.CharField(source="profile.family_name", read_only=True)
    birth_date = serializers.DateField(source="profile.birth_date", read_only=True)
    sex = serializers.ChoiceField(choices=PatientProfile.Sex.choices, source="profile.sex", read_only=True)
    phone = PDPAMaskingField(kind="phone", source="profile.phone")
    phone_alt = PDPAMaskingField(kind="phone", source="profile.phone_alt")
    email = PDPAMaskingField(kind="email", source="profile.email")
    address = PDPAMaskingField(kind="address", source="profile.address")
    national_id = PDPAMaskingField(kind="national_id", source="profile.national_id")
    national_id_country = serializers.CharField(source="profile.national_id_country", read_only=True)
    preferred_language = serializers.ChoiceField(
        choices=LANGUAGES, source="profile.preferred_language", read_only=True
    )
    preferred_channel = serializers.ChoiceField(
        choices=ContactChannel.choices, source="profile.preferred_channel", read_only=True
    )
    identity_linked = serializers.SerializerMethodField(
        help_text="Joined, by the person's own code, to their records at other organizations"
    )

    class Meta:
        model = ClinicPatient
        fields = [
            "id",
            "chart_number",
            "given_name",
            "family_name",
            "birth_date",
            "sex",
            "phone",
            "phone_alt",
            "email",
            "address",
            "national_id",
            "national_id_country",
            "preferred_language",
            "preferred_channel",
            "tags",
            "notes",
            "referral_source",
            "first_visit_on",
            "identity_linked",
            "created_at",
        ]
        read_only_fields = fields

    def get_identity_linked(self, patient: ClinicPatient) -> bool:
        return patient.profile.identity_id is not None


class _PatientInput(serializers.Serializer[Any]):
    given_name = serializers.CharField(max_length=150)
    family_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    birth_date = serializers.DateField()
    sex = serializers.ChoiceField(choices=PatientProfile.Sex.choices, required=False)
    phone = serializers.CharField(
        max_length=32, help_text="Mobile number; local form of the clinic's country works"
    )
    phone_alt = serializers.CharField(max_length=32, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    address = serializers.CharField(required=False, allow_blank=True, max_length=500)
    preferred_language = serializers.ChoiceField(choices=LANGUAGES, required=False)
    preferred_channel = serializers.ChoiceField(choices=ContactChannel.choices, required=False)
    tags = serializers.ListField(child=serializers.CharField(max_length=40), required=False, max_length=30)
    notes = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    referral_source = serializers.CharField(max_length=100, required=False, allow_blank=True)
    first_visit_on = serializers.DateField(required=False, allow_null=True)


class ConsentInputSerializer(serializers.Serializer[Any]):
    purpose = serializers.ChoiceField(choices=ConsentPurpose.choices)
    decision = serializers.ChoiceField(choices=Consent.Decision.choices)
    channel = serializers.ChoiceField(choices=Consent.Channel.choices)
    evidence = serializers.CharField(required=False, allow_blank=True, max_length=2000)
    text_id = serializers.UUIDField(
        required=False, help_text="The text agreed to; default: newest in the patient's language"
    )


class PatientRegisterSerializer(_PatientInput):
    consents = serializers.ListField(
        child=ConsentInputSerializer(),
        required=False,
        max_length=len(ConsentPurpose.values),
        help_text="Consent decisions taken in the same step, one per purpose; all or nothing",
    )
    national_id = serializers.CharField(max_length=32, required=False, allow_blank=True)
    national_id_country = serializers.CharField(
        min_length=2,
        max_length=2,
        required=False,
        allow_blank=True,
        help_text="Default: the clinic's country",
    )


class PatientUpdateSerializer(_PatientInput):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["partial"] = True
        super().__init__(*args, **kwargs)


class IdentityLinkRequestSerializer(serializers.Serializer[Any]):
    expires_at = serializers.DateTimeField(help_text="When the codes sent, if any, stop working")


class IdentityLinkConfirmSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(max_length=12, help_text="The code the patient received")


class ConsentTextSerializer(serializers.ModelSerializer[ConsentText]):
    class Meta:
        model = ConsentText
        fields = ["id", "purpose", "locale", "version", "title", "body", "created_at"]
        read_only_fields = fields


class ConsentTextInputSerializer(serializers.Serializer[Any]):
    purpose = serializers.ChoiceField(choices=ConsentPurpose.choices)
    locale = serializers.ChoiceField(choices=LANGUAGES)
    title = serializers.CharField(max_length=200)
    body = serializers.CharField(max_length=20000)


class ConsentSerializer(serializers.ModelSerializer[Consent]):
    text_version = serializers.IntegerField(source="text.version", read_only=True, allow_null=True)
    recorded_by = serializers.CharField(source="recorded_by.full_name", read_only=True, allow_null=True)

    class Meta:
        model = Consent
        fields = [
            "id",
            "purpose",
            "decision",
            "decided_at",
            "channel",
            "evidence",
            "text_version",
            "recorded_by",
        ]
        read_only_fields = fields


class ConsentStateSerializer(serializers.Serializer[Any]):
    current = serializers.DictField(
        child=ConsentSerializer(allow_null=True), help_text="Newest decision per purpose (null: never asked)"
    )
    history = ConsentSerializer(many=True)


class PatientEnrolSerializer(serializers.Serializer[Any]):
    profile = serializers.UUIDField(help_text="`profile` of a match known at a sibling clinic")
    referral_source = serializers.CharField(max_length=100, required=False, allow_blank=True)
    consents = serializers.ListField(
        child=ConsentInputSerializer(), required=False, max_length=len(ConsentPurpose.values)
    )


class PatientMatchQuerySerializer(serializers.Serializer[Any]):
    phone = serializers.CharField(max_length=32, required=False, allow_blank=True)
    national_id = serializers.CharField(max_length=32, required=False, allow_blank=True)
    national_id_country = serializers.CharField(
        min_length=2,
        max_length=2,
        required=False,
        allow_blank=True,
        help_text="Default: the clinic's country",
    )


class PatientMatchSerializer(serializers.Serializer[Any]):
    """A possible duplicate; personal data masked by the caller's role."""

    profile = serializers.UUIDField(source="profile.pk")
    patient = serializers.UUIDField(
        source="patient.pk",
        allow_null=True,
        help_text="This clinic's chart of the person; null: not a patient here",
    )
    chart_number = serializers.CharField(source="patient.chart_number", allow_null=True)
    given_name = serializers.CharField(source="profile.given_name")
    family_name = serializers.CharField(source="profile.family_name")
    birth_date = serializers.DateField(source="profile.birth_date")
    phone = PDPAMaskingField(kind="phone", source="profile.phone")
    national_id = PDPAMaskingField(kind="national_id", source="profile.national_id")
    clinics = serializers.ListField(
        child=serializers.CharField(), help_text="The organization's other clinics where they are a patient"
    )
    matched_on = serializers.ListField(child=serializers.ChoiceField(choices=["phone", "national_id"]))
