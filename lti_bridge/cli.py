"""`jobintech serve` and `jobintech lti ...` (dispatched here by jobintech/cli.py).

serve: applies the database migrations, loads the OLX course (a broken course stops here with a
file:line message, exit 2), then serves the site with waitress, a production WSGI server in pure
Python (threads, no C extension, runs on Linux and Windows), enough for a school's deployment.
"""
import argparse
import importlib
import importlib.util
import os
import sys
from pathlib import Path


def _setup_django(course_dir=None):
    if course_dir is not None:
        os.environ["JOBINTECH_COURSE_DIR"] = str(Path(course_dir).resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lti_bridge.settings")
    import django

    django.setup()


def _serve_parser():
    parser = argparse.ArgumentParser(
        prog="jobintech serve",
        description="Serve the course catalog, the learner preview and the LTI 1.3 tool.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1; "
                        "0.0.0.0 for every interface, then set JOBINTECH_ALLOWED_HOSTS)")
    parser.add_argument("--port", type=int, default=8000, help="TCP port (default 8000)")
    parser.add_argument("--course", metavar="DIR", help="OLX course directory (default $JOBINTECH_COURSE_DIR "
                        "or ./course_content)")
    parser.add_argument("--threads", type=int, default=8, help="worker threads (default 8)")
    return parser


def serve(argv) -> int:
    args = _serve_parser().parse_args(argv)
    if not 0 < args.port < 65536:
        print(f"jobintech serve: --port {args.port} is not a TCP port (1-65535)", file=sys.stderr)
        return 2
    try:
        import waitress
    except ImportError:
        print("jobintech serve: the 'waitress' package is missing; run `make setup` "
              "(or `pip install waitress`)", file=sys.stderr)
        return 2

    from django.core.exceptions import ImproperlyConfigured

    try:
        _setup_django(args.course)
    except ImproperlyConfigured as error:
        print(f"jobintech serve: {error}", file=sys.stderr)
        return 2
    from django.conf import settings
    from django.core.management import call_command
    from django.db import DatabaseError

    from lti_bridge.runtime.course import CourseLoadError, load_course, set_course
    from lti_bridge.wsgi import application

    try:
        course = load_course(settings.COURSE_DIR)
    except CourseLoadError as error:
        print(f"jobintech serve: cannot load the course: {error}", file=sys.stderr)
        return 2
    try:
        call_command("migrate", interactive=False, verbosity=0)
    except DatabaseError as error:
        print(f"jobintech serve: database {settings.DATABASES['default']['NAME']}: {error}", file=sys.stderr)
        return 2
    set_course(course)
    from lti_bridge.lti.outbox import ensure_sender

    ensure_sender()  # scores left pending before a restart go out now, not at the next launch
    for warning in course.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    host_names = {args.host, "127.0.0.1", "localhost"} - {"0.0.0.0", "::"}
    if not set(settings.ALLOWED_HOSTS) & host_names and "*" not in settings.ALLOWED_HOSTS:
        print(f"warning: {args.host} is not in JOBINTECH_ALLOWED_HOSTS; requests by that name get 400",
              file=sys.stderr)
    shown = "127.0.0.1" if args.host in ("0.0.0.0", "::") else args.host
    print(f"JobInTech bridge: course {course.display_title!r} ({sum(1 for _ in course.walk())} blocks) "
          f"on http://{shown}:{args.port}/  (data in {settings.DATA_DIR}; Ctrl+C stops)", flush=True)
    try:
        waitress.serve(application, host=args.host, port=args.port, threads=args.threads,
                       ident="jobintech", **_proxy_options())
    except OSError as error:
        print(f"jobintech serve: cannot listen on {args.host}:{args.port}: {error.strerror or error}",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        pass
    return 0


def _proxy_options():
    """Behind a reverse proxy (JOBINTECH_TRUSTED_PROXY=its address), trust its X-Forwarded-* headers."""
    proxy = os.environ.get("JOBINTECH_TRUSTED_PROXY")
    if not proxy:
        return {"clear_untrusted_proxy_headers": True}
    return {"trusted_proxy": proxy, "clear_untrusted_proxy_headers": True,
            "trusted_proxy_headers": "x-forwarded-proto x-forwarded-host x-forwarded-for"}


LTI_COMMANDS = ("tool-config", "add-platform", "list-platforms")


def lti(argv) -> int:
    """`jobintech lti SUBCOMMAND`: handed to lti_bridge.lti.cli.main once the LTI package has it."""
    if importlib.util.find_spec("lti_bridge.lti.cli") is not None:
        return importlib.import_module("lti_bridge.lti.cli").main(argv)
    if not argv or argv[0] in ("-h", "--help"):
        print("usage: jobintech lti {" + ",".join(LTI_COMMANDS) + "} ...")
        return 0 if argv else 2
    if argv[0] in LTI_COMMANDS:
        print(f"jobintech lti {argv[0]}: not yet available in this version of the bridge", file=sys.stderr)
        return 2
    print(f"jobintech lti: unknown sub-command {argv[0]!r}; expected one of: {', '.join(LTI_COMMANDS)}",
          file=sys.stderr)
    return 2
