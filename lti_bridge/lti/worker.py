"""The Celery application of the score sender, for sites that run a broker.

    CELERY_BROKER_URL=redis://localhost:6379/0 celery -A lti_bridge.lti.worker worker -B

New grades are sent at once (a task queued when the grade's transaction commits); the beat
schedule retries pending ones every 30 seconds, which is what the backoff delays need.
"""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lti_bridge.settings")

import django  # noqa: E402  (settings module chosen above)
from django.apps import apps  # noqa: E402

if not apps.ready:  # a worker process; inside the site Django is set up already
    django.setup()

from django.conf import settings  # noqa: E402

app = Celery("jobintech-lti", broker=settings.CELERY_BROKER_URL or None)
app.conf.update(task_ignore_result=True, worker_hijack_root_logger=False,
                beat_schedule={"lti-deliver-scores": {"task": "lti_bridge.lti.deliver_scores", "schedule": 30.0}})
app.autodiscover_tasks(["lti_bridge.lti"], force=True)
