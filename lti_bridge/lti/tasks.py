"""Celery task for score delivery, used when a broker is configured (CELERY_BROKER_URL)."""
from celery import shared_task

from . import outbox


@shared_task(name="lti_bridge.lti.deliver_scores", ignore_result=True)
def deliver_scores():
    return outbox.deliver_due()
