from rest_framework.routers import SimpleRouter

from patients import api

router = SimpleRouter(trailing_slash=False)
router.register("patients", api.PatientViewSet, basename="patient")
router.register("consent-texts", api.ConsentTextViewSet, basename="consent-text")

urlpatterns = router.urls
