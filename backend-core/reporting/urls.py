from rest_framework.routers import SimpleRouter

from reporting import api

router = SimpleRouter(trailing_slash=False)
router.register("reports", api.ReportViewSet, basename="report")

urlpatterns = router.urls
