"""HTTP API of the notifications context: a clinic's own wording of its messages, and
the log of every message it sent or tried.

``/api/v1/notifications/message-templates`` — the messages a clinic may word (list),
save a wording (POST), go back to ours (DELETE ``/{id}``), and a preview with sample
values (POST ``/preview``). Managers only (``clinic.manage``).

``/api/v1/notifications/messages`` — the messages log (list, filters, newest first) and
``POST /{id}/retry`` for a failed one. Owners, admins and receptionists
(``notification.view``, ``notification.retry``).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from core.api import ClinicScopedViewSet, validated_body
from core.dates import local_days_span
from notifications import selectors, serializers, services, wording
from notifications.models import MessageTemplate, Notification


class MessageTemplateViewSet(mixins.DestroyModelMixin, ClinicScopedViewSet[MessageTemplate]):
    """The clinic's wording of the messages it sends patients (reminders, receipts,
    invoices), by channel and language. Placeholders such as ``{patient_name}`` are
    filled when a message is sent; a language without the clinic's text goes out in ours."""

    model = MessageTemplate
    serializer_class = serializers.CustomWordingSerializer
    required_permissions = {
        "list": "clinic.manage",
        "create": "clinic.manage",
        "destroy": "clinic.manage",
        "preview": "clinic.manage",
    }
    pagination_class = None

    @extend_schema(responses={200: serializers.CatalogueEntrySerializer(many=True)})
    def list(self, request: Request) -> Response:
        """Every message the clinic may word: key, channel and language (about 40 rows,
        not paged), each with our text, its placeholders and the clinic's text if any."""
        entries = selectors.message_template_catalogue()
        return Response(serializers.CatalogueEntrySerializer(entries, many=True).data)

    @extend_schema(
        request=serializers.WordingInputSerializer, responses={200: serializers.CustomWordingSerializer}
    )
    def create(self, request: Request) -> Response:
        """Save the clinic's text of ``key`` by ``channel`` in ``language`` (created or
        replaced: saving twice is the same as once). 400 names ``key``, ``channel``,
        ``language``, ``subject`` (e-mail only, required there) or ``body`` (empty,
        braces that do not pair, an unknown or missing placeholder)."""
        values = validated_body(serializers.WordingInputSerializer, request.data)
        row = wording.message_template_set(clinic=self.clinic, actor=self.actor, **values)
        return Response(serializers.CustomWordingSerializer(row).data)

    def destroy(self, request: Request, pk: str | None = None) -> Response:
        """Delete the clinic's text: ours is sent again. 404 for another clinic's."""
        wording.message_template_reset(clinic=self.clinic, actor=self.actor, template=self.get_object())
        return Response(status=204)

    @extend_schema(request=serializers.PreviewInputSerializer, responses={200: serializers.PreviewSerializer})
    @action(detail=False, methods=["post"])
    def preview(self, request: Request) -> Response:
        """``subject`` and ``body`` (ours when both are empty) filled with sample values
        in the language, the clinic's currency, time zone and phone, and the SMS the body
        is billed as (``sms.segments``). Writes nothing; 400 as saving."""
        values = validated_body(serializers.PreviewInputSerializer, request.data)
        result = wording.message_template_preview(clinic=self.clinic, **values)
        return Response(serializers.PreviewSerializer(result).data)


class MessageLogViewSet(mixins.ListModelMixin, ClinicScopedViewSet[Notification]):
    """Every message the clinic sent or tried (reminders, receipts, invoices), newest
    first, paginated. Filters: ``channel``, ``status``, ``template`` (a key, or a prefix
    ending in a dot), ``patient`` (the clinic's patient id), ``date_from``/``date_to``
    (the clinic's local days, inclusive, on when the message was created). A bad filter
    is a 400 naming it. Recipients are masked; times are UTC."""

    model = Notification
    serializer_class = serializers.MessageLogSerializer
    required_permissions = {"list": "notification.view", "retry": "notification.retry"}

    def get_base_queryset(self) -> QuerySet[Notification]:
        if self.action != "list":
            return Notification.objects.all()
        query = validated_body(serializers.MessageLogQuerySerializer, self.request.query_params)
        created_from, created_to = local_days_span(
            query.get("date_from"), query.get("date_to"), zone=self.clinic.time_zone
        )
        return selectors.notification_log(
            channel=query.get("channel", ""),
            status=query.get("status", ""),
            template=query.get("template", ""),
            patient_id=query.get("patient"),
            created_from=created_from,
            created_to=created_to,
        )

    @extend_schema(parameters=[serializers.MessageLogQuerySerializer])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(request=None, responses={202: serializers.MessageLogSerializer})
    @action(detail=True, methods=["post"])
    def retry(self, request: Request, pk: str | None = None) -> Response:
        """Send a failed message again through the normal delivery (a queued task); 202
        with the message, now ``scheduled``. 409 naming its status when it is not
        ``failed`` (already queued, sending, sent or cancelled: a second click changes
        nothing); 404 for another clinic's message. Audited ``notification.retried``."""
        notification = services.notification_retry(notification=self.get_object(), actor=self.actor)
        return Response(self.get_serializer(notification).data, status=202)
