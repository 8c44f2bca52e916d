from .env import env

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.JWTAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # JSON only: HTML-form semantics (blank means "absent") have no place in this API.
    "DEFAULT_PARSER_CLASSES": ["core.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "core.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "core.ordering.DeclaredOrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "core.schema.AutoSchema",
    "EXCEPTION_HANDLER": "core.exceptions.problem_exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        # Sign-ins (password, code, reset) per client address: a clinic whose front desks
        # share one public address may need more at the start of a shift.
        "auth": env.str("AUTH_THROTTLE_RATE", default="30/minute"),
        "refresh": "60/minute",
        "anon": "120/minute",
        "identity_link": "10/hour",
    },
    "DEFAULT_VERSIONING_CLASS": None,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "AesthetixOS API",
    "DESCRIPTION": (
        "Clinic ERP for aesthetic medicine. Tenant-local endpoints need the "
        "`X-Clinic-Id` header naming a clinic the caller is a member of; another "
        "clinic's records answer 404. Errors are RFC 9457 problem details."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["core.schema.ApiDocsPublic"],
    # Swagger UI assets served from our own static files: clinics may be offline-ish.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "TillMethodEnum": "commerce.payment_methods.TILL_METHOD_CHOICES",
        "LanguageEnum": "core.settings.base.LANGUAGE_CODES",
        "ScheduleExceptionKindEnum": "scheduling.models.ScheduleException.Kind",
        "DataSubjectRequestKindEnum": "compliance.models.DataSubjectRequest.Kind",
        "DataSubjectStatusEnum": "compliance.models.DataSubjectRequest.Status",
        "DecisionEnum": "patients.models.Consent.Decision",
        "RetentionDecisionEnum": "compliance.models.RetentionDecision.Decision",
        "ProductKindEnum": "catalog.models.Product.Kind",
        "DeviceKindEnum": "catalog.models.DeviceKind",
        "ProductUnitEnum": "catalog.models.Product.Unit",
        "ServiceUnitEnum": "catalog.models.Service.Unit",
        "SaleLineKindEnum": "commerce.models.SaleLine.Kind",
        "StockMovementKindEnum": "commerce.models.StockMovement.Kind",
        "AdjustmentReasonEnum": "commerce.models.StockMovement.AdjustmentReason",
        "ServiceCategoryEnum": "catalog.models.Service.Category",
        "VisitStatusEnum": "emr.models.Visit.Status",
        "TreatmentSessionStatusEnum": "emr.models.TreatmentSession.Status",
        "TreatmentPlanStatusEnum": "emr.models.TreatmentPlan.Status",
        "PlannedSessionStatusEnum": "emr.models.PlannedSession.Status",
        "ClinicalNoteStatusEnum": "emr.models.ClinicalNote.Status",
        "LicenceStatusEnum": "accounts.models.ProfessionalLicence.Status",
        "PhotoStatusEnum": "emr.models.Photo.Status",
        "ConsentFormSignatureMethodEnum": "emr.models.ConsentFormSignature.Method",
        "PaymentMethodEnum": "commerce.models.Payment.Method",
        "NotificationChannelEnum": "notifications.models.Notification.Channel",
        "ChannelEnum": "patients.models.Consent.Channel",
        "ContraindicationEnum": "catalog.models.Contraindication",
        "IntakeAnswerEnum": "emr.intake.Answer",
        "CommissionLogKindEnum": "commissions.models.CommissionLog.Kind",
        "CommissionLogStatusEnum": "commissions.models.CommissionLog.Status",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "core.schema.add_problem_responses",
        # The live events' envelopes and data as components (the only non-REST ones).
        "core.schema.add_event_components",
    ],
}
