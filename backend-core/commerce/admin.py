from django.contrib import admin

from commerce.models import Service


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Platform operators see every clinic's catalog: the crossing is explicit."""

    list_display = ["name", "clinic", "category", "price", "currency", "duration_minutes", "is_active"]
    list_filter = ["category", "is_active"]

    def get_queryset(self, request):  # type: ignore[no-untyped-def]
        return Service.unscoped.select_related("clinic")
