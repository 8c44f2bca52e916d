from django.contrib import admin

from catalog.models import Service


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    """Platform operators see every clinic's catalog: the crossing is explicit."""

    list_display = ["name", "clinic", "category", "price", "currency", "duration_minutes", "is_active"]
    list_filter = ["category", "is_active"]

    def get_queryset(self, request):
        return Service.unscoped.select_related("clinic")
