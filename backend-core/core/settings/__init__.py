"""Settings tree: one module per integration, every value read from the environment.

Profiles are not code paths: an integration switches to its server-backed form when its
environment variable is set (``DATABASE_URL``, ``REDIS_URL``, ``S3_BUCKET``), and uses
the embedded, serverless form otherwise.
"""

from .base import *
from .database import *
from .cache import *
from .celery import *
from .channels import *
from .storage import *
from .auth import *
from .api import *
from .logging import *
from .notifications import *
