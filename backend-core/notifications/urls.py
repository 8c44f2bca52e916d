from rest_framework.routers import SimpleRouter

from notifications import api

router = SimpleRouter(trailing_slash=False)
router.register("notifications/message-templates", api.MessageTemplateViewSet, basename="message-template")

router.register("notifications/messages", api.MessageLogViewSet, basename="notification-message")

urlpatterns = router.urls
