from rest_framework.routers import SimpleRouter

from scheduling import api

router = SimpleRouter(trailing_slash=False)
router.register("calendar/appointments", api.AppointmentViewSet, basename="appointment")
router.register("calendar/rooms", api.RoomViewSet, basename="room")
router.register("calendar/schedules", api.StaffScheduleViewSet, basename="staff-schedule")
router.register("calendar/schedule-exceptions", api.ScheduleExceptionViewSet, basename="schedule-exception")

urlpatterns = router.urls
