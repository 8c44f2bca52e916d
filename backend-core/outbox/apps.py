from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "outbox"
    verbose_name = "Domain events outbox"

    def ready(self) -> None:
        from core.realtime import socket_sweep_register
        from outbox.services import outbox_relay_run

        # The embedded profile: events recorded by the worker are sent by the web process.
        socket_sweep_register(outbox_relay_run)
