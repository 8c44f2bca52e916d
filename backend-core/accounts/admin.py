from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from accounts.models import Clinic, Invite, Membership, Organization, ProfessionalLicence, User
from accounts.services import user_deactivate, user_sessions_end


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["phone"]
    list_display = ["phone", "given_name", "family_name", "email", "is_active", "is_staff"]
    search_fields = ["phone", "given_name", "family_name", "email"]
    fieldsets = (
        (None, {"fields": ("phone", "password")}),
        (
            "Person",
            {
                "fields": (
                    "given_name",
                    "family_name",
                    "email",
                    "national_id",
                    "national_id_country",
                    "preferred_language",
                )
            },
        ),
        ("Platform", {"fields": ("is_active", "is_staff", "is_superuser", "last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("phone", "given_name", "password1", "password2")}),
    )
    filter_horizontal = ()
    list_filter = ["is_active", "is_staff"]
    # Changed through user_update only, which validates it and keeps its blind index in step.
    readonly_fields = ["national_id", "national_id_country"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "is_active" in form.changed_data and not obj.is_active:
            user_deactivate(user=obj)  # ends every session of the account


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "created_at"]
    search_fields = ["name", "slug"]


@admin.register(Clinic)
class ClinicAdmin(admin.ModelAdmin):
    list_display = ["name", "organization", "country", "time_zone", "currency", "is_active"]
    list_filter = ["country", "is_active"]
    search_fields = ["name", "slug"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "clinic", "role", "is_active"]
    list_filter = ["role", "is_active"]
    list_select_related = ["user", "clinic"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and {"role", "is_active"} & set(form.changed_data):
            # As accounts.services.membership_update: a changed or removed role ends sessions.
            user_sessions_end(user=obj.user, reason="membership_ended")


@admin.register(ProfessionalLicence)
class ProfessionalLicenceAdmin(admin.ModelAdmin):
    list_display = ["user", "council", "region", "number", "valid_until", "status"]
    list_filter = ["council", "status"]


@admin.register(Invite)
class InviteAdmin(admin.ModelAdmin):
    """Platform operators see every clinic's invites: the crossing is explicit."""

    list_display = ["phone", "clinic", "role", "expires_at", "accepted_at", "revoked_at"]
    exclude = ["token_hash"]

    def get_queryset(self, request):
        return Invite.unscoped.select_related("clinic")
