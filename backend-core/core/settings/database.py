"""The database: PostgreSQL through a connection pool in the services profile, SQLite
in the embedded one.

Under ASGI every request runs its sync code in a thread of its own, and Django keeps one
connection per thread: with persistent connections (``CONN_MAX_AGE`` > 0) each thread
keeps its connection after the request, and a burst of requests opens as many as it has
requests until PostgreSQL refuses more ("too many clients"). The pool (psycopg_pool,
Django's ``OPTIONS["pool"]``) caps a process at ``DATABASE_POOL_MAX_SIZE`` connections;
a request that finds them all busy waits up to ``DATABASE_POOL_TIMEOUT`` seconds for one
instead of failing. Every process (server, each worker process) has a pool of its own,
so PostgreSQL's ``max_connections`` must exceed the sum of their sizes (or a pgbouncer
in front queues the excess, as in docker-compose.yml). ``DATABASE_POOL_MAX_SIZE=0``
turns the pool off: then each request opens and closes its own connection
(``DATABASE_CONN_MAX_AGE``, default 0).

``DATABASE_URL`` is the role the application runs as: one that may read and write rows
but owns no table, so it cannot alter tables, drop or disable the audit triggers, or
TRUNCATE (``core/database_roles.py``). Migrations run with the owner's URL instead; with
``DATABASE_APP_ROLE`` set, ``migrate`` ends by creating that role (password
``DATABASE_APP_PASSWORD``) and granting it row access (``manage.py database_app_role``
does the same on its own).
"""

from .env import VAR_DIR, env

# Read by ``migrate`` (and ``manage.py database_app_role``) only: the servers and workers
# never need them.
DATABASE_APP_ROLE = env.str("DATABASE_APP_ROLE", default="")
DATABASE_APP_PASSWORD = env.str("DATABASE_APP_PASSWORD", default="")

if env.str("DATABASE_URL", default=""):
    DATABASES = {"default": env.db("DATABASE_URL")}
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"].setdefault("TEST", {})["NAME"] = env.str(
        "DATABASE_TEST_NAME", default="test_aesthetix"
    )
    _pool_max_size = env.int("DATABASE_POOL_MAX_SIZE", default=10)
    if _pool_max_size > 0:
        # The pool hands connections out and takes them back; Django must not keep them.
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": min(env.int("DATABASE_POOL_MIN_SIZE", default=1), _pool_max_size),
            "max_size": _pool_max_size,
            # Seconds a request waits for a free connection before failing.
            "timeout": env.float("DATABASE_POOL_TIMEOUT", default=30.0),
            # Connections idle this long are closed, down to min_size.
            "max_idle": 300.0,
        }
    else:
        DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
else:
    # Embedded profile: one SQLite file in WAL mode so the server and the worker can
    # read while the other writes; IMMEDIATE transactions take the write lock up front
    # so concurrent writers queue (busy timeout) instead of failing on lock upgrade.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "aesthetix.sqlite3",
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
