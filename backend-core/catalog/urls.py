from rest_framework.routers import SimpleRouter

from catalog import api

router = SimpleRouter(trailing_slash=False)
router.register("catalog/services", api.ServiceViewSet, basename="service")
router.register("catalog/products", api.ProductViewSet, basename="product")
router.register("catalog/courses", api.CourseViewSet, basename="course")

urlpatterns = router.urls
