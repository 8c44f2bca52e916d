from django.urls import path
from rest_framework.routers import SimpleRouter

from scheduling import api

router = SimpleRouter(trailing_slash=False)
router.register("calendar/appointments", api.AppointmentViewSet, basename="appointment")
router.register("calendar/rooms", api.RoomViewSet, basename="room")
router.register("resources", api.ResourceViewSet, basename="resource")
router.register("calendar/schedules", api.StaffScheduleViewSet, basename="staff-schedule")
router.register("calendar/schedule-exceptions", api.ScheduleExceptionViewSet, basename="schedule-exception")

urlpatterns = [
    path("calendar/my-feed", api.CalendarFeedLinkView.as_view(), name="calendar-feed-link"),
    path("calendar/feeds/<str:token>.ics", api.calendar_feed, name="calendar-feed"),
    *router.urls,
]
