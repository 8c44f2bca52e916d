"""The Redis channel layer, with a receive that ends when its task is cancelled.

channels_redis waits for a socket's next message in a loop of blocking ``BZPOPMIN``
reads (5 s each). A cancellation that arrives while redis-py is still setting the
connection up can be absorbed there (the task stays "cancelling" but runs on), and the
loop then asks Redis again, for ever: every closed WebSocket would leave a task and a
Redis connection behind. Before, redis-py's 5-second socket timeout ended such a loop
with a ``TimeoutError`` — the same timeout that dropped live sockets (see
``core/settings/channels.py``). This layer checks after every read whether its task was
cancelled and, if so, stops; a message it had just taken stays in channels_redis' backup
queue, from which the next receive on the channel restores it.
"""

from __future__ import annotations

import asyncio
from typing import Any

from channels_redis.core import RedisChannelLayer as BaseRedisChannelLayer


class RedisChannelLayer(BaseRedisChannelLayer):
    async def _brpop_with_clean(self, index: int, channel: str, timeout: float) -> Any:
        result = await super()._brpop_with_clean(index, channel, timeout)
        task = asyncio.current_task()
        if task is not None and task.cancelling():
            raise asyncio.CancelledError
        return result
