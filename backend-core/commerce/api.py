"""Commerce API: inventory (``/api/v1/inventory/…``),
POS, invoices, payments and course balances (``/api/v1/commerce/…``) and the ledger
(``/api/v1/ledger/…``). Views parse input, resolve ids inside the request's clinic (an
unknown id in a body is a 400 naming the field; another clinic's record in the path is
a 404) and call one service or selector."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from accounts.models import Clinic
from accounts.selectors import practitioner_get
from catalog.models import Course, Product, Service
from commerce import selectors, serializers, services
from commerce.models import (
    CourseBalance,
    CourseRedemption,
    Invoice,
    InvoiceItem,
    JournalEntry,
    Payment,
    PurchaseOrder,
    PurchaseOrderLine,
    Sale,
    SaleLine,
    StockLot,
    StockMovement,
    Supplier,
    SupplierItem,
)
from core.api import ClinicScopedViewSet, clinic_row_or_400, query_instant, validated_body
from core.exceptions import AuthenticationFailedError, PermissionDeniedError, ValidationFailed
from core.permissions import role_has_permission
from core.tenancy import clinic_context
from patients.models import ClinicPatient


def _renamed(error: ValidationFailed, prefix: str, names: dict[str, str] | None = None) -> ValidationFailed:
    names = names or {}
    return ValidationFailed(errors={f"{prefix}{names.get(k, k)}": v for k, v in error.errors.items()})


# Inventory --------------------------------------------------------------------------


class LotViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[StockLot]):
    """Stock lots, FEFO order. ``POST`` receives stock (creating the lot on its first
    receipt); ``<id>/adjust`` corrects a count, ``<id>/transfer`` moves stock to a sister
    clinic, ``<id>/recall`` lists every patient who received the lot. Filter with
    ``?product=``."""

    model = StockLot
    serializer_class = serializers.LotSerializer
    required_permissions = {
        "list": "stock.view",
        "retrieve": "stock.view",
        "create": "stock.manage",
        "adjust": "stock.manage",
        "transfer": "stock.transfer",
        "destinations": "stock.transfer",
        "recall": "stock.recall",
    }
    filterset_fields = ["product"]

    def get_base_queryset(self) -> QuerySet[StockLot]:
        return selectors.lot_list()

    @extend_schema(
        request=serializers.ReceiveInputSerializer, responses={201: serializers.MovementSerializer}
    )
    def create(self, request: Request) -> Response:
        values = validated_body(serializers.ReceiveInputSerializer, request.data)
        product = clinic_row_or_400(Product, values.pop("product_id"), "product_id")
        movement = services.stock_receive(clinic=self.clinic, actor=self.actor, product=product, **values)
        return Response(serializers.MovementSerializer(movement).data, status=201)

    @extend_schema(request=serializers.AdjustInputSerializer, responses={200: serializers.MovementSerializer})
    @action(detail=True, methods=["post"])
    def adjust(self, request: Request, pk: str | None = None) -> Response:
        lot = self.get_object()
        values = validated_body(serializers.AdjustInputSerializer, request.data)
        movement = services.stock_adjust(lot=lot, actor=self.actor, **values)
        return Response(serializers.MovementSerializer(movement).data)

    @extend_schema(
        request=serializers.TransferInputSerializer,
        responses={
            201: serializers.TransferSerializer,
            200: OpenApiResponse(serializers.TransferSerializer, description="A retry: the first transfer"),
        },
    )
    @action(detail=True, methods=["post"])
    def transfer(self, request: Request, pk: str | None = None) -> Response:
        """Send ``quantity`` (the product's unit) of this lot to a clinic of the same
        organization where the caller may transfer stock too; ``to_product_id`` is that
        clinic's product (it must carry it already: ``destinations`` lists them). Answers
        201 with both movements; a retry with the same ``transfer_id`` answers 200 with
        the first transfer's, moving nothing (``services.stock_transfer``). 400 naming
        ``to_clinic_id`` (another organization's clinic included), ``to_product_id``,
        ``quantity`` (more than on hand), ``lot`` (expired) or ``note``; 409 when a
        ``transfer_id`` is reused for another transfer."""
        lot = self.get_object()
        values = validated_body(serializers.TransferInputSerializer, request.data)
        to_product = selectors.unscoped_stock_transfer_destination(
            actor=self.actor,
            clinic=self.clinic,
            to_clinic_id=values["to_clinic_id"],
            to_product_id=values["to_product_id"],
        )
        transfer_id = values.get("transfer_id")
        # Only the status tells a retry apart; the service itself moves nothing twice.
        repeated = transfer_id is not None and selectors.stock_transfer_made(transfer_id=transfer_id)
        out, into = services.stock_transfer(
            lot=lot,
            quantity=values["quantity"],
            to_product=to_product,
            actor=self.actor,
            note=values.get("note", ""),
            transfer_id=transfer_id,
        )
        body = {"transfer_id": out.reference_id, "to_clinic_id": into.clinic_id, "out": out, "into": into}
        return Response(serializers.TransferSerializer(body).data, status=200 if repeated else 201)

    @extend_schema(responses={200: serializers.TransferDestinationSerializer(many=True)})
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def destinations(self, request: Request, pk: str | None = None) -> Response:
        """Where this lot may be transferred: the other clinics of the organization where
        the caller holds ``stock.transfer``, each with its products that can take the lot
        (same unit and registration; empty when it carries none). Never another
        organization's clinic. Not paginated (an organization's clinics)."""
        lot = self.get_object()
        rows = selectors.unscoped_stock_transfer_destinations(actor=self.actor, lot=lot)
        return Response(serializers.TransferDestinationSerializer(rows, many=True).data)

    @extend_schema(responses={200: serializers.RecallSerializer})
    @action(detail=True, methods=["get"])
    def recall(self, request: Request, pk: str | None = None) -> Response:
        """Every patient and session or sale line that received this lot, in one call."""
        lot = self.get_object()
        rows = selectors.lot_recall(lot=lot)
        body = {"lot": lot, "patients": len({r.patient_id for r in rows}), "rows": rows}
        return Response(serializers.RecallSerializer(body).data)


class MovementViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[StockMovement]):
    """The stock ledger, newest first. ``POST`` consumes stock in a treatment (FEFO
    unless ``lot_id``); expired lots and more than on hand are a 400 naming ``lot_id``
    or ``quantity``. Filter with ``?kind=``, ``?lot=``, ``?patient=``."""

    model = StockMovement
    serializer_class = serializers.MovementSerializer
    required_permissions = {
        "list": "stock.view",
        "retrieve": "stock.view",
        "create": "stock.consume",
        "transfers": "stock.view",
    }
    filterset_fields = ["kind", "lot", "patient"]

    @property
    def lot_trace(self) -> bool:
        """May the caller see who received a lot (``stock.recall``, as for the recall)?"""
        return role_has_permission(self.membership.role, "stock.recall")

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "lot_trace": self.lot_trace}

    def get_base_queryset(self) -> QuerySet[StockMovement]:
        # Filtering by patient would answer "did this patient receive this lot" by count.
        if "patient" in self.request.query_params and not self.lot_trace:
            raise PermissionDeniedError(_("Your role cannot see which patient received a lot."))
        return selectors.movement_list()

    @extend_schema(
        request=serializers.ConsumeInputSerializer, responses={201: serializers.MovementSerializer(many=True)}
    )
    def create(self, request: Request) -> Response:
        values = validated_body(serializers.ConsumeInputSerializer, request.data)
        try:
            movements = services.stock_use(
                product=clinic_row_or_400(Product, values["product_id"], "product_id"),
                quantity=values["quantity"],
                lot=clinic_row_or_400(StockLot, values.get("lot_id"), "lot_id"),
                patient=clinic_row_or_400(ClinicPatient, values.get("patient_id"), "patient_id"),
                reference_type=values.get("reference_type", ""),
                reference_id=values.get("reference_id"),
                actor=self.actor,
            )
        except ValidationFailed as error:
            raise _renamed(error, "", {"lot": "lot_id"}) from error
        return Response(self.get_serializer(movements, many=True).data, status=201)

    @extend_schema(responses={200: serializers.TransferMovementSerializer(many=True)})
    @action(detail=False, methods=["get"])
    def transfers(self, request: Request) -> Response:
        """Stock sent to and received from sister clinics, newest first, paginated: each
        movement with its product, lot, the other clinic's name and the note
        (``reason``); ``?kind=transfer_out`` or ``transfer_in`` narrows it."""
        rows = selectors.transfer_movement_list()
        kind = request.query_params.get("kind", "")
        if kind:
            if kind not in (StockMovement.Kind.TRANSFER_OUT, StockMovement.Kind.TRANSFER_IN):
                raise ValidationFailed(errors={"kind": [_("transfer_out or transfer_in.")]})
            rows = rows.filter(kind=kind)
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(serializers.TransferMovementSerializer(page, many=True).data)


# How long an order takes to arrive when the caller does not say, in days.
DEFAULT_LEAD_DAYS = 14


def _int_param(request: Request, name: str, *, default: int, low: int, high: int) -> int:
    """Query parameter ``name`` as a whole number in ``low``..``high`` (``default`` when
    absent); otherwise a 400 naming it."""
    raw = request.query_params.get(name, str(default))
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise ValidationFailed(
            errors={name: [_("A whole number from %(low)s to %(high)s.") % {"low": low, "high": high}]}
        )
    return int(raw)


class InventoryReportViewSet(ClinicScopedViewSet[StockLot]):
    """``low-stock``: active products whose unexpired stock is under their threshold;
    ``near-expiry``: lots with stock expiring within ``?days=`` (default 60, expired
    included). Both paginated."""

    model = StockLot
    required_permissions = {"low_stock": "stock.view", "near_expiry": "stock.view"}

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "lead_days",
                OpenApiTypes.INT,
                description="Days an order takes to arrive: 0 to 365; default 14",
            )
        ],
        responses={200: serializers.LowStockSerializer(many=True)},
    )
    @action(detail=False, methods=["get"], url_path="low-stock")
    def low_stock(self, request: Request) -> Response:
        """Products at or below their reorder point with ``suggested``, the whole units to
        order: enough to be back at the reorder point after ``lead_days`` days of the
        average daily use of the last 90 days (``selectors.low_stock``)."""
        lead_days = _int_param(request, "lead_days", default=DEFAULT_LEAD_DAYS, low=0, high=365)
        # products, not this view's lots
        rows: Any = selectors.low_stock(today=self.clinic.today(), lead_days=lead_days)
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(serializers.LowStockSerializer(page, many=True).data)

    @extend_schema(
        parameters=[OpenApiParameter("days", OpenApiTypes.INT, description="1 to 730; default 60")],
        responses={200: serializers.LotSerializer(many=True)},
    )
    @action(detail=False, methods=["get"], url_path="near-expiry")
    def near_expiry(self, request: Request) -> Response:
        days = _int_param(request, "days", default=60, low=1, high=730)
        rows = selectors.near_expiry(today=self.clinic.today(), within_days=days)
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(serializers.LotSerializer(page, many=True).data)


class StockTakeViewSet(mixins.ListModelMixin, ClinicScopedViewSet[StockLot]):
    """A stock take. ``GET``: the count sheet, every lot with stock and its system
    quantity (paginated; read all pages). ``POST``: the counted quantities; each lot
    whose count differs gets one ``count`` adjustment, all in one transaction
    (``services.stock_take_commit``). A lot whose stock moved since the sheet was read
    is a 400 naming ``lines.<i>.expected``; another clinic's lot ``lines.<i>.lot_id``."""

    model = StockLot
    serializer_class = serializers.LotSerializer
    required_permissions = {"list": "stock.manage", "create": "stock.manage"}

    def get_base_queryset(self) -> QuerySet[StockLot]:
        return selectors.stock_count_sheet()

    @extend_schema(
        request=serializers.StockTakeInputSerializer, responses={201: serializers.StockTakeSerializer}
    )
    def create(self, request: Request) -> Response:
        values = validated_body(serializers.StockTakeInputSerializer, request.data)
        lines = [
            services.CountLine(
                lot=clinic_row_or_400(StockLot, row["lot_id"], f"lines.{i}.lot_id"),
                expected=row["expected"],
                counted=row["counted"],
            )
            for i, row in enumerate(values["lines"])
        ]
        take_id, adjustments = services.stock_take_commit(
            clinic=self.clinic, lines=lines, actor=self.actor, note=values.get("note", "")
        )
        body = {"id": take_id, "adjustments": adjustments}
        return Response(serializers.StockTakeSerializer(body).data, status=201)


class SupplierViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[Supplier]):
    """The clinic's suppliers, active first. ``POST`` adds one, ``PATCH`` changes one
    (``is_active: false`` retires it). ``tax_id`` is checked by the clinic's country
    (CNPJ in Brazil, the 13-digit TIN in Thailand): a 400 naming ``tax_id``."""

    model = Supplier
    serializer_class = serializers.SupplierSerializer
    required_permissions = {
        "list": "stock.view",
        "retrieve": "stock.view",
        "create": "stock.manage",
        "partial_update": "stock.manage",
    }

    def get_base_queryset(self) -> QuerySet[Supplier]:
        return selectors.supplier_list()

    def create(self, request: Request) -> Response:
        serializer = serializers.SupplierSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        supplier = services.supplier_create(clinic=self.clinic, actor=self.actor, **serializer.validated_data)
        return Response(serializers.SupplierSerializer(supplier).data, status=201)

    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        supplier = self.get_object()
        serializer = serializers.SupplierSerializer(supplier, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        supplier = services.supplier_update(supplier=supplier, actor=self.actor, **serializer.validated_data)
        return Response(serializers.SupplierSerializer(supplier).data)


class SupplierItemViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[SupplierItem]
):
    """What each supplier sells the clinic (supplier's code, pack size in the product's
    unit, last unit cost in the clinic's currency, preferred supplier of the product).
    Filter with ``?supplier=``, ``?product=``, ``?is_preferred=``. ``POST`` adds one
    (unknown ``supplier_id``/``product_id``, another clinic's included, is a 400 naming
    it; a product twice for a supplier is a 400 naming ``product_id``), ``PATCH``
    changes one, ``DELETE`` removes it; another clinic's item is a 404."""

    model = SupplierItem
    serializer_class = serializers.SupplierItemSerializer
    required_permissions = {
        "list": "stock.view",
        "retrieve": "stock.view",
        "create": "stock.manage",
        "partial_update": "stock.manage",
        "destroy": "stock.manage",
    }
    filterset_fields = ["supplier", "product", "is_preferred"]

    def get_base_queryset(self) -> QuerySet[SupplierItem]:
        return selectors.supplier_item_list()

    def _answer(self, item: SupplierItem, status: int = 200) -> Response:
        fresh = selectors.supplier_item_list().get(pk=item.pk)
        return Response(serializers.SupplierItemSerializer(fresh).data, status=status)

    @extend_schema(
        request=serializers.SupplierItemInputSerializer, responses={201: serializers.SupplierItemSerializer}
    )
    def create(self, request: Request) -> Response:
        values = validated_body(serializers.SupplierItemInputSerializer, request.data)
        item = services.supplier_item_create(
            clinic=self.clinic,
            actor=self.actor,
            supplier=clinic_row_or_400(Supplier, values.pop("supplier_id"), "supplier_id"),
            product=clinic_row_or_400(Product, values.pop("product_id"), "product_id"),
            **values,
        )
        return self._answer(item, status=201)

    @extend_schema(
        request=serializers.SupplierItemUpdateSerializer, responses={200: serializers.SupplierItemSerializer}
    )
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        item = self.get_object()
        values = validated_body(serializers.SupplierItemUpdateSerializer, request.data)
        return self._answer(services.supplier_item_update(item=item, actor=self.actor, **values))

    @extend_schema(request=None, responses={204: None})
    def destroy(self, request: Request, pk: str | None = None) -> Response:
        services.supplier_item_delete(item=self.get_object(), actor=self.actor)
        return Response(status=204)


class PurchaseOrderViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[PurchaseOrder]
):
    """Purchase orders, newest first; filter with ``?status=``, ``?supplier=``.
    ``POST`` writes a draft; ``<id>/send``, ``<id>/cancel`` and ``<id>/receive`` (lots
    arriving against the order's lines, ``services.purchase_order_receive``) move it on.
    A status that does not allow the step is a 400 naming ``status``."""

    model = PurchaseOrder
    serializer_class = serializers.PurchaseOrderSerializer
    required_permissions = {
        "list": "stock.view",
        "retrieve": "stock.view",
        "create": "stock.manage",
        "send": "stock.manage",
        "cancel": "stock.manage",
        "receive": "stock.manage",
    }
    filterset_fields = ["status", "supplier"]

    def get_base_queryset(self) -> QuerySet[PurchaseOrder]:
        return selectors.purchase_order_list()

    def _answer(self, order: PurchaseOrder, status: int = 200) -> Response:
        fresh = selectors.purchase_order_list().get(pk=order.pk)
        return Response(serializers.PurchaseOrderSerializer(fresh).data, status=status)

    @extend_schema(
        request=serializers.PurchaseOrderInputSerializer, responses={201: serializers.PurchaseOrderSerializer}
    )
    def create(self, request: Request) -> Response:
        values = validated_body(serializers.PurchaseOrderInputSerializer, request.data)
        order = services.purchase_order_create(
            clinic=self.clinic,
            actor=self.actor,
            supplier=clinic_row_or_400(Supplier, values["supplier_id"], "supplier_id"),
            lines=[
                services.OrderLine(
                    product=clinic_row_or_400(Product, row["product_id"], f"lines.{i}.product_id"),
                    quantity=row["quantity"],
                    unit_cost=row["unit_cost"],
                )
                for i, row in enumerate(values["lines"])
            ],
            expected_on=values.get("expected_on"),
            note=values.get("note", ""),
        )
        return self._answer(order, status=201)

    @extend_schema(request=None, responses={200: serializers.PurchaseOrderSerializer})
    @action(detail=True, methods=["post"])
    def send(self, request: Request, pk: str | None = None) -> Response:
        return self._answer(services.purchase_order_send(order=self.get_object(), actor=self.actor))

    @extend_schema(
        request=serializers.PurchaseOrderCancelInputSerializer,
        responses={200: serializers.PurchaseOrderSerializer},
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request: Request, pk: str | None = None) -> Response:
        order = self.get_object()
        values = validated_body(serializers.PurchaseOrderCancelInputSerializer, request.data)
        return self._answer(services.purchase_order_cancel(order=order, actor=self.actor, **values))

    @extend_schema(
        request=serializers.PurchaseOrderReceiveInputSerializer,
        responses={200: serializers.PurchaseOrderSerializer},
    )
    @action(detail=True, methods=["post"])
    def receive(self, request: Request, pk: str | None = None) -> Response:
        order = self.get_object()
        values = validated_body(serializers.PurchaseOrderReceiveInputSerializer, request.data)
        deliveries = [
            services.Delivery(
                line=clinic_row_or_400(PurchaseOrderLine, row.pop("line_id"), f"deliveries.{i}.line_id"),
                **row,
            )
            for i, row in enumerate(values["deliveries"])
        ]
        return self._answer(
            services.purchase_order_receive(order=order, actor=self.actor, deliveries=deliveries)
        )


# Sales ------------------------------------------------------------------------------


def _cart_line(index: int, row: dict[str, Any], clinic: Clinic) -> services.CartLine:
    prefix = f"lines.{index}."
    models: dict[str, type[Service | Product | Course]] = {
        "service": Service,
        "product": Product,
        "course": Course,
    }
    item = clinic_row_or_400(models[row["kind"]], row["item_id"], f"{prefix}item_id")
    lot = clinic_row_or_400(StockLot, row.get("lot_id"), f"{prefix}lot_id")
    credits = []
    for j, credit in enumerate(row.get("credits", [])):
        try:
            user = practitioner_get(clinic=clinic, practitioner_id=credit["practitioner_id"])
        except ValidationFailed as error:
            raise _renamed(error, f"{prefix}credits.{j}.") from error
        credits.append((user, credit["share"]))
    return services.CartLine(
        item=item, quantity=row["quantity"], line_discount=row["line_discount"], credits=credits, lot=lot
    )


class SaleViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[Sale]):
    """POS sales, newest first. ``POST checkout`` sells a cart; ``<id>/refund`` gives
    back lines; ``<id>/void`` cancels an unpaid sale. Filter with ``?status=``,
    ``?patient=``."""

    model = Sale
    serializer_class = serializers.SaleSerializer
    required_permissions = {
        "list": "sale.view",
        "retrieve": "sale.view",
        "checkout": "sale.create",
        "quote": "sale.create",
        "tax_settings": "sale.create",
        "tax_settings_update": "clinic.manage",
        "refund": "sale.refund",
        "void": "sale.refund",
    }
    filterset_fields = ["status", "patient"]

    def get_base_queryset(self) -> QuerySet[Sale]:
        return selectors.sale_list()

    @extend_schema(responses={200: serializers.TaxSettingsSerializer})
    @action(detail=False, methods=["get"], url_path="tax-settings")
    def tax_settings(self, request: Request) -> Response:
        """The clinic's currency and tax configuration (label, inclusive or not, percent
        rates per line kind) with which the POS prices a cart as ``commerce.pricing`` does."""
        return Response(serializers.TaxSettingsSerializer(services.settings_for(self.clinic)).data)

    @extend_schema(
        request=serializers.TaxSettingsInputSerializer, responses={200: serializers.TaxSettingsSerializer}
    )
    @tax_settings.mapping.patch
    def tax_settings_update(self, request: Request) -> Response:
        """Change the tax settings sent (``commerce.services.tax_settings_update``);
        managers only. 400 names the field (a rate outside 0-100, a blank label)."""
        values = validated_body(serializers.TaxSettingsInputSerializer, request.data)
        row = services.tax_settings_update(clinic=self.clinic, actor=self.actor, **values)
        return Response(serializers.TaxSettingsSerializer(row).data)

    @extend_schema(request=serializers.QuoteInputSerializer, responses={200: serializers.QuoteSerializer})
    @action(detail=False, methods=["post"])
    def quote(self, request: Request) -> Response:
        """Price a cart as checkout would, writing nothing (``commerce.services.sale_quote``):
        the server total the POS must match before it confirms payment. 400 names the field."""
        values = validated_body(serializers.QuoteInputSerializer, request.data)
        currency = values.get("currency") or self.clinic.currency
        amounts = services.sale_quote(
            clinic=self.clinic,
            patient=clinic_row_or_400(ClinicPatient, values.get("patient_id"), "patient_id"),
            lines=[_cart_line(i, row, self.clinic) for i, row in enumerate(values["lines"])],
            currency=currency,
            cart_discount=values["cart_discount"],
            draft_invoice=clinic_row_or_400(Invoice, values.get("invoice_id"), "invoice_id"),
        )
        return Response(
            serializers.QuoteSerializer(
                {
                    "currency": currency,
                    "lines": amounts.lines,
                    "subtotal": amounts.subtotal,
                    "discount_total": amounts.discount_total,
                    "tax_total": amounts.tax_total,
                    "total": amounts.total,
                }
            ).data
        )

    @extend_schema(
        request=serializers.CheckoutInputSerializer,
        responses={
            201: serializers.SaleSerializer,
            200: OpenApiResponse(serializers.SaleSerializer, description="A retry: the first sale"),
        },
        parameters=[OpenApiParameter("Idempotency-Key", OpenApiTypes.STR, OpenApiParameter.HEADER)],
    )
    @action(detail=False, methods=["post"])
    def checkout(self, request: Request) -> Response:
        """Sell a cart in one transaction (see ``commerce.services.sales.sale_checkout``).
        Retrying with the same idempotency key answers 200 with the first sale; the same
        key with another cart is a 409."""
        values = validated_body(serializers.CheckoutInputSerializer, request.data)
        key = values.get("idempotency_key") or request.headers.get("Idempotency-Key", "")
        if not key or len(key) > 100:
            raise ValidationFailed(
                errors={"idempotency_key": [_("Send an idempotency key (at most 100 characters).")]}
            )
        sale, created = services.sale_checkout(
            clinic=self.clinic,
            actor=self.actor,
            patient=clinic_row_or_400(ClinicPatient, values.get("patient_id"), "patient_id"),
            lines=[_cart_line(i, row, self.clinic) for i, row in enumerate(values["lines"])],
            payments=[services.PaymentInput(**row) for row in values["payments"]],
            idempotency_key=key,
            currency=values.get("currency"),
            cart_discount=values["cart_discount"],
            draft_invoice=clinic_row_or_400(Invoice, values.get("invoice_id"), "invoice_id"),
            walk_in=values["walk_in"],
        )
        return Response(
            self.get_serializer(selectors.sale_list().get(pk=sale.pk)).data, status=201 if created else 200
        )

    @extend_schema(
        request=serializers.RefundInputSerializer, responses={201: serializers.RefundOutputSerializer}
    )
    @action(detail=True, methods=["post"])
    def refund(self, request: Request, pk: str | None = None) -> Response:
        sale = self.get_object()
        values = validated_body(serializers.RefundInputSerializer, request.data)
        lines = [
            (clinic_row_or_400(SaleLine, row["sale_line_id"], f"lines.{i}.sale_line_id"), row["quantity"])
            for i, row in enumerate(values.pop("lines"))
        ]
        refund = services.sale_refund(sale=sale, actor=self.actor, lines=lines, **values)
        return Response(serializers.RefundOutputSerializer(refund).data, status=201)

    @extend_schema(request=serializers.VoidInputSerializer, responses={200: serializers.SaleSerializer})
    @action(detail=True, methods=["post"])
    def void(self, request: Request, pk: str | None = None) -> Response:
        sale = self.get_object()
        values = validated_body(serializers.VoidInputSerializer, request.data)
        services.sale_void(sale=sale, actor=self.actor, reason=values["reason"])
        return Response(self.get_serializer(selectors.sale_list().get(pk=sale.pk)).data)


class InvoiceFilter(django_filters.FilterSet):
    """``?status=``, ``?patient=`` (chart id), ``?practitioner=`` (user id: an item they
    did or a sale line crediting them), ``?date_after=``/``?date_before=`` (clinic-local
    dates, both included). A malformed value is a 400 naming the parameter."""

    status = django_filters.ChoiceFilter(choices=Invoice.Status.choices)
    patient = django_filters.UUIDFilter(field_name="patient_id", help_text="Chart (clinic patient) id")
    practitioner = django_filters.UUIDFilter(
        method="practitioner_filter", help_text="User id of a practitioner of an item or credited on a line"
    )
    date_after = django_filters.DateFilter(
        method="date_after_filter", help_text="From this clinic-local date, included"
    )
    date_before = django_filters.DateFilter(
        method="date_before_filter", help_text="Until this clinic-local date, included"
    )

    class Meta:
        model = Invoice
        fields: list[str] = []

    def practitioner_filter(self, invoices: QuerySet[Invoice], name: str, value: Any) -> QuerySet[Invoice]:
        return selectors.invoices_of_practitioner(invoices, practitioner_id=value)

    def date_after_filter(self, invoices: QuerySet[Invoice], name: str, value: Any) -> QuerySet[Invoice]:
        return selectors.invoices_dated_between(invoices, clinic=self.request.clinic, start=value, end=None)

    def date_before_filter(self, invoices: QuerySet[Invoice], name: str, value: Any) -> QuerySet[Invoice]:
        return selectors.invoices_dated_between(invoices, clinic=self.request.clinic, start=None, end=value)


class InvoiceViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[Invoice]):
    """Invoices with their items, the patient's name and the clinic-local date, newest
    first (filters: ``InvoiceFilter``). ``<id>/payments`` records one payment;
    ``<id>/collect`` several at once (all or nothing); ``<id>/pdf`` is the invoice as PDF
    in the clinic's language and currency; ``<id>/send`` sends it to the patient;
    ``to-collect`` lists the drafts of completed visits waiting at the till."""

    model = Invoice
    serializer_class = serializers.InvoiceSerializer
    required_permissions = {
        "list": "invoice.view",
        "retrieve": "invoice.view",
        "pay": "payment.record",
        "collect": "payment.record",
        "pdf": "invoice.view",
        "send": "payment.record",
        "to_collect": "invoice.view",
    }
    filterset_class = InvoiceFilter

    def get_base_queryset(self) -> QuerySet[Invoice]:
        return selectors.invoice_list()

    @extend_schema(responses={200: serializers.DraftToCollectSerializer(many=True)})
    @action(detail=False, methods=["get"], url_path="to-collect")
    def to_collect(self, request: Request) -> Response:
        """The till's *To collect* queue: this clinic's draft invoices of completed
        visits, newest first, with patient, practitioners, treatments and total
        (``commerce.selectors.invoice_drafts_to_collect``). Paginated; live updates come
        as ``com.aesthetix.invoice.drafted`` and ``com.aesthetix.sale.completed`` events."""
        page = self.paginate_queryset(selectors.invoice_drafts_to_collect())
        return self.get_paginated_response(serializers.DraftToCollectSerializer(page, many=True).data)

    @extend_schema(
        request=serializers.PaymentRecordInputSerializer, responses={201: serializers.PaymentSerializer}
    )
    @action(detail=True, methods=["post"], url_path="payments")
    def pay(self, request: Request, pk: str | None = None) -> Response:
        invoice = self.get_object()
        values = validated_body(serializers.PaymentRecordInputSerializer, request.data)
        payment = services.payment_record(invoice=invoice, actor=self.actor, **values)
        return Response(serializers.PaymentSerializer(payment).data, status=201)

    @extend_schema(
        request=serializers.CollectInputSerializer, responses={201: serializers.CollectOutputSerializer}
    )
    @action(detail=True, methods=["post"])
    def collect(self, request: Request, pk: str | None = None) -> Response:
        """Take one or several payments of an open invoice in one transaction (see
        ``commerce.services.invoices.invoice_payments_record``): 400 names
        ``payments.<i>.amount`` past the balance, ``leave_balance`` when less is paid
        without saying so; 409 for an invoice not open or a reused key. A retry with the
        same key answers the first payments."""
        invoice = self.get_object()
        values = validated_body(serializers.CollectInputSerializer, request.data)
        payments = services.invoice_payments_record(
            invoice=invoice,
            actor=self.actor,
            payments=[services.PaymentInput(**row) for row in values["payments"]],
            currency=values["currency"],
            idempotency_key=values["idempotency_key"],
            leave_balance=values["leave_balance"],
        )
        body = {"invoice": selectors.invoice_list().get(pk=invoice.pk), "payments": payments}
        return Response(serializers.CollectOutputSerializer(body).data, status=201)

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def pdf(self, request: Request, pk: str | None = None) -> HttpResponse:
        return _invoice_pdf_response(self.get_object())

    @extend_schema(
        request=serializers.InvoiceSendInputSerializer,
        responses={
            202: serializers.InvoiceSendSerializer,
            200: OpenApiResponse(serializers.InvoiceSendSerializer, description="A retry: the first send"),
        },
        parameters=[OpenApiParameter("Idempotency-Key", OpenApiTypes.STR, OpenApiParameter.HEADER)],
    )
    @action(detail=True, methods=["post"])
    def send(self, request: Request, pk: str | None = None) -> Response:
        """Send the invoice to its patient (``commerce.services.invoice_delivery.invoice_send``):
        by e-mail with the PDF attached, by SMS or WhatsApp with a link to it. 202 once
        recorded (delivered in the background); a retry with the same key answers 200
        with the first send. 400 names ``channel`` (no address for it) or
        ``idempotency_key``; 409 for a draft or void invoice."""
        invoice = self.get_object()
        values = validated_body(serializers.InvoiceSendInputSerializer, request.data)
        notification, created = services.invoice_send(
            invoice=invoice,
            actor=self.actor,
            channel=values.get("channel"),
            idempotency_key=values.get("idempotency_key") or request.headers.get("Idempotency-Key", ""),
        )
        channel = notification.channel
        body = {
            "notification": notification.pk,
            "channel": channel,
            "to": services.destination_mask(notification.recipient, channel, self.clinic.country),
            "status": notification.status,
            "requested_at": notification.created_at,
        }
        return Response(serializers.InvoiceSendSerializer(body).data, status=202 if created else 200)


def _invoice_pdf_response(invoice: Invoice) -> HttpResponse:
    """``invoice`` as an inline PDF in the clinic's language (``commerce.documents``)."""
    from commerce.documents import invoice_pdf

    response = HttpResponse(invoice_pdf(invoice=invoice), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{invoice.number or invoice.pk}.pdf"'
    response["Content-Language"] = invoice.clinic.locale  # the document's, not the reader's
    return response


class InvoiceLinkView(APIView):
    """``GET /commerce/invoice-links/<token>``: the invoice's PDF for the patient who got
    the link by SMS or WhatsApp, without signing in. The token is the authority
    (``invoice_by_link_token``: signed, ``INVOICE_LINK_MAX_AGE_HOURS``); it opens only
    that invoice's PDF; 404 when it is expired, forged or the invoice was voided.
    Throttled per client address; never cached nor indexed."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    throttle_classes = [AnonRateThrottle]

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY}, auth=[])
    def get(self, request: Request, token: str) -> HttpResponse:
        invoice = services.invoice_by_link_token(token)
        with clinic_context(invoice.clinic):
            response = _invoice_pdf_response(invoice)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "no-referrer"
        return response


class PaymentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[Payment]):
    """Payments received (positive) and refunded (negative). Filter with ``?invoice=``,
    ``?method=``, ``?status=``. ``settings`` are the clinic's payment settings (managers
    change them); ``qr`` is the payment QR code of an amount by PromptPay or Pix."""

    model = Payment
    serializer_class = serializers.PaymentSerializer
    required_permissions = {
        "list": "invoice.view",
        "retrieve": "invoice.view",
        "payment_settings": "invoice.view",
        "payment_settings_update": "clinic.manage",
        "qr": "payment.record",
    }
    filterset_fields = ["invoice", "method", "status"]

    def get_base_queryset(self) -> QuerySet[Payment]:
        return selectors.payment_list()

    @extend_schema(responses={200: serializers.PaymentSettingsSerializer})
    @action(detail=False, methods=["get"], url_path="settings")
    def payment_settings(self, request: Request) -> Response:
        """The methods the clinic accepts (and those its country allows), its PromptPay
        ID or Pix key and the city its BR Code prints."""
        return Response(serializers.PaymentSettingsSerializer(services.settings_for(self.clinic)).data)

    @extend_schema(
        request=serializers.PaymentSettingsInputSerializer,
        responses={200: serializers.PaymentSettingsSerializer},
    )
    @payment_settings.mapping.patch
    def payment_settings_update(self, request: Request) -> Response:
        """Change the settings sent (``commerce.services.payment_settings_update``); 400
        names the field (``payment_methods.<i>`` for a method unknown or not in the
        clinic's country)."""
        values = validated_body(serializers.PaymentSettingsInputSerializer, request.data)
        row = services.payment_settings_update(clinic=self.clinic, actor=self.actor, **values)
        return Response(serializers.PaymentSettingsSerializer(row).data)

    @extend_schema(
        request=serializers.PaymentQrInputSerializer, responses={200: serializers.PaymentQrSerializer}
    )
    @action(detail=False, methods=["post"])
    def qr(self, request: Request) -> Response:
        """The EMVCo QR payload the patient scans to pay ``amount`` by PromptPay or Pix.
        Records nothing: the cashier records the payment once it is received. 400 names
        ``method`` (not accepted, not a QR method, no ID set), ``amount`` or ``reference``."""
        values = validated_body(serializers.PaymentQrInputSerializer, request.data)
        qr = services.payment_qr(clinic=self.clinic, **values)
        return Response(serializers.PaymentQrSerializer(qr).data)


class PaymentWebhookView(APIView):
    """``POST /commerce/payments/webhook``: the card gateway settles a pending payment.
    No user: the call is authenticated by the HMAC-SHA256 signature of its timestamp and raw body
    (``commerce.payment_providers.webhook_verify``); 401 when it is missing, wrong or
    older than the tolerance, 400 names a bad field, 404 for an unknown payment
    reference, 200 otherwise (also for an event already applied)."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    @extend_schema(
        request=serializers.PaymentWebhookInputSerializer,
        responses={200: serializers.PaymentWebhookSerializer},
    )
    def post(self, request: Request) -> Response:
        from commerce.payment_providers import (
            SIGNATURE_HEADER,
            TIMESTAMP_HEADER,
            WebhookSignatureError,
            webhook_verify,
        )

        raw = request.body
        try:
            webhook_verify(
                body=raw,
                signature=request.headers.get(SIGNATURE_HEADER, ""),
                timestamp=request.headers.get(TIMESTAMP_HEADER, ""),
            )
        except WebhookSignatureError as exc:
            raise AuthenticationFailedError(str(exc), code="webhook_signature_invalid") from exc
        values = validated_body(serializers.PaymentWebhookInputSerializer, request.data)
        payment = services.payment_webhook_apply(reference=values["reference"], status=values["status"])
        return Response(
            serializers.PaymentWebhookSerializer({"id": payment.pk, "status": payment.status}).data
        )


class CourseBalanceViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[CourseBalance]
):
    """Patients' prepaid sessions. ``<id>/redeem`` takes one session (409 when none is
    left, expired or not active; idempotent per ``reference_type``/``reference_id``).
    Filter with ``?patient=``, ``?status=``."""

    model = CourseBalance
    serializer_class = serializers.CourseBalanceSerializer
    required_permissions = {
        "list": "course_balance.view",
        "retrieve": "course_balance.view",
        "redeem": "course_balance.redeem",
    }
    filterset_fields = ["patient", "status"]

    def get_base_queryset(self) -> QuerySet[CourseBalance]:
        return selectors.course_balance_list()

    @extend_schema(
        request=serializers.RedeemInputSerializer, responses={201: serializers.RedemptionSerializer}
    )
    @action(detail=True, methods=["post"])
    def redeem(self, request: Request, pk: str | None = None) -> Response:
        """Take one session (201 with the redemption). With ``invoice_item_id`` it pays
        that treatment line of the patient's visit at the till
        (``commerce.services.invoice_item_course_redeem``: the redemption names the
        treatment session, the line costs nothing); else it is taken for
        ``reference_type``/``reference_id``. 400 names ``invoice_item_id``,
        ``reference_type``, ``service_id`` or ``practitioner_id``."""
        balance = self.get_object()
        values = validated_body(serializers.RedeemInputSerializer, request.data)
        practitioner = (
            practitioner_get(clinic=self.clinic, practitioner_id=values["practitioner_id"])
            if values.get("practitioner_id")
            else None
        )
        if values.get("invoice_item_id"):
            redemption = services.invoice_item_course_redeem(
                item=clinic_row_or_400(InvoiceItem, values["invoice_item_id"], "invoice_item_id"),
                balance=balance,
                actor=self.actor,
                practitioner=practitioner,
            )
        else:
            if not values.get("reference_type"):
                raise ValidationFailed(errors={"reference_type": [_("Say what the session is taken for.")]})
            redemption = services.course_balance_redeem(
                balance=balance,
                reference_type=values["reference_type"],
                reference_id=values.get("reference_id"),
                actor=self.actor,
                service=clinic_row_or_400(Service, values.get("service_id"), "service_id"),
                practitioner=practitioner,
            )
        row = selectors.course_redemption_list().get(pk=redemption.pk)
        return Response(serializers.RedemptionSerializer(row).data, status=201)


class CourseRedemptionFilter(django_filters.FilterSet):
    """``?balance=`` (course balance id), ``?patient=`` (chart id: every balance of theirs)."""

    balance = django_filters.UUIDFilter(field_name="balance_id", help_text="Course balance id")
    patient = django_filters.UUIDFilter(
        field_name="balance__patient_id", help_text="Chart (clinic patient) id"
    )

    class Meta:
        model = CourseRedemption
        fields: list[str] = []


class CourseRedemptionViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[CourseRedemption]
):
    """Sessions taken from course balances, newest first (``CourseRedemptionFilter``);
    ``<id>/undo`` gives back one taken today (managers; 409 ``redemption_not_today`` for
    an earlier day's, see ``commerce.services.course_redemption_undo``)."""

    model = CourseRedemption
    serializer_class = serializers.RedemptionSerializer
    required_permissions = {
        "list": "course_balance.view",
        "retrieve": "course_balance.view",
        "undo": "course_balance.undo",
    }
    filterset_class = CourseRedemptionFilter

    def get_base_queryset(self) -> QuerySet[CourseRedemption]:
        return selectors.course_redemption_list()

    @extend_schema(request=None, responses={200: serializers.RedemptionSerializer})
    @action(detail=True, methods=["post"])
    def undo(self, request: Request, pk: str | None = None) -> Response:
        """Give the session back (``commerce.services.course_redemption_undo``): 200 with
        the redemption, ``reversed_at`` set; 409 ``redemption_not_today``."""
        redemption = services.course_redemption_undo(redemption=self.get_object(), actor=self.actor)
        return Response(
            serializers.RedemptionSerializer(selectors.course_redemption_list().get(pk=redemption.pk)).data
        )


# Ledger -----------------------------------------------------------------------------


PERIOD_PARAMETERS = [
    OpenApiParameter("start", OpenApiTypes.DATETIME, description="Entries posted at or after (UTC)"),
    OpenApiParameter("end", OpenApiTypes.DATETIME, description="… and before"),
]


class LedgerViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[JournalEntry]):
    """Journal entries (newest first) with their lines; ``trial-balance`` and
    ``period-totals`` sum them per account over ``?start=``/``?end=``. Filter entries
    with ``?reference_type=``."""

    model = JournalEntry
    serializer_class = serializers.JournalEntrySerializer
    required_permissions = {
        "list": "ledger.view",
        "retrieve": "ledger.view",
        "trial_balance": "ledger.view",
        "period_totals": "ledger.view",
    }
    filterset_fields = ["reference_type"]

    def get_base_queryset(self) -> QuerySet[JournalEntry]:
        return JournalEntry.objects.prefetch_related("lines").order_by("-posted_at")

    @extend_schema(parameters=PERIOD_PARAMETERS, responses={200: serializers.TrialBalanceSerializer})
    @action(detail=False, methods=["get"], url_path="trial-balance")
    def trial_balance(self, request: Request) -> Response:
        body = selectors.trial_balance(
            start=query_instant(request, "start"), end=query_instant(request, "end")
        )
        return Response(serializers.TrialBalanceSerializer({"currency": self.clinic.currency, **body}).data)

    @extend_schema(parameters=PERIOD_PARAMETERS, responses={200: serializers.PeriodTotalsSerializer})
    @action(detail=False, methods=["get"], url_path="period-totals")
    def period_totals(self, request: Request) -> Response:
        rows = selectors.period_totals(
            start=query_instant(request, "start"), end=query_instant(request, "end")
        )
        body = {"currency": self.clinic.currency, "periods": rows}
        return Response(serializers.PeriodTotalsSerializer(body).data)
