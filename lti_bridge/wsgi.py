"""WSGI entry point: `jobintech serve` runs it with waitress; any WSGI server can (gunicorn...)."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lti_bridge.settings")
application = get_wsgi_application()
