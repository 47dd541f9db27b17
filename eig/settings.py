"""Django settings, read from the environment with safe local defaults (see .env.example)."""

import os
import warnings
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

# Before numpy is imported (the reviewer assignment's arrays): numpy asks Linux for huge pages
# on large arrays, and a kernel set to compact memory for them at once (the default
# `transparent_hugepage/defrag = madvise`) stalls ~0.8 s on each new 80 MB array.
os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from eig.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("EIG_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        # Fail closed: a server must never sign sessions and links with a published key.
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (a long random value, see .env.example)."
        )
    SECRET_KEY = "insecure-local-development-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "eig.accounts",
    "eig.cohorts",
    "eig.applications",
    "eig.communications",
    "eig.audit",
    "eig.challenges",
    "eig.proposals",
    "eig.challenge_jury",
    "eig.press",
    "eig.events",
    "eig.website",
    "eig.demo",
    "eig.backoffice",
    "eig.selection",
    "eig.auditions",
    "eig.decisions",
    "eig.teams",
    "eig.community",
    "eig.opendata",
    "dsfr",
    "csp",
    "widget_tweaks",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.frontend_cache",
    "wagtail.locales",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise: the static files need neither header.
    "eig.security.ContentSecurityPolicyMiddleware",
    "eig.security.PermissionsPolicyMiddleware",
    # Before the session: no query (a session lookup, a filter) ever runs with a NUL byte.
    "eig.plain_text.ControlCharactersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Under /en/, only the public site: every other space is French only (docs/i18n.md).
    "eig.translation.EnglishSiteMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # django-otp: request.user.is_verified() once a code was given in this session.
    "django_otp.middleware.OTPMiddleware",
    # Marks what the front cache may share: anonymous answers of views marked cacheable only.
    "eig.http_cache.SharedCacheMiddleware",
    "eig.security.NoStoreForSignedInMiddleware",
    # Sign-in required everywhere unless a view is public (eig.accounts.access).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Idle timeout, then second factor and trusted browser before any signed-in page.
    "eig.accounts.middleware.AccountSecurityMiddleware",
    # After authentication, before any view: an oversized upload gets a page saying why.
    "eig.applications.middleware.RequestTooLargeMiddleware",
    # A file the storage could not read or write gets a page saying so (503), not an error.
    "eig.storage.StorageUnavailableMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Wagtail's pages: the site found once per process and change, not at each request.
    "eig.website.sites.KnownSiteMiddleware",
    # Last: a password sign-in refused for too many failures gets the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "eig.urls"
WSGI_APPLICATION = "eig.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "eig" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "eig.website.context_processors.programme",
                "eig.website.context_processors.spaces",
                "eig.translation.language_links",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")  # Wagtail's search index uses it
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL and a busy timeout let the web server and the task worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "sign_in"  # passwordless; the Wagtail admin keeps its own login page
# Where a sign-in without `next` lands: the person's space, or a choice of spaces (eig.website).
LOGIN_REDIRECT_URL = "my_spaces"
AUTHENTICATION_BACKENDS = [
    # First: refuses every password while the account or the IP address is locked out.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Civil servants through ProConnect; inert unless PROCONNECT_CLIENT_ID is set.
    "eig.accounts.proconnect.ProConnectBackend",
]

# Password sign-ins (django-axes, counted in the database so that every process shares them):
# after SIGN_IN_FAILURE_LIMIT failures for one account, or from one IP address, even the right
# password is refused for SIGN_IN_LOCKOUT_MINUTES. The address is REMOTE_ADDR: behind a proxy,
# the proxy must set it. Sign-in links keep their own limits (eig.accounts.services).
AXES_FAILURE_LIMIT = env_int("SIGN_IN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("SIGN_IN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own, not the pair
AXES_USERNAME_CALLABLE = "eig.accounts.lockout.username"
AXES_CLIENT_IP_CALLABLE = "eig.accounts.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "eig.accounts.lockout.lockout_response"
AXES_WHITELIST_CALLABLE = "eig.accounts.lockout.not_a_password"
# A lock ends when announced: trying again meanwhile does not push its end further.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Successes and failures are in the platform's journal; axes keeps only its counts.
AXES_DISABLE_ACCESS_LOG = True

# Second factor (django-otp) and staff sessions (eig.accounts.security). Staff are the roles
# below, by path: the apps that define the jury's and mentors' roles sit above accounts.
STAFF_ROLES = [
    "eig.accounts.access.PROGRAMME_TEAM",
    "eig.selection.access.REVIEWER",
    "eig.challenges.access.MENTOR",
]
STAFF_SESSION_IDLE_MINUTES = env_int("STAFF_SESSION_IDLE_MINUTES", 120)
SENSITIVE_ACTION_MAX_AGE_MINUTES = env_int("SENSITIVE_ACTION_MAX_AGE_MINUTES", 15)
TRUSTED_BROWSER_DAYS = env_int("TRUSTED_BROWSER_DAYS", 30)
_security_values = [
    AXES_FAILURE_LIMIT,
    AXES_COOLOFF_TIME.total_seconds(),
    STAFF_SESSION_IDLE_MINUTES,
    SENSITIVE_ACTION_MAX_AGE_MINUTES,
    TRUSTED_BROWSER_DAYS,
]
if min(_security_values) < 1:
    raise ImproperlyConfigured(
        "SIGN_IN_FAILURE_LIMIT, SIGN_IN_LOCKOUT_MINUTES, STAFF_SESSION_IDLE_MINUTES, "
        "SENSITIVE_ACTION_MAX_AGE_MINUTES and TRUSTED_BROWSER_DAYS must be at least 1."
    )
OTP_TOTP_ISSUER = "Plateforme EIG"
# Each wrong code doubles the wait before the next try (1 s, 2 s, 4 s…) until a right one.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

LANGUAGE_CODE = "fr"
# The public site in English too, under /en/ (docs/i18n.md); every other space stays French.
LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "eig" / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
# Files with personal data (CVs): no URL, served only by views that check access.
PRIVATE_MEDIA_ROOT = VAR_DIR / "private"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "eig.storage.LocalPrivateStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedStaticFilesStorage"
        )
    },
}
# With S3_BUCKET, every uploaded file goes to an S3-compatible object storage shared by all
# web processes instead of the local disk (eig.storage; docs/production.md): private objects,
# Wagtail's under media/, CVs and attachments under private/.
S3_BUCKET = env_str("S3_BUCKET")
if S3_BUCKET:
    from eig.storage import ADDRESSING_STYLES, s3_storages

    if env_str("S3_ADDRESSING_STYLE") not in ("", *ADDRESSING_STYLES):
        raise ImproperlyConfigured("S3_ADDRESSING_STYLE must be auto, path or virtual.")
    STORAGES |= s3_storages(
        bucket=S3_BUCKET,
        endpoint_url=env_str("S3_ENDPOINT_URL"),
        region=env_str("S3_REGION"),
        access_key=env_str("S3_ACCESS_KEY_ID"),
        secret_key=env_str("S3_SECRET_ACCESS_KEY"),
        style=env_str("S3_ADDRESSING_STYLE"),
    )
# Shared by every process, in the database: sessions (Django's default engine), sign-in limits
# (django-axes, sign-in links, codes) and the cache, whose table `migrate` creates
# (eig.accounts.apps). A per-process cache would let each process keep its own stale copy.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "eig_cache",
        # Room for a fragment per défi, promotion and page before culling (default: 300).
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}
# In development WhiteNoise serves straight from the apps' static folders.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# In development, without an SMTP host, e-mails are written as files under var/mail/
# (MAIL_DIR chooses another folder, for a staging server or a benchmark).
MAIL_DIR = env_str("MAIL_DIR")
if MAIL_DIR or (DEBUG and not env_str("EMAIL_HOST")):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": MAIL_DIR or str(VAR_DIR / "mail")},
        }
    }
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env_str("EMAIL_HOST", "localhost"),
                "port": env_int("EMAIL_PORT", 25),
                "username": env_str("EMAIL_HOST_USER"),
                "password": env_str("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", default=False),
            },
        }
    }
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Programme EIG <nepasrepondre@eig.example>")

TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# With DEBUG off the site is served over HTTPS behind a reverse proxy, and every guard below is
# on; each one can be turned off for a plain-HTTP run of the production settings (.env.example).
if env_bool("TRUST_X_FORWARDED_PROTO", default=not DEBUG):
    # Only behind a proxy that sets this header itself, whatever the client sent.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
# Links in e-mails carry tokens, application pages identifiers: no address leaves the site.
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview frames the site's own pages

# django-csp; Wagtail's admin gets a looser policy (eig.security). No inline script runs without
# the nonce of its page; DSFR needs no inline style, and its icons are data: URLs in its CSS.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}

# django-dsfr
DSFR_CONTENT_IS_SAFE = False
DSFR_MARK_OPTIONAL_FIELDS = True
# django-dsfr warns at every form rendered that this setting is transitional (whatever its
# value); under gunicorn that wrote three lines to the error log per form.
warnings.filterwarnings(
    "ignore", message="Transitional Django setting DSFR_MARK_OPTIONAL_FIELDS", category=UserWarning
)
DSFR_USE_INTEGRITY_CHECKSUMS = False

# The public address of the site, for the links sent by e-mail.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Open data (eig.opendata): counts of people below this are published empty, so that nobody can
# be singled out; requests to the API a client may make per minute (429 with Retry-After beyond).
OPEN_DATA_MIN_COUNT = env_int("OPEN_DATA_MIN_COUNT", 5)
OPEN_DATA_API_REQUESTS_PER_MINUTE = env_int("OPEN_DATA_API_REQUESTS_PER_MINUTE", 120)
if OPEN_DATA_MIN_COUNT < 1 or OPEN_DATA_API_REQUESTS_PER_MINUTE < 1:
    raise ImproperlyConfigured(
        "OPEN_DATA_MIN_COUNT and OPEN_DATA_API_REQUESTS_PER_MINUTE must be at least 1."
    )

# Searches for a candidate a reviewer may make per hour to declare a conflict of interest
# (eig.selection.services.search_candidates): enough to find the people they know, too few to
# list the candidates by trying names.
CONFLICT_SEARCHES_PER_HOUR = env_int("CONFLICT_SEARCHES_PER_HOUR", 20)

# Days before a cohort's reviewing deadline when reviewers with evaluations to submit get a
# reminder, once (eig.selection.notices).
REVIEWER_REMINDER_DAYS = env_int("EIG_REVIEWER_REMINDER_DAYS", 3)
if REVIEWER_REMINDER_DAYS < 1:
    raise ImproperlyConfigured("EIG_REVIEWER_REMINDER_DAYS must be at least 1.")

# Retention of personal data, in days (eig.applications.retention); the privacy page shows
# them. The three first are the defaults of a new cohort, whose own values then apply.
RETENTION_DRAFT_DAYS = env_int("EIG_RETENTION_DRAFT_DAYS", 30)  # after the call closes
RETENTION_REJECTED_DAYS = env_int("EIG_RETENTION_REJECTED_DAYS", 180)  # after the selection
RETENTION_POOL_DAYS = env_int("EIG_RETENTION_POOL_DAYS", 730)  # idem, for the candidate pool
RETENTION_JOURNAL_DAYS = env_int("EIG_RETENTION_JOURNAL_DAYS", 365)
RETENTION_NOTICE_DAYS = env_int("EIG_RETENTION_NOTICE_DAYS", 30)  # the e-mail, before
if not 1 <= RETENTION_REJECTED_DAYS <= RETENTION_POOL_DAYS <= 730:
    raise ImproperlyConfigured(
        "EIG_RETENTION_REJECTED_DAYS must be at least 1 and EIG_RETENTION_POOL_DAYS between it "
        "and 730 (two years)."
    )
if min(RETENTION_DRAFT_DAYS, RETENTION_JOURNAL_DAYS) < 1 or RETENTION_NOTICE_DAYS < 0:
    raise ImproperlyConfigured(
        "EIG_RETENTION_DRAFT_DAYS and EIG_RETENTION_JOURNAL_DAYS must be at least 1, "
        "EIG_RETENTION_NOTICE_DAYS at least 0."
    )

# ProConnect, the State's sign-in for civil servants (eig.accounts.proconnect): off unless
# PROCONNECT_CLIENT_ID is set, then its endpoints come from the discovery URL or one by one.
PROCONNECT_CLIENT_ID = env_str("PROCONNECT_CLIENT_ID")
PROCONNECT_CLIENT_SECRET = env_str("PROCONNECT_CLIENT_SECRET")
PROCONNECT_DISCOVERY_URL = env_str("PROCONNECT_DISCOVERY_URL")
PROCONNECT_ISSUER = env_str("PROCONNECT_ISSUER")
PROCONNECT_AUTHORIZATION_ENDPOINT = env_str("PROCONNECT_AUTHORIZATION_ENDPOINT")
PROCONNECT_TOKEN_ENDPOINT = env_str("PROCONNECT_TOKEN_ENDPOINT")
PROCONNECT_USERINFO_ENDPOINT = env_str("PROCONNECT_USERINFO_ENDPOINT")
PROCONNECT_JWKS_ENDPOINT = env_str("PROCONNECT_JWKS_ENDPOINT")
PROCONNECT_END_SESSION_ENDPOINT = env_str("PROCONNECT_END_SESSION_ENDPOINT")
PROCONNECT_SIGN_ALGORITHM = env_str("PROCONNECT_SIGN_ALGORITHM", "RS256")
PROCONNECT_ACR_VALUES = env_str("PROCONNECT_ACR_VALUES", "eidas1")
if PROCONNECT_CLIENT_ID:
    if not PROCONNECT_CLIENT_SECRET:
        raise ImproperlyConfigured(
            "PROCONNECT_CLIENT_SECRET must be set with PROCONNECT_CLIENT_ID."
        )
    if not PROCONNECT_DISCOVERY_URL and not all(
        [
            PROCONNECT_ISSUER,
            PROCONNECT_AUTHORIZATION_ENDPOINT,
            PROCONNECT_TOKEN_ENDPOINT,
            PROCONNECT_USERINFO_ENDPOINT,
            PROCONNECT_JWKS_ENDPOINT,
        ]
    ):
        raise ImproperlyConfigured(
            "ProConnect needs PROCONNECT_DISCOVERY_URL, or PROCONNECT_ISSUER and the "
            "authorization, token, userinfo and JWKS endpoints."
        )
    if PROCONNECT_SIGN_ALGORITHM not in ("RS256", "ES256"):
        raise ImproperlyConfigured(
            f"PROCONNECT_SIGN_ALGORITHM must be RS256 or ES256, not {PROCONNECT_SIGN_ALGORITHM!r}."
        )
    # Signing out ends the ProConnect session too: the sign-out form's redirect goes there.
    _proconnect = urlsplit(PROCONNECT_END_SESSION_ENDPOINT or PROCONNECT_DISCOVERY_URL)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"].append(
        f"{_proconnect.scheme}://{_proconnect.netloc}"
    )

# Wagtail
WAGTAIL_SITE_NAME = "Plateforme EIG"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Every French page gets an English alias until someone translates it (docs/i18n.md).
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = True
# Tags of the news in addresses: « Données ouvertes » → donnees-ouvertes.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
# The admin's avatars are the uploaded ones or a local default, never Gravatar's.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# The front cache (deploy/varnish.vcl, docs/production.md): how long it keeps a public page for
# visitors, and where to send the purges when a page, a défi, a press item or an event changes
# (FRONTEND_CACHE_URL, e.g. http://127.0.0.1:8080; unset: no front cache, nothing to purge).
PUBLIC_CACHE_SECONDS = env_int("PUBLIC_CACHE_SECONDS", 300)
# Wagtail would purge /fr/… addresses too; French has no prefix: eig.website.purge adds /en/.
WAGTAILFRONTENDCACHE_LANGUAGES = []
if PUBLIC_CACHE_SECONDS < 1:
    raise ImproperlyConfigured("PUBLIC_CACHE_SECONDS must be at least 1.")
FRONTEND_CACHE_URL = env_str("FRONTEND_CACHE_URL").rstrip("/")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    # A forged Host header gets its 400 page; scanners send thousands, errors they are not.
    "loggers": {"django.security.DisallowedHost": {"level": "CRITICAL"}},
}
