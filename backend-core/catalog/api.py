"""Catalog API (``/api/v1/catalog/…``): services, products and courses. Views parse
input, resolve ids inside the request's clinic (an unknown id in a body is a 400 naming
the field; another clinic's record in the path is a 404) and call one service or
selector."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins
from rest_framework.request import Request
from rest_framework.response import Response

from catalog import selectors, serializers, services
from catalog.models import Course, Product, Service
from core.api import ClinicScopedViewSet, clinic_row_or_400, validated_body


def _materials(rows: Sequence[dict[str, Any]]) -> list[tuple[Product, Any]]:
    return [
        (clinic_row_or_400(Product, row["product_id"], f"materials.{i}.product_id"), row["quantity"])
        for i, row in enumerate(rows)
    ]


def _course_items(rows: Sequence[dict[str, Any]]) -> list[tuple[Service, int]]:
    return [
        (clinic_row_or_400(Service, row["service_id"], f"items.{i}.service_id"), row["sessions"])
        for i, row in enumerate(rows)
    ]


@extend_schema_view(
    list=extend_schema(
        parameters=[OpenApiParameter("search", OpenApiTypes.STR, description="Words each found in the name")]
    )
)
class ServiceViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[Service]):
    """The clinic's treatment catalog with the materials each consumes (with each
    product's name, unit and registration). Filter with ``?category=``, ``?is_active=``
    and ``?search=``. Managers add treatments and change them, ``is_active: false``
    included (archived: no longer sold or booked, kept for the records that name it)."""

    model = Service
    serializer_class = serializers.ServiceSerializer
    required_permissions = {
        "list": "catalog.view",
        "retrieve": "catalog.view",
        "create": "catalog.manage",
        "partial_update": "catalog.manage",
    }
    filterset_fields = ["category", "is_active"]
    ordering_fields = ["name", "price", "duration_minutes"]

    def get_base_queryset(self) -> QuerySet[Service]:
        return selectors.service_list(search=self.request.query_params.get("search", ""))

    @extend_schema(request=serializers.ServiceInputSerializer, responses={201: serializers.ServiceSerializer})
    def create(self, request: Request) -> Response:
        values = validated_body(serializers.ServiceInputSerializer, request.data)
        materials = _materials(values.pop("materials", []))
        service = services.service_create(clinic=self.clinic, actor=self.actor, materials=materials, **values)
        return Response(
            serializers.ServiceSerializer(selectors.service_list().get(pk=service.pk)).data, status=201
        )

    @extend_schema(
        request=serializers.ServiceUpdateSerializer, responses={200: serializers.ServiceSerializer}
    )
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        service = self.get_object()  # a foreign id is a 404 before the body is read
        values = validated_body(serializers.ServiceUpdateSerializer, request.data)
        materials = values.pop("materials", None)
        service = services.service_update(
            service=service,
            actor=self.actor,
            materials=None if materials is None else _materials(materials),
            **values,
        )
        return Response(serializers.ServiceSerializer(selectors.service_list().get(pk=service.pk)).data)


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter(
                "search",
                OpenApiTypes.STR,
                description="Words each found in the name, SKU, registration number or manufacturer",
            )
        ]
    )
)
class ProductViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[Product]):
    """Retail products and medical supplies, with ``on_hand`` over all lots. Filter
    with ``?kind=``, ``?is_active=`` and ``?search=``; ``PATCH`` with ``is_active``
    false takes a product out of the catalog."""

    model = Product
    serializer_class = serializers.ProductSerializer
    required_permissions = {
        "list": "catalog.view",
        "retrieve": "catalog.view",
        "create": "catalog.manage",
        "partial_update": "catalog.manage",
    }
    filterset_fields = ["kind", "is_active"]
    ordering_fields = ["name", "price"]

    def get_base_queryset(self) -> QuerySet[Product]:
        return selectors.product_list(search=self.request.query_params.get("search", ""))

    @extend_schema(request=serializers.ProductInputSerializer, responses={201: serializers.ProductSerializer})
    def create(self, request: Request) -> Response:
        values = validated_body(serializers.ProductInputSerializer, request.data)
        product = services.product_create(clinic=self.clinic, actor=self.actor, **values)
        return Response(self.get_serializer(selectors.product_list().get(pk=product.pk)).data, status=201)

    @extend_schema(
        request=serializers.ProductUpdateSerializer, responses={200: serializers.ProductSerializer}
    )
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        product = self.get_object()  # a foreign id is a 404 before the body is read
        values = validated_body(serializers.ProductUpdateSerializer, request.data)
        services.product_update(product=product, actor=self.actor, **values)
        return Response(self.get_serializer(selectors.product_list().get(pk=product.pk)).data)


class CourseViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[Course]):
    """Prepaid packages of sessions (``sessions_total`` across their services). Filter
    with ``?is_active=``; ``PATCH`` changes a course (``is_active`` false: no longer sold)."""

    model = Course
    serializer_class = serializers.CourseSerializer
    required_permissions = {
        "list": "catalog.view",
        "retrieve": "catalog.view",
        "create": "catalog.manage",
        "partial_update": "catalog.manage",
    }
    filterset_fields = ["is_active"]

    def get_base_queryset(self) -> QuerySet[Course]:
        return selectors.course_list()

    @extend_schema(request=serializers.CourseInputSerializer, responses={201: serializers.CourseSerializer})
    def create(self, request: Request) -> Response:
        values = validated_body(serializers.CourseInputSerializer, request.data)
        items = _course_items(values.pop("items"))
        course = services.course_create(clinic=self.clinic, actor=self.actor, items=items, **values)
        return Response(self.get_serializer(selectors.course_list().get(pk=course.pk)).data, status=201)

    @extend_schema(request=serializers.CourseUpdateSerializer, responses={200: serializers.CourseSerializer})
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        """Change the fields sent (``catalog.services.course_update``); 400 names the
        field (``items.<i>.service_id`` for a treatment not of this clinic)."""
        course = self.get_object()  # a foreign id is a 404 before the body is read
        values = validated_body(serializers.CourseUpdateSerializer, request.data)
        items = values.pop("items", None)
        course = services.course_update(
            course=course, actor=self.actor, items=None if items is None else _course_items(items), **values
        )
        return Response(self.get_serializer(selectors.course_list().get(pk=course.pk)).data)
