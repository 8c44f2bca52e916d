from rest_framework.routers import SimpleRouter

from compliance import api

router = SimpleRouter(trailing_slash=False)
router.register("compliance/audit-events", api.AuditEventViewSet, basename="audit-event")

urlpatterns = router.urls
