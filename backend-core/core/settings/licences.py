"""Professional licence verification: which registry confirms a licence
(``accounts.licence_registry``).

* ``manual`` (default): the owner's decision stands (they checked the council's public
  register themselves and wrote down how); no network, no credentials;
* ``http``: a registry service over JSON/HTTP that is asked before a licence is marked
  verified (contract in ``accounts.licence_registry.HttpLicenceRegistry``).
"""

from .env import env

LICENCE_REGISTRY_BACKEND = env.str("LICENCE_REGISTRY_BACKEND", default="manual")
# Registry (backend ``http``): the URL the licence is POSTed to, with the bearer key if set.
LICENCE_REGISTRY_HTTP_URL = env.str("LICENCE_REGISTRY_HTTP_URL", default="")
LICENCE_REGISTRY_HTTP_API_KEY = env.str("LICENCE_REGISTRY_HTTP_API_KEY", default="")
# Seconds allowed for the registry call (connect and each read).
LICENCE_REGISTRY_HTTP_TIMEOUT = env.float("LICENCE_REGISTRY_HTTP_TIMEOUT", default=10.0)
