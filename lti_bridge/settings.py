"""Django settings of the bridge, all from the environment (twelve-factor style).

JOBINTECH_DATA_DIR      where the SQLite database and the secret key live (default ./var)
DATABASE_URL            e.g. postgres://user:pass@host/db; overrides SQLite
JOBINTECH_SECRET_KEY    overrides the key generated once under the data dir
JOBINTECH_DEBUG=1       Django debug pages (never in production)
JOBINTECH_ALLOWED_HOSTS comma-separated host names (default: localhost names)
JOBINTECH_CSRF_TRUSTED_ORIGINS comma-separated origins, e.g. https://bridge.um5.ac.ma
JOBINTECH_SECURE_COOKIES=1  the bridge is served over HTTPS: cookies get Secure and
                        SameSite=None so they survive inside an LMS iframe
JOBINTECH_COURSE_DIR    the OLX course to serve (default ./course_content)
"""
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("JOBINTECH_DATA_DIR", "var")).resolve()
try:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
except OSError as _error:
    raise ImproperlyConfigured(
        f"JOBINTECH_DATA_DIR={DATA_DIR}: cannot create it ({_error.strerror}); choose a writable directory"
    ) from None


def _env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _secret_key():
    """The key from the environment, else one generated on first start and kept in the data dir."""
    if os.environ.get("JOBINTECH_SECRET_KEY"):
        return os.environ["JOBINTECH_SECRET_KEY"]
    path = DATA_DIR / "secret_key"
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    key = secrets.token_urlsafe(50)
    try:
        # O_EXCL: if two processes start together, one writes and both read the same key.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(key)
    except FileExistsError:
        pass
    return path.read_text(encoding="ascii").strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("JOBINTECH_DEBUG") == "1"
ALLOWED_HOSTS = _env_list("JOBINTECH_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = _env_list("JOBINTECH_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "lti_bridge.apps.BridgeConfig",
    # The LTI 1.3 protocol (its own models and URLs, if any, live in lti_bridge/lti/).
    "lti_bridge.lti",
]

MIDDLEWARE = [
    # First, so it sees every cookie: framable pages get frame-ancestors limited to the
    # registered LMSs, and SameSite=None cookies get Partitioned (lti_bridge/lti/frame_policy.py).
    "lti_bridge.lti.frame_policy.FrameAncestorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lti_bridge.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # DENY by default; the learner-facing views opt out because LMSs frame them.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "lti_bridge.urls"
WSGI_APPLICATION = "lti_bridge.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

def _database():
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'db.sqlite3'}"
    try:
        return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"DATABASE_URL: {error}; expected e.g. postgres://user:password@host:5432/name"
        ) from None


DATABASES = {"default": _database()}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Concurrent requests (threads of the WSGI server) wait for the write lock instead of failing.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# French first: the courses are in French; Arabic (right to left) and English on request.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("ar", "العربية"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "jobintech_language"
TIME_ZONE = "Africa/Casablanca"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"

SECURE_COOKIES = os.environ.get("JOBINTECH_SECURE_COOKIES") == "1"
SESSION_COOKIE_NAME = "jobintech_session"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_COOKIES
# Inside an LMS iframe the bridge is a third party: browsers only send cookies marked
# SameSite=None, which they accept only with Secure (HTTPS).
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "None" if SECURE_COOKIES else "Lax"
LANGUAGE_COOKIE_SAMESITE = SESSION_COOKIE_SAMESITE
LANGUAGE_COOKIE_SECURE = SECURE_COOKIES
if SECURE_COOKIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"  # handler URLs carry a token: keep them off other sites
X_FRAME_OPTIONS = "DENY"

# The course the bridge serves (an OLX directory), and how long handler URLs stay valid.
COURSE_DIR = Path(os.environ.get("JOBINTECH_COURSE_DIR", "course_content")).resolve()
HANDLER_TOKEN_MAX_AGE = int(os.environ.get("JOBINTECH_HANDLER_TOKEN_MAX_AGE", 12 * 3600))
# Per block type settings given to blocks through the XBlock 'settings' service.
XBLOCK_SETTINGS = {}

# LTI 1.3 (lti_bridge/lti/; docs/operators/lms-registration.md).
# Platforms registered by LTI Dynamic Registration wait for an administrator unless this is 1.
LTI_AUTO_ACTIVATE_REGISTRATIONS = os.environ.get("JOBINTECH_LTI_AUTO_ACTIVATE") == "1"
# Days a rotated-out signing key stays published in the JWKS.
LTI_KEY_RETENTION_DAYS = float(os.environ.get("JOBINTECH_LTI_KEY_RETENTION_DAYS", 7))
# Grades are sent to LMSs by a Celery worker when a broker is set, else by a thread of the server.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("JOBINTECH_LOG_LEVEL", "INFO")},
    "loggers": {"xblock": {"level": "WARNING"}, "waitress.queue": {"level": "ERROR"}},
}
