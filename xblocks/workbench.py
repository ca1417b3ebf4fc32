"""Run the xblock-sdk workbench with the suite's blocks and their scenarios.

    python -m xblocks.workbench [HOST:PORT]          (what `make workbench` runs)

This module is also the workbench's Django settings: xblock-sdk's own, with the database and log
under $JOBINTECH_DATA_DIR (default ./var) and the page language chosen by the browser
(Accept-Language) among French, Arabic and English, French first.
"""
import os
import sys

os.environ.setdefault("EXCLUDE_SAMPLE_XBLOCKS", "yes")  # only our blocks in the scenario list

from workbench.settings import *  # noqa: E402,F401,F403  (xblock-sdk's settings, amended below)
from workbench.settings import LOGGING, MIDDLEWARE  # noqa: E402

DATA_DIR = os.path.abspath(os.environ.get("JOBINTECH_DATA_DIR", "var"))
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3",
                         "NAME": os.path.join(DATA_DIR, "workbench.db")}}
LOGGING["handlers"]["logfile"]["filename"] = os.path.join(DATA_DIR, "workbench.log")
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("ar", "العربية"), ("en", "English")]
MIDDLEWARE = [*MIDDLEWARE]
MIDDLEWARE.insert(MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware") + 1,
                  "django.middleware.locale.LocaleMiddleware")


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ["DJANGO_SETTINGS_MODULE"] = __name__ if __name__ != "__main__" else "xblocks.workbench"
    os.makedirs(DATA_DIR, exist_ok=True)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["workbench", "migrate", "--noinput", "-v", "0"])
    # Load the scenarios now: the workbench does it on the first request, and two early
    # requests at once would both (re)build the list and show a half-empty index.
    from workbench.scenarios import get_scenarios

    get_scenarios()
    execute_from_command_line(["workbench", "runserver", "--noreload", *(argv or ["127.0.0.1:8000"])])


if __name__ == "__main__":
    main()
