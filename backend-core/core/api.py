"""The one clinic-scoped base class for tenant API views.

``ClinicScopedViewSet`` owns authentication, the membership and role check, and the
queryset scoping. Subclasses describe *what* they serve through hooks:

* ``model``: the model served (used for the schema and the cross-tenant test).
* ``required_permissions``: ``{action: permission}`` from ``core.permissions.PERMISSIONS``;
  an action left out is refused.
* ``get_base_queryset()``: the rows before scoping (select/prefetch related here).
* ``tenant_scope``: ``"clinic"`` (default; filter ``<clinic_field>=request.clinic``) or
  ``"organization"`` (filter ``<organization_field>=request.clinic.organization``).

``get_queryset``/``get_object``/``get_permissions``/``check_permissions``/
``permission_classes`` cannot be overridden:
defining them in a subclass raises ``TypeError`` at import time, so a view cannot drop the
scoping by accident. Objects outside the scope answer 404.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, Literal, TypeVar, cast, overload

from django.db.models import Model, Q, QuerySet
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.viewsets import GenericViewSet

from core.exceptions import ValidationFailed
from core.fields import NOT_IN_CLINIC
from core.models import ClinicScopedManager
from core.permissions import ClinicRolePermission
from core.prepared import PreparedQuery
from core.tenancy import get_current_clinic

if TYPE_CHECKING:
    from accounts.models import User

_MT = TypeVar("_MT", bound=Model)

_SEALED = (
    "get_queryset",
    "get_object",
    "get_permissions",
    "check_permissions",
    "permission_classes",
)


class ClinicRequired(ValidationFailed):
    code = "clinic_required"
    default_detail = _("Send the X-Clinic-Id header naming one of your clinics.")


@overload
def clinic_row_or_400(model: type[_MT], pk: uuid.UUID | str | int, field: str) -> _MT: ...


@overload
def clinic_row_or_400(model: type[_MT], pk: None, field: str) -> None: ...


def clinic_row_or_400(model: type[_MT], pk: Any, field: str) -> _MT | None:
    """The current clinic's ``model`` row ``pk`` (``None`` for no id), or a 400 naming
    ``field``: a reference in a request body to another clinic's row reads as unknown,
    never as forbidden. The serializer form is ``core.fields.ClinicRowField``."""
    if pk is None:
        return None
    clinic = get_current_clinic()
    if (
        clinic is not None
        and isinstance(pk, uuid.UUID)
        and isinstance(model._default_manager, ClinicScopedManager)
    ):
        row = _row_in_clinic(model, clinic_id=clinic.pk, pk=pk)
        if row is not None:
            row.clinic = clinic  # type: ignore[attr-defined]  # the request's clinic: not read again
    else:
        row = model._default_manager.filter(pk=pk).first()
    if row is None:
        raise ValidationFailed(errors={field: [str(NOT_IN_CLINIC)]})
    return row


# One lookup by id per clinic-scoped model, compiled once per process (core.prepared):
# request bodies name rows by id, and compiling the lookup cost more than running it.
_ROW_IN_CLINIC: dict[type[Model], PreparedQuery] = {}


def _row_query(model: type[_MT], *, clinic_id: uuid.UUID, pk: uuid.UUID) -> QuerySet[_MT]:
    return model.unscoped.filter(clinic_id=clinic_id, pk=pk)[:1]  # type: ignore[attr-defined]


def _row_in_clinic(model: type[_MT], *, clinic_id: uuid.UUID, pk: uuid.UUID) -> _MT | None:
    prepared = _ROW_IN_CLINIC.get(model)
    if prepared is None:
        prepared = _ROW_IN_CLINIC.setdefault(
            model, PreparedQuery(partial(_row_query, model), params=("clinic_id", "pk"))
        )
    return cast("_MT | None", prepared.first(clinic_id=clinic_id, pk=pk))


def validated_body(serializer_class: type[serializers.BaseSerializer[Any]], data: Any) -> dict[str, Any]:
    """``data`` validated by ``serializer_class``, as a plain dict. Raises DRF's
    ``ValidationError`` (a 400 naming each bad field) otherwise."""
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def query_instant(request: Request, name: str) -> dt.datetime | None:
    """Query parameter ``name`` as an aware UTC datetime, ``None`` when absent. Raises
    ``ValidationFailed`` naming it unless it is an ISO 8601 instant with an offset."""
    raw = request.query_params.get(name)
    if not raw:
        return None
    try:
        value = parse_datetime(raw)
    except ValueError:
        value = None
    if value is None or value.tzinfo is None:
        raise ValidationFailed(errors={name: [str(_("An ISO 8601 instant with offset."))]})
    try:
        return value.astimezone(dt.UTC)  # PostgreSQL refuses offsets beyond ±15:59
    except OverflowError as exc:
        raise ValidationFailed(errors={name: [str(_("Out of range."))]}) from exc


def request_user(request: Request) -> User:
    """The signed-in user of a view guarded by ``IsAuthenticated``."""
    return cast("User", request.user)


class ClinicScopedViewSet(GenericViewSet[_MT]):
    permission_classes = [IsAuthenticated, ClinicRolePermission]
    model: ClassVar[type[Model]]
    required_permissions: ClassVar[Mapping[str, str]] = {}
    tenant_scope: ClassVar[Literal["clinic", "organization"]] = "clinic"
    clinic_field: ClassVar[str] = "clinic"
    organization_field: ClassVar[str] = "organization"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        overridden = [name for name in _SEALED if name in cls.__dict__]
        if overridden:
            raise TypeError(
                f"{cls.__name__} overrides {', '.join(overridden)}; clinic scoping lives in "
                "ClinicScopedViewSet. Use get_base_queryset() and required_permissions."
            )

    def check_permissions(self, request: Request) -> None:
        if request.user.is_authenticated and getattr(request, "clinic", None) is None:
            raise ClinicRequired(errors={"X-Clinic-Id": [str(ClinicRequired.default_detail)]})
        super().check_permissions(request)

    def get_base_queryset(self) -> QuerySet[_MT]:
        """Hook: the rows this view serves before clinic scoping is applied."""
        return cast("QuerySet[_MT]", self.model._default_manager.all())

    def tenant_filter(self) -> Q:
        clinic = self.request.clinic  # type: ignore[attr-defined]
        if self.tenant_scope == "organization":
            return Q(**{f"{self.organization_field}_id": clinic.organization_id})
        return Q(**{f"{self.clinic_field}_id": clinic.pk})

    def get_queryset(self) -> QuerySet[_MT]:
        if getattr(self, "swagger_fake_view", False):  # OpenAPI generation: no request clinic
            return cast("QuerySet[_MT]", self.model._base_manager.none())
        return self.get_base_queryset().filter(self.tenant_filter())

    def get_object(self) -> _MT:
        return super().get_object()

    @property
    def actor(self) -> User:
        return request_user(self.request)

    @property
    def clinic(self) -> Any:
        return self.request.clinic  # type: ignore[attr-defined]

    @property
    def membership(self) -> Any:
        return self.request.membership  # type: ignore[attr-defined]
