"""OpenAPI description of our JWT authentication (drf-spectacular extension)."""

from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme


class AesthetixJWTScheme(SimpleJWTScheme):  # type: ignore[misc]
    target_class = "accounts.authentication.JWTAuthentication"
    name = "jwtAuth"
