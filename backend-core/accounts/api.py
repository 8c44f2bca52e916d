"""HTTP API of the accounts context (``/api/v1/auth/…``, ``users/me``, ``clinics``,
``staff``, ``invites``). Views parse, call one service or selector, and render."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import selectors, serializers, services
from accounts.models import Clinic, Invite, Membership, ProfessionalLicence, User
from core.api import ClinicRequired, ClinicScopedViewSet, request_user, validated_body
from core.exceptions import NotFound, problem_response
from core.permissions import request_is_two_factor_verified, role_permissions
from core.throttling import ScopedClientThrottle

REFRESH_COOKIE_DOC = (
    "The refresh token is set as the HttpOnly cookie `aesthetix_refresh` "
    "(path `/api/v1/auth/`); it is never in the body."
)


def axes_lockout_response(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """django-axes lockout response (its middleware answers with it once a phone + IP
    is locked, for the API and the admin alike): problem details, 429."""
    return problem_response(request, services.login_locked_out_error())


def _set_refresh_cookie(response: Response, pair: services.TokenPair) -> None:
    response.set_cookie(
        settings.REFRESH_COOKIE_NAME,
        pair.refresh,
        max_age=int(settings.SIMPLE_JWT["REFRESH_TOKEN_LIFETIME"].total_seconds()),
        path=settings.REFRESH_COOKIE_PATH,
        secure=settings.REFRESH_COOKIE_SECURE,
        httponly=True,
        samesite=settings.REFRESH_COOKIE_SAMESITE,
    )


def _token_response(
    user: User, pair: services.TokenPair, *, status_code: int = 200, **extra: Any
) -> Response:
    body = {
        "access": pair.access,
        "access_expires_at": pair.access_expires_at,
        "user": serializers.UserSerializer(user).data,
        "two_factor": selectors.two_factor_state(user=user, verified=pair.otp_verified),
        **extra,
    }
    response = Response(body, status=status_code)
    _set_refresh_cookie(response, pair)
    return response


def _refresh_cookie(request: Request) -> str:
    return request.COOKIES.get(settings.REFRESH_COOKIE_NAME, "")


class AuthThrottled(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [ScopedClientThrottle]
    throttle_scope = "auth"


class SignupView(AuthThrottled):
    @extend_schema(
        request=serializers.SignupSerializer,
        responses={201: serializers.SignupResponseSerializer},
        description="Create an organization, its first clinic and its owner; signs the owner in. "
        + REFRESH_COOKIE_DOC,
    )
    def post(self, request: Request) -> Response:
        data = serializers.SignupSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        org, clinic, user = services.organization_signup(
            organization_name=data.validated_data["organization_name"],
            clinic=services.ClinicData(**data.validated_data["clinic"]),
            owner=data.validated_data["owner"],
        )
        _user, pair = services.auth_login(
            request=request._request, phone=user.phone, password=data.validated_data["owner"]["password"]
        )
        return _token_response(
            user,
            pair,
            status_code=201,
            organization_id=str(org.pk),
            clinic=serializers.ClinicSerializer(clinic).data,
        )


class LoginView(AuthThrottled):
    @extend_schema(
        request=serializers.LoginSerializer,
        responses={200: serializers.TokenResponseSerializer},
        description="Sign in with mobile number and password (and `otp_code` once TOTP is "
        "enrolled). 400 `otp_required` asks for the code; 401 `invalid_credentials`; 429 "
        "after repeated failures. " + REFRESH_COOKIE_DOC,
    )
    def post(self, request: Request) -> Response:
        data = serializers.LoginSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user, pair = services.auth_login(request=request._request, **data.validated_data)
        return _token_response(user, pair)


class SessionRefreshThrottle(ScopedClientThrottle):
    """The refresh endpoint's limit (scope ``refresh``), counted per session rather than
    per address: every page load of every signed-in user refreshes, and a clinic's staff
    share one public address, so the ``auth`` limit per address would end their sessions
    (a refused refresh is a sign-out). A token without a valid signature is counted
    against the address, like the other auth endpoints."""

    def get_cache_key(self, request: Request, view: APIView) -> str | None:
        session_id = services.refresh_token_session_id(_refresh_cookie(request))
        if session_id is None:
            return super().get_cache_key(request, view)
        return self.cache_format % {"scope": self.scope, "ident": f"session-{session_id}"}


class RefreshView(AuthThrottled):
    throttle_classes = [SessionRefreshThrottle]
    throttle_scope = "refresh"

    @extend_schema(
        request=None,
        responses={200: serializers.TokenResponseSerializer},
        description="Rotate the refresh cookie and get a new access token. Reusing an old "
        "refresh token ends the whole session (401 `refresh_token_reused`).",
    )
    def post(self, request: Request) -> Response:
        user, pair = services.auth_refresh(raw_refresh=_refresh_cookie(request))
        return _token_response(user, pair)


class LogoutView(AuthThrottled):
    @extend_schema(request=None, responses={204: None}, description="End the session (idempotent).")
    def post(self, request: Request) -> Response:
        services.auth_logout(raw_refresh=_refresh_cookie(request))
        response = Response(status=status.HTTP_204_NO_CONTENT)
        response.delete_cookie(settings.REFRESH_COOKIE_NAME, path=settings.REFRESH_COOKIE_PATH)
        return response


class TotpEnrollView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=None,
        responses={201: serializers.TotpEnrollmentSerializer},
        description="Start TOTP enrolment; 409 when already enrolled.",
    )
    def post(self, request: Request) -> Response:
        enrollment = services.totp_enroll(user=request_user(request))
        return Response({"config_url": enrollment.config_url, "secret": enrollment.secret}, status=201)


class TotpConfirmView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=serializers.TotpConfirmSerializer,
        responses={200: serializers.TokenResponseSerializer},
        description="Confirm enrolment with a first code; returns a new session with "
        "`two_factor.verified = true`. " + REFRESH_COOKIE_DOC,
    )
    def post(self, request: Request) -> Response:
        data = serializers.TotpConfirmSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = request_user(request)
        pair = services.totp_confirm(
            user=user, code=data.validated_data["code"], raw_refresh=_refresh_cookie(request)
        )
        return _token_response(user, pair)


class PasswordChangeView(AuthThrottled):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=serializers.PasswordChangeSerializer,
        responses={200: serializers.TokenResponseSerializer},
        description="Change your password. Every session of yours ends, this one included; "
        "the answer is a new session. 400 names `current_password` or `new_password`. " + REFRESH_COOKIE_DOC,
    )
    def post(self, request: Request) -> Response:
        data = serializers.PasswordChangeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = request_user(request)
        pair = services.user_password_change(
            user=user,
            otp_verified=request_is_two_factor_verified(request),
            **data.validated_data,
        )
        return _token_response(user, pair)


class PasswordResetRequestView(AuthThrottled):
    @extend_schema(
        request=serializers.PasswordResetRequestSerializer,
        responses={202: None},
        description="Send a one-time code by SMS to this mobile number if an account has it. "
        "The answer is 202 either way.",
    )
    def post(self, request: Request) -> Response:
        data = serializers.PasswordResetRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.password_reset_request(**data.validated_data)
        return Response(status=status.HTTP_202_ACCEPTED)


class PasswordResetConfirmView(AuthThrottled):
    @extend_schema(
        request=serializers.PasswordResetConfirmSerializer,
        responses={204: None},
        description="Set a new password with the SMS code; every session of the account ends. "
        "400 `reset_code_invalid` for a wrong, expired or used code (five wrong tries kill it).",
    )
    def post(self, request: Request) -> Response:
        data = serializers.PasswordResetConfirmSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.password_reset_confirm(**data.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeView(APIView):
    permission_classes = [IsAuthenticated]

    def _render(self, request: Request) -> Response:
        user = request_user(request)
        verified = request_is_two_factor_verified(request)
        membership = getattr(request, "membership", None)
        memberships, two_factor_required, enrolled = selectors.membership_list_and_two_factor_state(user=user)
        return Response(
            {
                "user": serializers.UserSerializer(user).data,
                # MembershipBriefSerializer's shape, built without per-field serializers
                # (every request of the app shell reads this).
                "memberships": [
                    {
                        "id": str(row.id),
                        "clinic_id": str(row.clinic_id),
                        "clinic_name": row.clinic_name,
                        "clinic_time_zone": row.clinic_time_zone,
                        "role": row.role,
                    }
                    for row in memberships
                ],
                "two_factor": selectors.two_factor_state(
                    user=user, verified=verified, required=two_factor_required, enrolled=enrolled
                ),
                "permissions": role_permissions(membership.role) if membership is not None else [],
            }
        )

    @extend_schema(responses={200: serializers.MeSerializer})
    def get(self, request: Request) -> Response:
        return self._render(request)

    @extend_schema(request=serializers.MeUpdateSerializer, responses={200: serializers.MeSerializer})
    def patch(self, request: Request) -> Response:
        data = serializers.MeUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.user_update(user=request_user(request), **data.validated_data)
        return self._render(request)


class PreferencesView(APIView):
    """``users/me/preferences``: the caller's own screen choices at the request's clinic
    (``X-Clinic-Id``; 400 ``clinic_required`` without it, 404 for a clinic they are not a
    member of), saved on the server so they follow the person from desk to desk."""

    permission_classes = [IsAuthenticated]

    def _membership(self, request: Request) -> Any:
        membership = getattr(request, "membership", None)
        if membership is None:
            raise ClinicRequired()
        return membership

    @extend_schema(responses={200: serializers.PreferencesSerializer})
    def get(self, request: Request) -> Response:
        values = selectors.membership_preferences(membership=self._membership(request))
        return Response(serializers.PreferencesSerializer(values).data)

    @extend_schema(
        request=serializers.PreferencesSerializer,
        responses={200: serializers.PreferencesSerializer},
        description="Change the given keys. 400 naming `calendar_practitioners` when one is not "
        "an active practitioner of this clinic, or `calendar_view`.",
    )
    def patch(self, request: Request) -> Response:
        data = serializers.PreferencesSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = services.membership_preferences_update(
            membership=self._membership(request), actor=request_user(request), **data.validated_data
        )
        return Response(serializers.PreferencesSerializer(values).data)


class LicenceListView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(responses={200: serializers.LicenceSerializer(many=True)})
    def get(self, request: Request) -> Response:
        licences = selectors.licence_list_for_user(user=request_user(request))
        return Response(serializers.LicenceSerializer(licences, many=True).data)

    @extend_schema(request=serializers.LicenceSerializer, responses={201: serializers.LicenceSerializer})
    def post(self, request: Request) -> Response:
        data = serializers.LicenceSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        licence = services.licence_create(user=request_user(request), **data.validated_data)
        return Response(serializers.LicenceSerializer(licence).data, status=201)


def _upload_bytes(request: Request, max_bytes: int) -> bytes:
    """The bytes of the request's ``file`` part, read up to one past ``max_bytes`` (the
    service names a larger file in its 400). 400 naming ``file`` without one."""
    values = validated_body(serializers.FileUploadSerializer, request.data)
    return bytes(values["file"].read(max_bytes + 1))


class MePhotoView(APIView):
    """``users/me/photo``: the caller's own photograph, shown in the header and on the
    staff list (``photo_url`` of ``users/me`` and of ``staff``)."""

    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser]

    @extend_schema(
        request={"multipart/form-data": serializers.FileUploadSerializer},
        responses={200: serializers.UserSerializer},
        description="Upload a photograph (`file`: JPEG, PNG or WebP, at most "
        "`PROFILE_PHOTO_MAX_BYTES`). It is checked, turned upright, cut to a centred square, "
        "re-encoded as WebP without metadata and replaces the previous one. 400 naming `file` "
        "for anything else. Audited as `user.photo_changed`.",
    )
    def post(self, request: Request) -> Response:
        user = request_user(request)
        services.user_photo_set(user=user, data=_upload_bytes(request, settings.PROFILE_PHOTO_MAX_BYTES))
        return Response(serializers.UserSerializer(user).data)

    @extend_schema(
        request=None,
        responses={200: serializers.UserSerializer},
        description="Remove the photograph (none: nothing changes). Audited as `user.photo_changed`.",
    )
    def delete(self, request: Request) -> Response:
        user = services.user_photo_remove(user=request_user(request))
        return Response(serializers.UserSerializer(user).data)


class MyLicenceEvidenceView(APIView):
    """``users/me/licences/{id}/evidence``: the document behind one of the caller's own
    licences; someone else's licence answers 404."""

    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser]

    def _licence(self, request: Request, pk: str) -> ProfessionalLicence:
        licence = selectors.licence_list_for_user(user=request_user(request)).filter(pk=pk).first()
        if licence is None:
            raise NotFound()
        return licence

    @extend_schema(
        request={"multipart/form-data": serializers.FileUploadSerializer},
        responses={200: serializers.LicenceSerializer},
        description="Upload the evidence (`file`: a PDF or a JPEG, PNG or WebP image, recognised "
        "by its bytes, at most `LICENCE_EVIDENCE_MAX_BYTES`), replacing any before. 400 naming "
        "`file` for anything else. Audited as `licence.evidence_added`.",
    )
    def post(self, request: Request, pk: str) -> Response:
        licence = self._licence(request, pk)  # a foreign id is a 404 before the body is read
        data = _upload_bytes(request, settings.LICENCE_EVIDENCE_MAX_BYTES)
        licence = services.licence_evidence_set(
            licence=licence, actor=request_user(request), clinic=None, data=data
        )
        return Response(serializers.LicenceSerializer(licence).data)

    @extend_schema(
        responses={200: serializers.FileLinkSerializer},
        description="A short-lived link to the evidence (`LICENCE_EVIDENCE_URL_SECONDS`); each "
        "issue is audited as `licence.evidence_viewed`. 404 `evidence_not_found` without one.",
    )
    def get(self, request: Request, pk: str) -> Response:
        link = services.licence_evidence_link(
            licence=self._licence(request, pk), actor=request_user(request), clinic=None
        )
        return Response(serializers.FileLinkSerializer(link).data)


class InviteAcceptView(AuthThrottled):
    @extend_schema(
        parameters=[serializers.InvitePreviewQuerySerializer],
        responses={200: serializers.InvitePreviewSerializer},
        description="What a pending invite offers: clinic, role, the masked mobile number "
        "and whether it has an account. 400 `token` for an unknown link; 410 when the "
        "invite expired, was revoked or used.",
    )
    def get(self, request: Request) -> Response:
        query = serializers.InvitePreviewQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        preview = services.invite_preview(token=query.validated_data["token"])
        return Response(serializers.InvitePreviewSerializer(preview).data)

    @extend_schema(
        request=serializers.InviteAcceptSerializer,
        responses={201: serializers.MembershipBriefSerializer},
        description="Accept an invite. New people send password and names; people with an "
        "account sign in first. 410 when the invite expired, was revoked or used.",
    )
    def post(self, request: Request) -> Response:
        data = serializers.InviteAcceptSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = request_user(request) if request.user.is_authenticated else None
        membership = services.invite_accept(user=user, **data.validated_data)
        return Response(serializers.MembershipBriefSerializer(membership).data, status=201)


class ClinicViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[Clinic]):
    """Clinics (branches) of the caller's organization. Owners list and edit every branch
    and open new ones; an admin lists and edits only the branches where they are an
    active manager (another branch answers 404); every member reads and managers edit
    the current one at ``clinics/me``."""

    model = Clinic
    serializer_class = serializers.ClinicSerializer
    tenant_scope = "organization"
    required_permissions = {
        "list": "clinic.manage",
        "retrieve": "clinic.manage",
        "me": "clinic.view",
        "create": "clinic.open",
        "partial_update": "clinic.manage",
        "update_me": "clinic.manage",
    }
    filterset_fields = ["country", "is_active"]
    ordering_fields = ["name", "created_at"]

    def get_base_queryset(self) -> QuerySet[Clinic]:
        return selectors.clinics_managed_by(user=self.actor, role=self.membership.role)

    @extend_schema(request=serializers.ClinicInputSerializer, responses={201: serializers.ClinicSerializer})
    def create(self, request: Request) -> Response:
        data = serializers.ClinicInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        clinic = services.clinic_create(
            organization=self.clinic.organization,
            actor=self.actor,
            actor_role=self.membership.role,
            data=services.ClinicData(**data.validated_data),
        )
        return Response(serializers.ClinicSerializer(clinic).data, status=201)

    @extend_schema(request=serializers.ClinicUpdateSerializer, responses={200: serializers.ClinicSerializer})
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        return self._update(request, self.get_object())

    @extend_schema(
        responses={200: serializers.ClinicSerializer}, description="The clinic named by X-Clinic-Id."
    )
    @action(detail=False, methods=["get"], url_path="me")
    def me(self, request: Request) -> Response:
        return Response(serializers.ClinicSerializer(self.clinic).data)

    @extend_schema(request=serializers.ClinicUpdateSerializer, responses={200: serializers.ClinicSerializer})
    @me.mapping.patch
    def update_me(self, request: Request) -> Response:
        return self._update(request, self.clinic)

    def _update(self, request: Request, clinic: Clinic) -> Response:
        data = serializers.ClinicUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        clinic = services.clinic_update(
            clinic=clinic, actor=self.actor, actor_role=self.membership.role, **data.validated_data
        )
        return Response(serializers.ClinicSerializer(clinic).data)


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter(
                "search",
                OpenApiTypes.STR,
                description="Words each found in a name, or the digits of one in the mobile number",
            )
        ]
    )
)
class StaffViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[Membership]):
    """The clinic's staff (memberships). ``?search=`` matches names and phone."""

    model = Membership
    serializer_class = serializers.StaffSerializer
    required_permissions = {"list": "staff.view", "retrieve": "staff.view", "partial_update": "staff.manage"}
    filterset_fields = ["role", "is_active"]

    def get_base_queryset(self) -> QuerySet[Membership]:
        return selectors.staff_list(clinic=self.clinic, search=self.request.query_params.get("search", ""))

    @extend_schema(request=serializers.StaffUpdateSerializer, responses={200: serializers.StaffSerializer})
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        membership = self.get_object()  # a foreign id is a 404 before the body is read
        data = serializers.StaffUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        membership = services.membership_update(
            membership=membership,
            actor=self.actor,
            actor_role=self.membership.role,
            **data.validated_data,
        )
        return Response(serializers.StaffSerializer(membership).data)


class InviteViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[Invite]):
    model = Invite
    serializer_class = serializers.InviteSerializer
    required_permissions = {
        "list": "invite.manage",
        "retrieve": "invite.manage",
        "create": "invite.manage",
        "revoke": "invite.manage",
    }

    def get_base_queryset(self) -> QuerySet[Invite]:
        return selectors.invite_list()

    @extend_schema(
        request=serializers.InviteCreateSerializer, responses={201: serializers.InviteCreatedSerializer}
    )
    def create(self, request: Request) -> Response:
        data = serializers.InviteCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        invite, token = services.invite_create(
            clinic=self.clinic,
            actor=self.actor,
            actor_role=self.membership.role,
            **data.validated_data,
        )
        invite.accept_url = services.invite_accept_url(token)  # type: ignore[attr-defined]
        return Response(serializers.InviteCreatedSerializer(invite).data, status=201)

    @extend_schema(
        request=None,
        responses={200: serializers.InviteSerializer, 409: OpenApiResponse(description="not pending")},
    )
    @action(detail=True, methods=["post"])
    def revoke(self, request: Request, pk: str | None = None) -> Response:
        with transaction.atomic():
            invite = services.invite_revoke(invite=self.get_object(), actor=self.actor)
        return Response(serializers.InviteSerializer(invite).data)


class ClinicLicenceViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[ProfessionalLicence]
):
    """``licences``: the professional licences of the clinic's practitioners, for its
    owners and admins to verify (``?expiring_within_days=``, ``?status=``,
    ``?council=``); a licence of someone who does not practise here answers 404."""

    model = ProfessionalLicence
    serializer_class = serializers.ClinicLicenceSerializer
    # Licences are the person's, not the clinic's: scoped through the holder's membership
    # here (the base queryset keeps active practitioners only).
    clinic_field = "user__memberships__clinic"
    required_permissions = {
        "list": "licence.manage",
        "retrieve": "licence.manage",
        "verify": "licence.manage",
        "evidence": "licence.manage",
        "evidence_upload": "licence.manage",
    }
    filterset_fields = ["status", "council"]

    def get_base_queryset(self) -> QuerySet[ProfessionalLicence]:
        query = validated_body(serializers.LicenceListQuerySerializer, self.request.query_params)
        return selectors.licence_list_for_clinic(
            clinic=self.clinic, expiring_within_days=query.get("expiring_within_days")
        )

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        if getattr(self.request, "clinic", None) is not None:
            context["today"] = self.clinic.today()
        return context

    @extend_schema(parameters=[serializers.LicenceListQuerySerializer])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(
        request=serializers.LicenceVerifySerializer,
        responses={200: serializers.ClinicLicenceSerializer},
        description="Verify or reject the licence, saying how it was checked (`note`). A "
        "verification is put to the configured licence registry first; one that finds the "
        "licence not in force makes it `rejected`. 503 `licence_registry_unavailable` when "
        "the registry gives no usable answer (the licence is not changed).",
    )
    @action(detail=True, methods=["post"])
    def verify(self, request: Request, pk: str | None = None) -> Response:
        licence = self.get_object()  # another clinic's licence is a 404 before the body is read
        values = validated_body(serializers.LicenceVerifySerializer, request.data)
        licence = services.licence_verify(
            licence=licence,
            clinic=self.clinic,
            actor=self.actor,
            status=values["status"],
            note=values["note"],
        )
        return Response(self.get_serializer(self.get_queryset().get(pk=licence.pk)).data)

    @extend_schema(
        responses={200: serializers.FileLinkSerializer},
        description="A short-lived link to the licence's evidence document "
        "(`LICENCE_EVIDENCE_URL_SECONDS`); each issue is audited as `licence.evidence_viewed`. "
        "404 `evidence_not_found` when none is on file.",
    )
    @action(detail=True, methods=["get"], parser_classes=[MultiPartParser])
    def evidence(self, request: Request, pk: str | None = None) -> Response:
        link = services.licence_evidence_link(licence=self.get_object(), actor=self.actor, clinic=self.clinic)
        return Response(serializers.FileLinkSerializer(link).data)

    @extend_schema(
        request={"multipart/form-data": serializers.FileUploadSerializer},
        responses={200: serializers.ClinicLicenceSerializer},
        description="Upload the evidence (`file`: a PDF or a JPEG, PNG or WebP image, recognised "
        "by its bytes, at most `LICENCE_EVIDENCE_MAX_BYTES`), replacing any before. 400 naming "
        "`file` for anything else. Audited as `licence.evidence_added`.",
    )
    @evidence.mapping.post
    def evidence_upload(self, request: Request, pk: str | None = None) -> Response:
        licence = self.get_object()  # another clinic's licence is a 404 before the body is read
        data = _upload_bytes(request, settings.LICENCE_EVIDENCE_MAX_BYTES)
        services.licence_evidence_set(licence=licence, actor=self.actor, clinic=self.clinic, data=data)
        return Response(self.get_serializer(self.get_queryset().get(pk=licence.pk)).data)
