"""`make workbench`: the xblock-sdk workbench, showing the scenarios of the installed blocks.

A development tool (the SDK's own settings: DEBUG on, every host allowed), so Django's
development server is the right server here; learners use `jobintech serve`.
Usage: python -m lti_bridge.workbench [HOST:PORT]   (default 127.0.0.1:8000)
"""
import json
import os
import sys
from pathlib import Path


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__.strip().splitlines()[-1])
        return 0
    address = argv[0] if argv else "127.0.0.1:8000"
    data_dir = Path(os.environ.get("JOBINTECH_DATA_DIR", "var")).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    # The SDK keeps its database at ./var/workbench.db unless told otherwise.
    os.environ.setdefault("WORKBENCH_DATABASES", json.dumps({
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(data_dir / "workbench.db")}
    }))
    os.environ["DJANGO_SETTINGS_MODULE"] = "workbench.settings"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    print(f"xblock-sdk workbench on http://{address}/ (development only; Ctrl+C stops)", flush=True)
    call_command("runserver", address, use_reloader=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
