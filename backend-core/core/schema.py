"""OpenAPI generation: the clinic header and the problem-details error responses."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from drf_spectacular import openapi
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from core.exceptions import NotFound

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "RFC 9457 problem details.",
    "required": ["type", "title", "status", "detail", "code"],
    "properties": {
        "type": {"type": "string", "example": "urn:aesthetix:problem:validation_error"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "code": {"type": "string", "description": "Stable machine-readable error code"},
        "instance": {"type": "string"},
        "request_id": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field", "pointer", "detail"],
                "properties": {
                    "field": {"type": "string"},
                    "pointer": {"type": "string", "description": "JSON pointer into the request body"},
                    "detail": {"type": "string"},
                },
            },
        },
    },
}

ERROR_STATUSES = {
    "400": "Invalid input: `errors` names each field.",
    "401": "Not signed in, or the token is invalid or revoked.",
    "403": "The role does not allow this, or two-factor authentication is required.",
    "404": "No such record in this clinic (another clinic's records answer 404 too).",
    "405": "Method not allowed.",
    "409": "Conflicts with the current state.",
    "410": "Gone (expired, revoked or used).",
    "415": "Unsupported media type: send `application/json`.",
    "429": "Too many requests; see `Retry-After`.",
}


def add_problem_responses(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """drf-spectacular ``POSTPROCESSING_HOOKS`` entry: adds ``ProblemDetails`` and the
    error responses to every operation that does not describe them itself."""
    result.setdefault("components", {}).setdefault("schemas", {})["ProblemDetails"] = PROBLEM_SCHEMA
    problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}}
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            for status, description in ERROR_STATUSES.items():
                responses.setdefault(status, {"description": description, "content": problem})
    return result


def _event_component_name(event_type: str) -> str:
    """``appointment.created`` → ``AppointmentCreatedEvent``;
    ``com.aesthetix.course_balance.deducted`` → ``CourseBalanceDeductedEvent``."""
    words = event_type.removeprefix("com.aesthetix.").replace("_", ".").split(".")
    return "".join(word.capitalize() for word in words) + "Event"


def _envelope_schema(event_type: str, data_ref: dict[str, str]) -> dict[str, Any]:
    text, uuid = {"type": "string"}, {"type": "string", "format": "uuid"}
    return {
        "type": "object",
        "description": f"The ``{event_type}`` event as the clinic's socket and Kafka carry it.",
        "required": [
            "specversion",
            "id",
            "type",
            "source",
            "subject",
            "time",
            "datacontenttype",
            "sequence",
            "clinic",
            "clinicid",
            "data",
        ],
        "properties": {
            "specversion": {"type": "string", "enum": ["1.0"]},
            "id": {**uuid, "description": "Unique per event: de-duplicate by it"},
            "type": {"type": "string", "enum": [event_type]},
            "source": text,
            "subject": {**text, "description": "What it is about, e.g. appointment/<uuid>"},
            "time": {"type": "string", "format": "date-time"},
            "datacontenttype": {"type": "string", "enum": ["application/json"]},
            "sequence": {**text, "description": "Order of recording (the outbox key), as a string"},
            "clinic": uuid,
            "clinicid": {**uuid, "description": "The same as clinic (older Kafka consumers read it)"},
            "data": data_ref,
        },
    }


def add_event_components(result: dict[str, Any], generator: Any, **kwargs: Any) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: the live events as components, so the front
    end's types are generated like the REST ones. Per event type ``<Type>Event`` (the
    CloudEvents envelope of ``outbox.models.OutboxEvent.envelope``, ``type`` a single
    value) with its ``data`` from the serializer declared in the app's ``events`` module
    (``core.realtime.event_data_serializers``), and ``RealtimeEvent``: any of them,
    discriminated by ``type``. Adds components only; paths are untouched."""
    from core.realtime import event_data_serializers

    schema = AutoSchema()
    schema.registry = generator.registry
    # A serializer resolved outside any operation: a response, of no view or request.
    schema.method, schema.view = "GET", APIView(request=None)
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    envelopes: dict[str, str] = {}
    for event_type, serializer in sorted(event_data_serializers().items()):
        data = schema.resolve_serializer(serializer, "response")
        name = _event_component_name(event_type)
        schemas[name] = _envelope_schema(event_type, data.ref)
        envelopes[event_type] = f"#/components/schemas/{name}"
    for name, component in generator.registry.build({}).get("schemas", {}).items():
        schemas.setdefault(name, component)
    schemas["RealtimeEvent"] = {
        "description": "A live event of the clinic (WebSocket /ws/clinic/), one of the types.",
        "oneOf": [{"$ref": ref} for ref in envelopes.values()],
        "discriminator": {"propertyName": "type", "mapping": envelopes},
    }
    return result


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's schema, plus the ``X-Clinic-Id`` header on every operation of a
    ``ClinicScopedViewSet`` (required there; the 404/400 it causes are documented)."""

    def get_override_parameters(self) -> list[Any]:
        from core.api import ClinicScopedViewSet

        parameters = list(super().get_override_parameters())
        if isinstance(self.view, ClinicScopedViewSet):
            parameters.append(
                OpenApiParameter(
                    "X-Clinic-Id",
                    OpenApiTypes.UUID,
                    OpenApiParameter.HEADER,
                    required=True,
                    description="The clinic to act in; the caller must be an active member.",
                )
            )
        return parameters


class ApiDocsPublic(BasePermission):
    """The schema and Swagger UI are served only while ``API_DOCS_PUBLIC`` is set;
    otherwise they answer 404, as an address that does not exist."""

    def has_permission(self, request: Request, view: APIView) -> bool:
        if not settings.API_DOCS_PUBLIC:
            raise NotFound()
        return True
