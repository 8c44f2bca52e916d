"""The consent template settings screen's API: the current versions by language with
their signature counts, a new version on edit, and the clinic boundary."""

from __future__ import annotations

import pytest

from core.roles import Role
from core.tenancy import clinic_context
from emr.models import ConsentFormTemplate

URL = "/api/v1/clinic/consent-templates"


def _publish(client, service, locale="en", title="Toxin consent", body="Risks: bruising, ptosis."):
    response = client.post(
        URL, {"service_id": str(service.pk), "locale": locale, "title": title, "body": body}, format="json"
    )
    assert response.status_code == 201, response.content
    return response.json()


def test_current_lists_the_newest_version_of_each_language_with_its_signatures(api, world):
    owner = api(world.a.user(), world.a.clinic)
    # The world's patient signed version 1 of the English form.
    listed = owner.get(URL).json()["results"]
    assert [(row["locale"], row["version"], row["signatures_count"]) for row in listed] == [("en", 1, 1)]

    edited = _publish(owner, world.a.service, body="Risks: bruising, ptosis, headache.")
    assert edited["version"] == 2 and edited["signatures_count"] == 0
    _publish(owner, world.a.service, locale="th", title="ใบยินยอม")

    current = owner.get(URL, {"current": "true"}).json()["results"]
    assert [(row["locale"], row["version"]) for row in current] == [("en", 2), ("th", 1)]
    assert [row["locale"] for row in owner.get(URL, {"locale": "th"}).json()["results"]] == ["th"]
    every = owner.get(URL, {"locale": "en"}).json()["results"]
    assert [(row["version"], row["signatures_count"]) for row in every] == [(2, 0), (1, 1)]
    with clinic_context(world.a.clinic):
        # The signed version stays as it was signed.
        assert ConsentFormTemplate.objects.get(version=1, locale="en").body == "Risks: bruising."


@pytest.mark.parametrize(
    ("query", "field"), [({"locale": "xx"}, "locale"), ({"current": "maybe"}, "current")]
)
def test_bad_filters_are_400_naming_them(api, world, query, field):
    response = api(world.a.user(), world.a.clinic).get(URL, query)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == field


@pytest.mark.parametrize(
    ("body", "field"),
    [({"title": ""}, "title"), ({"locale": "xx"}, "locale"), ({"service_id": "nope"}, "service_id")],
)
def test_bad_template_input_is_400_naming_the_field(api, world, body, field):
    base = {"service_id": str(world.a.service.pk), "locale": "en", "title": "T", "body": "B"}
    response = api(world.a.user(), world.a.clinic).post(URL, base | body, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == field


def test_another_clinic_neither_sees_nor_versions_the_templates(api, world):
    other = api(world.b.user(), world.b.clinic)
    template = world.a.clinical.template
    ids = [row["id"] for row in other.get(URL, {"current": "true"}).json()["results"]]
    assert str(template.pk) not in ids
    assert other.get(f"{URL}/{template.pk}").status_code == 404
    response = other.post(
        URL,
        {"service_id": str(world.a.service.pk), "locale": "en", "title": "T", "body": "B"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "service_id"
    with clinic_context(world.a.clinic):
        assert ConsentFormTemplate.objects.count() == 1


def test_a_receptionist_reads_but_cannot_publish(api, world):
    client = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    assert client.get(URL, {"current": "true"}).status_code == 200
    body = {"service_id": str(world.a.service.pk), "locale": "en", "title": "T", "body": "B"}
    assert client.post(URL, body, format="json").status_code == 403
