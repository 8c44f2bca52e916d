from unittest import mock


def test_healthz_is_alive(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_readyz_checks_every_dependency(client, db):
    response = client.get("/readyz")
    body = response.json()
    assert response.status_code == 200, body
    assert set(body["checks"]) == {"database", "cache", "broker", "storage"}
    assert all(check["ok"] for check in body["checks"].values())


def test_readyz_is_503_when_the_broker_is_down(client, db):
    from core.celery import app

    real = app.connection_for_write
    with mock.patch.object(
        app, "connection_for_write", side_effect=lambda: real(url="redis://127.0.0.1:1/0")
    ):
        response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable" and body["checks"]["broker"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True
