"""Settings for the test suite: real PostgreSQL, a private search index per run."""
import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F401,F403
from .base import HAYSTACK_CONNECTIONS

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SEARCH_INDEX_DIR = Path(os.environ.get("SEARCH_INDEX_DIR") or tempfile.mkdtemp(prefix="baokan-index-"))
HAYSTACK_CONNECTIONS["default"]["PATH"] = str(SEARCH_INDEX_DIR)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True  # no collectstatic in tests
# Search and API tests, and the browser tests, ask more than 60 times a minute from one address;
# the rate-limit test sets its own limit.
PUBLIC_RATE_LIMIT = "100000/m"
