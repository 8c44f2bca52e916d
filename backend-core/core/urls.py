from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from core import health

handler400 = "core.exceptions.handler400"
handler403 = "core.exceptions.handler403"
handler404 = "core.exceptions.handler404"
handler500 = "core.exceptions.handler500"

api_v1: list[URLPattern | URLResolver] = [
    path("", include("accounts.urls")),
    path("", include("commerce.urls")),
    path("", include("patients.urls")),
    path("", include("scheduling.urls")),
    path("", include("compliance.urls")),
    path("", include("emr.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
]

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("api/v1/", include(api_v1)),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("admin/", admin.site.urls),
]
