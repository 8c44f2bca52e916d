from django.urls import path
from rest_framework.routers import SimpleRouter

from commerce import api

router = SimpleRouter(trailing_slash=False)
router.register("inventory/lots", api.LotViewSet, basename="stock-lot")
router.register("inventory/movements", api.MovementViewSet, basename="stock-movement")
router.register("inventory/stock-take", api.StockTakeViewSet, basename="stock-take")
router.register("inventory/suppliers", api.SupplierViewSet, basename="supplier")
router.register("inventory/supplier-items", api.SupplierItemViewSet, basename="supplier-item")
router.register("inventory/purchase-orders", api.PurchaseOrderViewSet, basename="purchase-order")
router.register("inventory", api.InventoryReportViewSet, basename="inventory")
router.register("commerce/sales", api.SaleViewSet, basename="sale")
router.register("commerce/invoices", api.InvoiceViewSet, basename="invoice")
router.register("commerce/payments", api.PaymentViewSet, basename="payment")
router.register("commerce/course-balances", api.CourseBalanceViewSet, basename="course-balance")
router.register("commerce/course-redemptions", api.CourseRedemptionViewSet, basename="course-redemption")
router.register("ledger", api.LedgerViewSet, basename="ledger")

urlpatterns = [
    # before the router, whose payments/<pk> would otherwise take the path
    path("commerce/payments/webhook", api.PaymentWebhookView.as_view(), name="payment-webhook"),
    path("commerce/invoice-links/<str:token>", api.InvoiceLinkView.as_view(), name="invoice-link"),
    *router.urls,
]
