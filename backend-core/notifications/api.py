"""HTTP API of the notifications context: a clinic's own wording of its messages.

``/api/v1/notifications/message-templates`` — the messages a clinic may word (list),
save a wording (POST), go back to ours (DELETE ``/{id}``), and a preview with sample
values (POST ``/preview``). Managers only (``clinic.manage``).
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import mixins
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from core.api import ClinicScopedViewSet, validated_body
from notifications import selectors, serializers, wording
from notifications.models import MessageTemplate


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
