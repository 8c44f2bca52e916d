"""Staff roles in a clinic and the role groups that rules refer to."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    ADMIN = "admin", _("Administrator")
    DOCTOR = "doctor", _("Doctor")
    NURSE = "nurse", _("Nurse")
    THERAPIST = "therapist", _("Therapist")
    RECEPTIONIST = "receptionist", _("Receptionist")
    CASHIER = "cashier", _("Cashier")
    ACCOUNTANT = "accountant", _("Accountant")
    ASSISTANT = "assistant", _("Assistant")


ALL_ROLES = frozenset(Role)
MANAGERS = frozenset({Role.OWNER, Role.ADMIN})
CLINICAL_ROLES = frozenset({Role.DOCTOR, Role.NURSE, Role.THERAPIST, Role.ASSISTANT})
# Roles that read and write clinical content (notes, sessions, plans, photos, face
# charts): the professionals who treat the patient. Assistants book and help but are not
# licensed to keep the record; managers run the clinic, not the chart (a doctor who also
# runs the clinic treats patients under the doctor role). See core/permissions.py.
CLINICAL_RECORD_ROLES = frozenset({Role.DOCTOR, Role.NURSE, Role.THERAPIST})
# Roles that must sign in with a second factor (TOTP): they read and write clinical
# records, or can change who reaches them.
TWO_FACTOR_ROLES = MANAGERS | CLINICAL_RECORD_ROLES
