from rest_framework.routers import SimpleRouter

from commerce import api

router = SimpleRouter(trailing_slash=False)
router.register("catalog/services", api.ServiceViewSet, basename="service")

urlpatterns = router.urls
