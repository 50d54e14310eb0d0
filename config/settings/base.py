"""Settings shared by every environment, read from the environment where they vary."""
import datetime
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("BAOKAN_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "simple_history",
    "haystack",
    "csp",
    "axes",
    "archive",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # A 404 at a path an editor moved becomes a 301.
    "archive.middleware.MovedPathFallbackMiddleware",
    "config.csp.SiteCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out client before the password is checked
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/baokan"),
        conn_max_age=60,
        # A persistent connection is checked before each request reuses it, so the site
        # answers again at once after PostgreSQL restarts (instead of one 500 per worker).
        conn_health_checks=True,
    )
}
# Each test run may name its own database, so parallel runs on one server do not collide.
DATABASES["default"]["TEST"] = {"NAME": "test_baokan" + os.environ.get("BAOKAN_TEST_DB", "")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "staticfiles"

# Celery: with no broker configured, tasks run in-process so every command works on a
# machine with nothing but PostgreSQL (the embedded default, for running the site).
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", CELERY_BROKER_URL or None)
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# How long a delivered but unacknowledged task (its worker died) waits before redelivery.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", 3600))}
# Celery's Redis result backend retries a lost connection 20 times a second apart by default, so
# a command sending work to a dead Redis hung for 20 s; the work is marked in the database
# anyway (archive/services/pending.py), so give up quickly and leave it pending.
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {
    "retry_policy": {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1},
}
# How long a command waits for the broker to answer before leaving its work pending.
BROKER_CHECK_SECONDS = float(os.environ.get("BROKER_CHECK_SECONDS", 3))

# Pending work (archive/services/pending.py): the beat task sends whatever is still marked every
# WORK_SWEEP_SECONDS; work sent less than WORK_RESEND_AFTER seconds ago is taken to be queued.
WORK_SWEEP_SECONDS = int(os.environ.get("WORK_SWEEP_SECONDS", 300))
WORK_RESEND_AFTER = int(os.environ.get("WORK_RESEND_AFTER", 900))
CELERY_BEAT_SCHEDULE = {
    "send-pending-work": {
        "task": "archive.tasks.send_pending_work_task",
        "schedule": WORK_SWEEP_SECONDS,
        # A sweep nobody ran in time is superseded by the next one: none pile up without workers.
        "options": {"expires": WORK_SWEEP_SECONDS},
    },
}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# Search: Xapian on disk, jieba-segmented text (see archive/search).
SEARCH_INDEX_DIR = Path(os.environ.get("SEARCH_INDEX_DIR", VAR_DIR / "search-index"))
HAYSTACK_CONNECTIONS = {
    "default": {
        "ENGINE": "archive.search.backend.ArchiveXapianEngine",
        "PATH": str(SEARCH_INDEX_DIR),
    },
}
# Haystack swallows backend errors by default; we want to see and handle them.
HAYSTACK_SILENTLY_FAIL = False
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"

# Ingest limits: a page of a broadsheet is ~20 KB of text; anything over this is not a page.
INGEST_MAX_BYTES = int(os.environ.get("INGEST_MAX_BYTES", 5 * 1024 * 1024))
# How long ingest waits for a lost database connection to come back (retrying with growing
# pauses) before it stops the batch; the files are not counted as rejected.
INGEST_DB_RETRY_SECONDS = int(os.environ.get("INGEST_DB_RETRY_SECONDS", 120))

# The locked-down public site (README, "Production"): no inline script or style anywhere, so a
# page text that slips past escaping still cannot run.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# The admin needs one thing more, measured in Chromium (tests/web/test_browser_csp.py): the
# history list of django-simple-history writes ``style="border-top: 0"`` on its pager. Only that
# exact attribute is allowed, by its hash; Django's own admin needs no exception.
ADMIN_CSP_UPDATE = {"style-src": ["'unsafe-hashes'", "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='"]}
SECURE_REFERRER_POLICY = "same-origin"
# Every powerful browser feature off: the archive reads, it does not film, locate or pay.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "camera", "display-capture", "geolocation", "gyroscope", "magnetometer",
        "microphone", "midi", "payment", "usb", "interest-cohort",
    )
}

# A cache shared by every web process (rate limits count across them): Redis at CACHE_URL, or
# else a table in the database (``manage.py createcachetable``; setup.sh makes it). The table's
# increments are not atomic, so under a burst from one client the limit may let a few extra
# requests through; use Redis where that matters.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "baokan_cache"}}

# Search and the API answer this many requests per client (by address) per minute, then 429
# with Retry-After. Behind a proxy, CLIENT_ADDRESS_HEADER names the header it puts the client's
# address in (e.g. HTTP_X_REAL_IP), else every reader shares the proxy's address.
PUBLIC_RATE_LIMIT = os.environ.get("PUBLIC_RATE_LIMIT", "60/m")
CLIENT_ADDRESS_HEADER = os.environ.get("CLIENT_ADDRESS_HEADER", "")

# Admin login: this many wrong passwords for one user name, or from one address, lock it out
# (the right password included) for the cool-off.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", 15)))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "archive.views.limits.client_address"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {"jieba": {"level": "ERROR"}},
}
