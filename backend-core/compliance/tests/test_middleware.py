import pytest
from django.db import connection

from compliance.models import ServiceEvent

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="history triggers need PostgreSQL")


def test_history_rows_say_who_changed_what_in_which_request(api, world):
    owner = world.a.user()
    response = api(owner, world.a.clinic).patch(
        f"/api/v1/catalog/services/{world.a.service.pk}",
        {"price": "399.00"},
        format="json",
        HTTP_X_REQUEST_ID="req-price-change",
    )
    assert response.status_code == 200, response.content

    event = ServiceEvent.objects.get(pgh_obj_id=world.a.service.pk, pgh_label="update")
    assert str(event.price) == "399.00"
    assert event.pgh_context == {
        "user": str(owner.pk),
        "clinic": str(world.a.clinic.pk),
        "request_id": "req-price-change",
        "url": f"/api/v1/catalog/services/{world.a.service.pk}",
    }
    assert event.pgh_context_id is not None


def test_writes_outside_requests_have_no_context(world):
    event = ServiceEvent.objects.get(pgh_obj_id=world.a.service.pk, pgh_label="insert")
    assert event.pgh_context is None
