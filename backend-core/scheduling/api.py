"""Calendar API under ``/api/v1/calendar/``: appointments (book, move, state changes),
free slots, rooms, working hours and exceptions; the devices under ``/api/v1/resources``."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from accounts.selectors import practitioner_get
from catalog.models import Service
from core.api import ClinicScopedViewSet, clinic_row_or_400, query_instant, request_user, validated_body
from core.exceptions import FieldErrors, NotFound, ValidationFailed, problem_response
from core.permissions import role_has_permission
from patients.models import ClinicPatient
from scheduling import ical, selectors, serializers, services
from scheduling.models import Appointment, Resource, Room, ScheduleException, StaffSchedule
from scheduling.serializers import FeedLinkSerializer

Status = Appointment.Status


RANGE_PARAMETERS = [
    OpenApiParameter("start", OpenApiTypes.DATETIME, description="Appointments starting at or after"),
    OpenApiParameter("end", OpenApiTypes.DATETIME, description="… and before (e.g. a day or a week)"),
    OpenApiParameter("practitioner", OpenApiTypes.UUID),
    OpenApiParameter("room", OpenApiTypes.UUID),
    OpenApiParameter("status", OpenApiTypes.STR, enum=Status.values),
]


class AppointmentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[Appointment]):
    """The clinic's appointments. State changes are POSTs to ``<id>/confirm``,
    ``arrive``, ``start``, ``complete``, ``no-show`` and ``cancel`` (with a reason);
    an illegal change answers 409 ``invalid_transition``, a change refused by the front
    desk's rules 409 ``checkin_not_open``, ``checkin_closed`` or
    ``no_show_before_start`` (``services.appointment_transition``), cancelling after
    check-in without ``calendar.cancel_after_arrival`` 403."""

    model = Appointment
    serializer_class = serializers.AppointmentSerializer
    required_permissions = {
        "list": "calendar.view",
        "retrieve": "calendar.view",
        "availability": "calendar.view",
        "availability_day": "calendar.view",
        "range": "calendar.view",
        "create": "calendar.book",
        "partial_update": "calendar.book",
        "confirm": "calendar.book",
        "arrive": "calendar.book",
        "start": "calendar.book",
        "complete": "calendar.book",
        "no_show": "calendar.book",
        "cancel": "calendar.book",
    }

    def get_base_queryset(self) -> QuerySet[Appointment]:
        params = self.request.query_params
        status = params.get("status", "")
        if status and status not in Status.values:
            raise ValidationFailed(errors={"status": [_("Unknown status.")]})
        return selectors.appointment_list(
            start=query_instant(self.request, "start"),
            end=query_instant(self.request, "end"),
            practitioner_id=_uuid(params.get("practitioner"), "practitioner"),
            room_id=_uuid(params.get("room"), "room"),
            status=status,
        )

    @extend_schema(parameters=RANGE_PARAMETERS)
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(
        request=serializers.AppointmentBookSerializer, responses={201: serializers.AppointmentSerializer}
    )
    def create(self, request: Request) -> Response:
        data = serializers.AppointmentBookSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        # Every unknown reference is named in one answer, not only the first.
        errors, rows = FieldErrors(), {}
        for field, model in (
            ("patient_id", ClinicPatient),
            ("service_id", Service),
            ("room_id", Room),
            ("resource_id", Resource),
        ):
            with errors.collect():
                rows[field] = clinic_row_or_400(model, values.get(field), field)
        with errors.collect():
            rows["practitioner_id"] = practitioner_get(
                clinic=self.clinic, practitioner_id=values["practitioner_id"]
            )
        errors.raise_if_any()
        appointment = services.appointment_book(
            clinic=self.clinic,
            actor=self.actor,
            patient=rows["patient_id"],
            practitioner=rows["practitioner_id"],
            service=rows["service_id"],
            starts_at=values["starts_at"],
            room=rows["room_id"],
            resource=rows["resource_id"],
            notes=values.get("notes", ""),
        )
        return Response(self.get_serializer(appointment).data, status=201)

    @extend_schema(
        request=serializers.AppointmentRescheduleSerializer,
        responses={200: serializers.AppointmentSerializer},
    )
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        appointment = self.get_object()  # a foreign id is a 404 before the body is read
        data = serializers.AppointmentRescheduleSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        practitioner = values.get("practitioner_id")
        appointment = services.appointment_reschedule(
            appointment=appointment,
            actor=self.actor,
            starts_at=values["starts_at"],
            practitioner=practitioner_get(clinic=self.clinic, practitioner_id=practitioner)
            if practitioner
            else None,
            room=clinic_row_or_400(Room, values.get("room_id"), "room_id"),
        )
        return Response(self.get_serializer(appointment).data)

    def _move(self, to_status: str, reason: str = "", appointment: Appointment | None = None) -> Response:
        appointment = services.appointment_transition(
            appointment=appointment or self.get_object(),
            actor=self.actor,
            to_status=to_status,
            reason=reason,
        )
        return Response(self.get_serializer(appointment).data)

    @extend_schema(request=None, responses={200: serializers.AppointmentSerializer})
    @action(detail=True, methods=["post"])
    def confirm(self, request: Request, pk: str | None = None) -> Response:
        return self._move(Status.CONFIRMED)

    @extend_schema(request=None, responses={200: serializers.AppointmentSerializer})
    @action(detail=True, methods=["post"])
    def arrive(self, request: Request, pk: str | None = None) -> Response:
        return self._move(Status.ARRIVED)

    @extend_schema(request=None, responses={200: serializers.AppointmentSerializer})
    @action(detail=True, methods=["post"])
    def start(self, request: Request, pk: str | None = None) -> Response:
        return self._move(Status.IN_PROGRESS)

    @extend_schema(request=None, responses={200: serializers.AppointmentSerializer})
    @action(detail=True, methods=["post"])
    def complete(self, request: Request, pk: str | None = None) -> Response:
        return self._move(Status.COMPLETED)

    @extend_schema(request=None, responses={200: serializers.AppointmentSerializer})
    @action(detail=True, methods=["post"], url_path="no-show")
    def no_show(self, request: Request, pk: str | None = None) -> Response:
        return self._move(Status.NO_SHOW)

    @extend_schema(
        request=serializers.AppointmentCancelSerializer, responses={200: serializers.AppointmentSerializer}
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request: Request, pk: str | None = None) -> Response:
        appointment = self.get_object()  # a foreign id is a 404 before the body is read
        data = serializers.AppointmentCancelSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return self._move(Status.CANCELLED, data.validated_data["reason"], appointment)

    @extend_schema(
        parameters=[serializers.AvailabilityQuerySerializer],
        responses={200: serializers.SlotSerializer(many=True)},
        description="Free start times for a service (every 15 min, clinic time zone), for one "
        "practitioner or all; honours hours, breaks, exceptions, buffers, DST and the "
        "practitioner's bookings at every clinic.",
    )
    # One list, not pages (the schema said pages while the view answered a list).
    @action(detail=False, methods=["get"], pagination_class=None)
    def availability(self, request: Request) -> Response:
        query = serializers.AvailabilityQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        values = query.validated_data
        slots = selectors.practitioner_free_slots(
            clinic=self.clinic,
            service=clinic_row_or_400(Service, values["service"], "service"),
            date_from=values["date_from"],
            date_to=values["date_to"],
            practitioner_id=values.get("practitioner"),
        )
        return Response(serializers.slot_data(slots))

    @extend_schema(
        parameters=[serializers.DayAvailabilityQuerySerializer],
        responses={200: serializers.DayAvailabilitySerializer},
        description="Free start times for a service on one local day, for one practitioner or "
        "all, and for each practitioner without one the reason (not working, time off — "
        "with its reason for roles that book —, fully booked, past, beyond the booking "
        "horizon), with the next day that has a free time.",
    )
    @action(detail=False, methods=["get"], url_path="availability/day", pagination_class=None)
    def availability_day(self, request: Request) -> Response:
        query = serializers.DayAvailabilityQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        values = query.validated_data
        result = selectors.day_availability(
            clinic=self.clinic,
            service=clinic_row_or_400(Service, values["service"], "service"),
            day=values["date"],
            practitioner_id=values.get("practitioner"),
            show_time_off_reason=role_has_permission(self.membership.role, "calendar.book"),
        )
        return Response(serializers.DayAvailabilitySerializer(result).data)

    @extend_schema(
        parameters=[serializers.RangeQuerySerializer],
        responses={200: serializers.CalendarRangeSerializer},
        description="Everything the calendar shows for local days date_from…date_to in ONE "
        "answer: the appointments of the chosen practitioners (every status, start order) "
        "and each practitioner's working intervals and time off (UTC instants; the time "
        "off's reason for roles that book). The number of queries does not depend on how "
        "many practitioners, days or appointments there are. 400 naming `practitioner` "
        "for an id that is not one of this clinic's practitioners.",
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def range(self, request: Request) -> Response:
        query = serializers.RangeQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        values = query.validated_data
        result = selectors.calendar_range(
            clinic=self.clinic,
            date_from=values["date_from"],
            date_to=values["date_to"],
            practitioner_ids=values.get("practitioner") or None,
            show_time_off_reason=role_has_permission(self.membership.role, "calendar.book"),
        )
        return Response(serializers.calendar_range_data(result))


def _uuid(raw: str | None, field: str) -> Any:
    import uuid

    if not raw:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError as exc:
        raise ValidationFailed(errors={field: [_("Must be a UUID.")]}) from exc


class StaffScheduleFilter(django_filters.FilterSet):
    # By id: a model-choice filter would load the user to validate it.
    practitioner = django_filters.UUIDFilter(field_name="practitioner_id")

    class Meta:
        model = StaffSchedule
        fields = ["weekday"]


class ScheduleExceptionFilter(django_filters.FilterSet):
    practitioner = django_filters.UUIDFilter(field_name="practitioner_id")

    class Meta:
        model = ScheduleException
        fields = ["date", "kind"]


class RoomViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[Room]):
    """The clinic's treatment rooms, those in use first, by name; ``?is_active=``
    filters. Everyone sees them; managers add, rename and take them out of (or back
    into) use. A room is never deleted: past appointments keep naming it."""

    model = Room
    serializer_class = serializers.RoomSerializer
    required_permissions = {
        "list": "calendar.view",
        "retrieve": "calendar.view",
        "create": "calendar.manage",
        "partial_update": "calendar.manage",
    }
    filterset_fields = ["is_active"]

    def get_base_queryset(self) -> QuerySet[Room]:
        return Room.objects.order_by("-is_active", "name", "pk")

    @extend_schema(request=serializers.RoomSerializer, responses={201: serializers.RoomSerializer})
    def create(self, request: Request) -> Response:
        data = serializers.RoomSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        room = services.room_create(clinic=self.clinic, actor=self.actor, name=data.validated_data["name"])
        return Response(serializers.RoomSerializer(room).data, status=201)

    @extend_schema(request=serializers.RoomUpdateSerializer, responses={200: serializers.RoomSerializer})
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        room = self.get_object()  # a foreign id is a 404 before the body is read
        values = validated_body(serializers.RoomUpdateSerializer, request.data)
        room = services.room_update(room=room, actor=self.actor, **values)
        return Response(serializers.RoomSerializer(room).data)


class ResourceFilter(django_filters.FilterSet):
    class Meta:
        model = Resource
        fields = ["kind", "is_active"]


class ResourceViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[Resource]):
    """The clinic's bookable devices (lasers, HIFU…), by name; ``?kind=`` and
    ``?is_active=`` filter. Everyone sees them; managers add, rename, change the kind and
    (de)activate. DELETE removes a device never booked (204) and deactivates one that
    was (200 with the device), so past appointments keep naming it."""

    model = Resource
    serializer_class = serializers.ResourceSerializer
    required_permissions = {
        "list": "calendar.view",
        "retrieve": "calendar.view",
        "create": "calendar.manage",
        "partial_update": "calendar.manage",
        "destroy": "calendar.manage",
    }
    filterset_class = ResourceFilter

    def get_base_queryset(self) -> QuerySet[Resource]:
        return Resource.objects.order_by("-is_active", "name", "pk")

    @extend_schema(
        request=serializers.ResourceInputSerializer, responses={201: serializers.ResourceSerializer}
    )
    def create(self, request: Request) -> Response:
        values = validated_body(serializers.ResourceInputSerializer, request.data)
        resource = services.resource_create(clinic=self.clinic, actor=self.actor, **values)
        return Response(serializers.ResourceSerializer(resource).data, status=201)

    @extend_schema(
        request=serializers.ResourceUpdateSerializer, responses={200: serializers.ResourceSerializer}
    )
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        resource = self.get_object()  # a foreign id is a 404 before the body is read
        values = validated_body(serializers.ResourceUpdateSerializer, request.data)
        resource = services.resource_update(resource=resource, actor=self.actor, **values)
        return Response(serializers.ResourceSerializer(resource).data)

    @extend_schema(responses={200: serializers.ResourceSerializer, 204: None})
    def destroy(self, request: Request, pk: str | None = None) -> Response:
        kept = services.resource_remove(resource=self.get_object(), actor=self.actor)
        if kept is None:
            return Response(status=204)
        return Response(serializers.ResourceSerializer(kept).data)


class StaffScheduleViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    ClinicScopedViewSet[StaffSchedule],
):
    """Weekly working hours (local time). ``?practitioner=`` filters."""

    model = StaffSchedule
    serializer_class = serializers.StaffScheduleSerializer
    required_permissions = {
        "list": "calendar.view",
        "retrieve": "calendar.view",
        "create": "calendar.manage",
        "destroy": "calendar.manage",
        "week": "calendar.manage",
    }
    filterset_class = StaffScheduleFilter

    def get_base_queryset(self) -> QuerySet[StaffSchedule]:
        return StaffSchedule.objects.order_by("practitioner_id", "weekday", "start_time")

    @extend_schema(
        request=serializers.StaffScheduleSerializer, responses={201: serializers.StaffScheduleSerializer}
    )
    def create(self, request: Request) -> Response:
        data = serializers.StaffScheduleSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        schedule = services.staff_schedule_add(clinic=self.clinic, actor=self.actor, **data.validated_data)
        return Response(serializers.StaffScheduleSerializer(schedule).data, status=201)

    def perform_destroy(self, instance: StaffSchedule) -> None:
        services.staff_schedule_delete(schedule=instance, actor=self.actor)

    @extend_schema(
        request=serializers.StaffScheduleWeekSerializer,
        responses={200: serializers.StaffScheduleSerializer(many=True)},
    )
    @action(detail=False, methods=["put"], pagination_class=None)
    def week(self, request: Request) -> Response:
        """``PUT calendar/schedules/week``: replace a practitioner's weekly working hours
        in one transaction (``services.staff_schedule_week_replace``); 400 naming
        ``windows.<i>.<field>``, or ``practitioner_id`` when it is not one of this
        clinic's practitioners. Idempotent:
        the same week twice leaves the same rows."""
        data = serializers.StaffScheduleWeekSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        rows = services.staff_schedule_week_replace(
            clinic=self.clinic,
            actor=self.actor,
            practitioner_id=data.validated_data["practitioner_id"],
            windows=[(w["weekday"], w["start_time"], w["end_time"]) for w in data.validated_data["windows"]],
        )
        return Response(serializers.StaffScheduleSerializer(rows, many=True).data)


class ScheduleExceptionViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    ClinicScopedViewSet[ScheduleException],
):
    """Dated time off and extra hours. ``?practitioner=`` and ``?date=`` filter."""

    model = ScheduleException
    serializer_class = serializers.ScheduleExceptionSerializer
    required_permissions = {
        "list": "calendar.view",
        "retrieve": "calendar.view",
        "create": "calendar.manage",
        "destroy": "calendar.manage",
    }
    filterset_class = ScheduleExceptionFilter

    def get_base_queryset(self) -> QuerySet[ScheduleException]:
        return ScheduleException.objects.order_by("date", "start_time")

    @extend_schema(
        request=serializers.ScheduleExceptionSerializer,
        responses={201: serializers.ScheduleExceptionSerializer},
    )
    def create(self, request: Request) -> Response:
        data = serializers.ScheduleExceptionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        exception = services.schedule_exception_add(
            clinic=self.clinic, actor=self.actor, **data.validated_data
        )
        return Response(serializers.ScheduleExceptionSerializer(exception).data, status=201)

    def perform_destroy(self, instance: ScheduleException) -> None:
        services.schedule_exception_delete(exception=instance, actor=self.actor)


class CalendarFeedLinkView(APIView):
    """The signed address of the caller's iCalendar feed (all their clinics)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses={200: FeedLinkSerializer})
    def get(self, request: Request) -> Response:
        return Response({"url": ical.feed_url(request_user(request))})


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """``GET /api/v1/calendar/feeds/<token>.ics``: the practitioner's appointments as
    ``text/calendar``; an unknown or forged token answers 404."""
    user_id = ical.feed_user_id(token)
    if user_id is None or not User.objects.filter(pk=user_id, is_active=True).exists():
        return problem_response(request, NotFound())
    response = HttpResponse(
        ical.practitioner_calendar(user_id=user_id), content_type="text/calendar; charset=utf-8"
    )
    response["Cache-Control"] = "private, max-age=300"
    return response
