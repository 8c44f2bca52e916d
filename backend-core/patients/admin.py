from django.contrib import admin

from patients.models import ClinicPatient, PatientProfile


@admin.register(PatientProfile)
class PatientProfileAdmin(admin.ModelAdmin):
    list_display = ["given_name", "family_name", "birth_date", "national_id_country", "organization"]
    search_fields = ["given_name", "family_name"]
    # Set by patient_register only, which validates it and keeps its blind index in step;
    # the identity only by a link the person proved (patient_identity_link_confirm).
    readonly_fields = ["national_id", "national_id_country", "organization", "identity"]


@admin.register(ClinicPatient)
class ClinicPatientAdmin(admin.ModelAdmin):
    """Platform operators see every clinic's patients: the crossing is explicit."""

    list_display = ["chart_number", "profile", "clinic"]

    def get_queryset(self, request):
        return ClinicPatient.unscoped.select_related("clinic", "profile")
