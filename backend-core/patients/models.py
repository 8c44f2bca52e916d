"""Patients: one global profile per person, linked to each clinic that treats them."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import ClinicScopedModel, TimeStampedModel, UUIDModel


class PatientProfile(UUIDModel, TimeStampedModel):
    """Demographics of a person, shared by the clinics they are registered at.

    The national ID is unique per issuing country, so a patient registering at a second
    clinic is linked to the existing profile instead of being duplicated.
    """

    class Sex(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")
        OTHER = "other", _("Other")
        UNKNOWN = "unknown", _("Unknown")

    given_name = models.CharField(max_length=150)
    family_name = models.CharField(max_length=150, blank=True)
    birth_date = models.DateField()
    sex = models.CharField(max_length=10, choices=Sex.choices, default=Sex.UNKNOWN)
    phone = models.CharField(max_length=16, help_text=_("E.164"))
    email = models.EmailField(blank=True)
    national_id = models.CharField(max_length=20, blank=True)
    national_id_country = models.CharField(max_length=2, blank=True)
    preferred_language = models.CharField(max_length=10, default="en")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["national_id_country", "national_id"],
                condition=~Q(national_id=""),
                name="patient_national_id_unique_per_country",
            )
        ]

    def __str__(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


class ClinicPatient(ClinicScopedModel):
    """A patient as one clinic knows them: its chart number, tags and notes."""

    profile = models.ForeignKey(PatientProfile, on_delete=models.PROTECT, related_name="clinic_links")
    chart_number = models.CharField(max_length=20)
    tags = models.JSONField(default=list, blank=True)
    referral_source = models.CharField(max_length=100, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["clinic", "chart_number"], name="patient_chart_number_unique"),
            models.UniqueConstraint(fields=["clinic", "profile"], name="patient_linked_once_per_clinic"),
        ]

    def __str__(self) -> str:
        return self.chart_number
