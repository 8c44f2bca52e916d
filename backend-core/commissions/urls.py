from rest_framework.routers import SimpleRouter

from commissions import api

router = SimpleRouter(trailing_slash=False)
router.register("commissions/rules", api.CommissionRuleViewSet, basename="commission-rule")
router.register("commissions/logs", api.CommissionLogViewSet, basename="commission-log")

# The POS's view of a sale lives beside the sale's own routes (commerce/sales/<id>/...).
sales = SimpleRouter()
sales.register("commerce/sales", api.SaleCommissionStatusViewSet, basename="sale-commission")

urlpatterns = router.urls + sales.urls
