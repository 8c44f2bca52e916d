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
