from django.conf import settings
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path
from django_otp.admin import OTPAdminSite
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from core import frontend, health

handler400 = "core.exceptions.handler400"
handler403 = "core.exceptions.handler403"
handler404 = "core.exceptions.handler404"
handler500 = "core.exceptions.handler500"

api_v1: list[URLPattern | URLResolver] = [
    path("", include("accounts.urls")),
    path("", include("catalog.urls")),
    path("", include("commerce.urls")),
    path("", include("commissions.urls")),
    path("", include("patients.urls")),
    path("", include("scheduling.urls")),
    path("", include("compliance.urls")),
    path("", include("emr.urls")),
    path("", include("notifications.urls")),
    path("", include("reporting.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
]

# The admin signs in staff with a TOTP code (django-otp), like every admin role.
admin.site.__class__ = OTPAdminSite

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("api/v1/", include(api_v1)),
    path("portal/", include("portal.urls")),
    # Swagger UI's start-up script comes from a URL of its own: no inline script (CSP).
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    *([path("admin/", admin.site.urls)] if settings.DJANGO_ADMIN_ENABLED else []),
    # Everything else is a page of the front end. The prefixes served elsewhere (static
    # files by WhiteNoise, /ws/ by Channels) are excluded so a missing file stays a 404.
    re_path(
        r"^(?!api/|admin/|static/|media/|ws/|portal/|healthz$|readyz$).*$",
        frontend.spa_index,
        name="frontend",
    ),
]
