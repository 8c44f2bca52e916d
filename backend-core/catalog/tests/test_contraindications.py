"""A treatment lists its contraindications as codes of a fixed vocabulary."""

from core.roles import Role


def test_a_treatment_lists_contraindications_from_the_vocabulary(api, world):
    client = api(world.a.user(Role.OWNER), world.a.clinic)
    body = {"name": "Lip filler", "category": "filler", "price": "9000.00", "duration_minutes": 45}
    response = client.post(
        "/api/v1/catalog/services",
        {**body, "contraindications": ["pregnancy", "pregnancy", "allergy_lidocaine"]},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["contraindications"] == ["pregnancy", "allergy_lidocaine"]
    response = client.post(
        "/api/v1/catalog/services", {**body, "name": "X", "contraindications": ["gout"]}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"].startswith("contraindications")


def test_contraindications_can_be_changed(api, world):
    client = api(world.a.user(Role.OWNER), world.a.clinic)
    response = client.patch(
        f"/api/v1/catalog/services/{world.a.service.pk}",
        {"contraindications": ["breast_feeding"]},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["contraindications"] == ["breast_feeding"]
