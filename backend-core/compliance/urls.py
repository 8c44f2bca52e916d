from rest_framework.routers import SimpleRouter

from compliance import api

router = SimpleRouter(trailing_slash=False)
router.register("compliance/retention", api.RetentionViewSet, basename="retention")
router.register("compliance", api.ComplianceDeskViewSet, basename="compliance-desk")
router.register("compliance/audit-events", api.AuditEventViewSet, basename="audit-event")
router.register(
    "compliance/data-subject-requests", api.DataSubjectRequestViewSet, basename="data-subject-request"
)

urlpatterns = router.urls
