from rest_framework.routers import SimpleRouter

from commerce import api

router = SimpleRouter(trailing_slash=False)
router.register("inventory/lots", api.LotViewSet, basename="stock-lot")
router.register("inventory/movements", api.MovementViewSet, basename="stock-movement")
router.register("inventory", api.InventoryReportViewSet, basename="inventory")
router.register("commerce/sales", api.SaleViewSet, basename="sale")
router.register("commerce/invoices", api.InvoiceViewSet, basename="invoice")
router.register("commerce/payments", api.PaymentViewSet, basename="payment")
router.register("commerce/course-balances", api.CourseBalanceViewSet, basename="course-balance")
router.register("ledger", api.LedgerViewSet, basename="ledger")

urlpatterns = router.urls
