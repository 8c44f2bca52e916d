from rest_framework.routers import SimpleRouter

from reporting import api, runs_api

router = SimpleRouter(trailing_slash=False)
router.register("reports/runs", runs_api.ReportRunViewSet, basename="report-run")
router.register("reports", api.ReportViewSet, basename="report")

urlpatterns = router.urls
