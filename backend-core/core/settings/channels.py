"""The channel layer that carries live events to the WebSockets of every server process.

channels_redis waits for a socket's next message with a blocking ``BZPOPMIN`` of
``brpop_timeout`` (5 s) seconds, and redis-py's default socket timeout is 5 s too: the
read timed out at the moment Redis answered, the client closed the connection with a
``TimeoutError``, and events sent meanwhile were lost. The layer therefore gets
connection options of its own: a socket timeout well above the blocking read (a Redis
that stops answering is still noticed within seconds), keepalive, and a health check of
connections idle for a while. The cache keeps redis-py's defaults. The layer's class
(``core.channel_layers``) stops a cancelled receive, which the 5-second timeout used to do.
"""

from django.core.exceptions import ImproperlyConfigured

from .cache import REDIS_URL
from .env import env

# Seconds; must stay above channels_redis' blocking read (RedisChannelLayer.brpop_timeout).
CHANNEL_LAYER_BLOCKING_READ_SECONDS = 5
CHANNEL_LAYER_SOCKET_TIMEOUT = env.float("CHANNEL_LAYER_SOCKET_TIMEOUT", default=15.0)
if CHANNEL_LAYER_SOCKET_TIMEOUT <= CHANNEL_LAYER_BLOCKING_READ_SECONDS + 1:
    raise ImproperlyConfigured(
        f"CHANNEL_LAYER_SOCKET_TIMEOUT must exceed {CHANNEL_LAYER_BLOCKING_READ_SECONDS + 1} seconds"
    )

if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "core.channel_layers.RedisChannelLayer",
            "CONFIG": {
                "hosts": [
                    {
                        "address": REDIS_URL,
                        "socket_timeout": CHANNEL_LAYER_SOCKET_TIMEOUT,
                        "socket_connect_timeout": 5,
                        "socket_keepalive": True,
                        "health_check_interval": 30,
                    }
                ],
                "prefix": "aesthetix",
            },
        }
    }
else:
    # Embedded profile: events reach sockets served by the same process only.
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
