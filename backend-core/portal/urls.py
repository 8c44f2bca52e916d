from django.urls import path
from django.views.i18n import set_language

from portal import views, views_account

app_name = "portal"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("language/", set_language, name="language"),
    path("signup/", views.signup, name="signup"),
    path("verify/", views.verify, name="verify"),
    path("signin/", views.signin, name="signin"),
    path("signout/", views.signout, name="signout"),
    path("signin/code/", views_account.signin_code, name="signin_code"),
    path("password/reset/", views_account.password_reset, name="password_reset"),
    path("password/reset/code/", views_account.password_reset_code, name="password_reset_code"),
    path("me/security/", views_account.security, name="security"),
    path("clinics/<slug:slug>/", views.clinic_page, name="clinic"),
    path("clinics/<slug:slug>/book/", views.book, name="book"),
    path("clinics/<slug:slug>/slots/", views.slots, name="slots"),
    path("me/appointments/", views.appointments, name="appointments"),
    path("me/appointments/<str:pk>/cancel/", views.appointment_cancel, name="cancel"),
]
