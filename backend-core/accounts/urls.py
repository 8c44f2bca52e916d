from django.urls import path
from rest_framework.routers import SimpleRouter

from accounts import api

router = SimpleRouter(trailing_slash=False)
router.register("clinics", api.ClinicViewSet, basename="clinic")
router.register("staff", api.StaffViewSet, basename="staff")
router.register("invites", api.InviteViewSet, basename="invite")
router.register("licences", api.ClinicLicenceViewSet, basename="licence")

urlpatterns = [
    path("auth/signup", api.SignupView.as_view(), name="auth-signup"),
    path("auth/token", api.LoginView.as_view(), name="auth-token"),
    path("auth/token/refresh", api.RefreshView.as_view(), name="auth-token-refresh"),
    path("auth/logout", api.LogoutView.as_view(), name="auth-logout"),
    path("auth/password", api.PasswordChangeView.as_view(), name="auth-password"),
    path("auth/password-reset", api.PasswordResetRequestView.as_view(), name="auth-password-reset"),
    path(
        "auth/password-reset/confirm",
        api.PasswordResetConfirmView.as_view(),
        name="auth-password-reset-confirm",
    ),
    path("auth/2fa/totp", api.TotpEnrollView.as_view(), name="auth-totp-enroll"),
    path("auth/2fa/totp/confirm", api.TotpConfirmView.as_view(), name="auth-totp-confirm"),
    path("users/me", api.MeView.as_view(), name="users-me"),
    path("users/me/preferences", api.PreferencesView.as_view(), name="users-me-preferences"),
    path("users/me/licences", api.LicenceListView.as_view(), name="users-me-licences"),
    path("users/me/photo", api.MePhotoView.as_view(), name="users-me-photo"),
    path(
        "users/me/licences/<uuid:pk>/evidence",
        api.MyLicenceEvidenceView.as_view(),
        name="users-me-licence-evidence",
    ),
    path("invites/accept", api.InviteAcceptView.as_view(), name="invite-accept"),
    *router.urls,
]
