from django.urls import path
from django.views.i18n import set_language

from portal import views, views_account, views_deposit, views_forms, views_my

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
    *[
        path("me/appointments/<str:pk>/reschedule/", views_my.appointment_reschedule, name="reschedule"),
        path("me/appointments/<str:pk>/reschedule/slots/", views_my.reschedule_slots, name="move_slots"),
        path("me/appointments/<str:pk>/deposit/", views_deposit.appointment_deposit, name="deposit"),
        path("me/appointments/<str:pk>/calendar.ics", views_my.appointment_ics, name="ics"),
        path("me/appointments/<str:pk>/consent-form/", views_forms.consent_form, name="consent_form"),
        path("me/data/", views_my.my_data, name="my_data"),
        path("me/data/<str:clinic_id>/consents/", views_my.consent_change, name="consent"),
        path("me/data/<str:clinic_id>/export/", views_my.export_create, name="export"),
        path("me/data/<str:clinic_id>/erasure/", views_my.erasure_request, name="erasure"),
        path("me/data/<str:clinic_id>/correction/", views_my.correction_request, name="correction"),
        path("me/exports/<str:pk>.json", views_my.export_download, {"fmt": "json"}, name="export_json"),
        path("me/exports/<str:pk>.pdf", views_my.export_download, {"fmt": "pdf"}, name="export_pdf"),
        path("me/billing/", views_my.billing, name="billing"),
        path("me/invoices/<str:pk>.pdf", views_my.invoice_download, name="invoice_pdf"),
    ],
]
