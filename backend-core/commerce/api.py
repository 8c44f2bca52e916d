"""Catalog API: ``/api/v1/catalog/services``."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from commerce import selectors, services
from commerce.models import Service
from core.api import ClinicScopedViewSet
from core.fields import MoneyField


class ServiceSerializer(serializers.ModelSerializer[Service]):
    class Meta:
        model = Service
        fields = [
            "id",
            "name",
            "category",
            "description",
            "unit",
            "price",
            "currency",
            "duration_minutes",
            "buffer_minutes",
            "requires_consent",
            "is_active",
            "created_at",
        ]
        read_only_fields = fields


class ServiceInputSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=200)
    category = serializers.ChoiceField(choices=Service.Category.choices)
    description = serializers.CharField(required=False, allow_blank=True)
    unit = serializers.ChoiceField(choices=Service.Unit.choices, required=False)
    price = MoneyField(min_value=Decimal(0), help_text="Decimal string, clinic currency")
    duration_minutes = serializers.IntegerField(min_value=5, max_value=720)
    buffer_minutes = serializers.IntegerField(min_value=0, max_value=240, required=False)
    requires_consent = serializers.BooleanField(required=False)


class ServiceUpdateSerializer(ServiceInputSerializer):
    is_active = serializers.BooleanField(required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["partial"] = True
        super().__init__(*args, **kwargs)


class ServiceViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[Service]):
    """The clinic's treatment catalog. Filter with ``?category=`` and ``?is_active=``."""

    model = Service
    serializer_class = ServiceSerializer
    required_permissions = {
        "list": "catalog.view",
        "retrieve": "catalog.view",
        "create": "catalog.manage",
        "partial_update": "catalog.manage",
    }
    filterset_fields = ["category", "is_active"]
    ordering_fields = ["name", "price", "duration_minutes"]

    def get_base_queryset(self) -> QuerySet[Service]:
        return selectors.service_list()

    @extend_schema(request=ServiceInputSerializer, responses={201: ServiceSerializer})
    def create(self, request: Request) -> Response:
        data = ServiceInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        service = services.service_create(clinic=self.clinic, actor=self.actor, **data.validated_data)
        return Response(ServiceSerializer(service).data, status=201)

    @extend_schema(request=ServiceUpdateSerializer, responses={200: ServiceSerializer})
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        service = self.get_object()  # a foreign id is a 404 before the body is read
        data = ServiceUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        service = services.service_update(service=service, actor=self.actor, **data.validated_data)
        return Response(ServiceSerializer(service).data)
