from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Platform operators read every clinic's audit trail (the crossing is explicit);
    nobody adds, edits or deletes events here: the trail is append-only."""

    list_display = ["occurred_at", "clinic", "sequence", "action", "object_type", "object_id", "actor"]
    list_filter = ["action"]
    search_fields = ["object_id", "request_id"]
    list_select_related = ["clinic", "actor"]
    ordering = ["-occurred_at"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[AuditEvent]:
        return AuditEvent.unscoped.select_related("clinic", "actor")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
