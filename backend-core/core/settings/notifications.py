from .env import VAR_DIR, env

NOTIFICATIONS_ADAPTER = env.str("NOTIFICATIONS_ADAPTER", default="file")
NOTIFICATIONS_FILE = env.str("NOTIFICATIONS_FILE", default=str(VAR_DIR / "notifications" / "outbox.jsonl"))
