from django.urls import path
from rest_framework.routers import SimpleRouter

from core import objectstore_views
from emr import api

router = SimpleRouter(trailing_slash=False)
router.register("clinic/visits", api.VisitViewSet, basename="visit")
router.register("clinic/sessions", api.SessionViewSet, basename="treatment-session")
router.register("clinic/notes", api.NoteViewSet, basename="clinical-note")
router.register("clinic/plans", api.PlanViewSet, basename="treatment-plan")
router.register("clinic/consent-templates", api.ConsentTemplateViewSet, basename="consent-form-template")
router.register("clinic/consent-forms", api.ConsentSignatureViewSet, basename="consent-form")
router.register("clinic/photos", api.PhotoViewSet, basename="photo")
router.register("clinic/face-charts", api.FaceChartViewSet, basename="face-chart")
router.register("clinic/charts", api.ChartViewSet, basename="chart")
router.register("patients", api.PatientRecordViewSet, basename="patient-record")

urlpatterns = [
    path(
        "calendar/appointments/<uuid:pk>/deposit",
        api.AppointmentDepositViewSet.as_view({"get": "retrieve", "post": "take"}),
        name="appointment-deposit",
    ),
    path(
        "clinic/upload-token/", api.PhotoUploadViewSet.as_view({"get": "upload_token"}), name="upload-token"
    ),
    path(
        "clinic/confirm-upload/",
        api.PhotoUploadViewSet.as_view({"post": "confirm_upload"}),
        name="confirm-upload",
    ),
    # The embedded profile's stand-in for the S3 endpoints (core.objectstore.LocalObjectStore).
    path("clinic/objects/upload", objectstore_views.local_upload, name="object-upload"),
    path("clinic/objects/<path:key>", objectstore_views.local_download, name="object-download"),
    *router.urls,
]
