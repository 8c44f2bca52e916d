"""Settings tree: one module per integration, every value read from the environment.

Profiles are not code paths: an integration switches to its server-backed form when its
environment variable is set (``DATABASE_URL``, ``REDIS_URL``, ``S3_BUCKET``), and uses
the embedded, serverless form otherwise.
"""

from .api import *
from .audit import *
from .auth import *
from .base import *
from .cache import *
from .celery import *
from .channels import *
from .commissions import *
from .crypto import *
from .csp import *
from .database import *
from .frontend import *
from .licences import *
from .logging import *
from .notifications import *
from .outbox import *
from .payments import *
from .privacy import *
from .storage import *
