"""ASGI entry point: HTTP through Django, WebSockets through Channels."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "core.settings")
django_asgi_app = get_asgi_application()

from core.checks import refuse_published_keys  # noqa: E402

refuse_published_keys()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.urls import path  # noqa: E402
from django.utils.module_loading import import_string  # noqa: E402

# Apps are named by dotted path, as in urls.py and MIDDLEWARE: core imports no app.
ClinicEventsConsumer = import_string("accounts.consumers.ClinicEventsConsumer")

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(
            URLRouter([path("ws/clinic/", ClinicEventsConsumer.as_asgi())])
        ),
    }
)
