"""Hand new grades to the sender as soon as their transaction commits."""
import logging

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from lti_bridge.models import ScoreOutbox

from . import outbox

log = logging.getLogger(__name__)


def _queue_task():
    # The grade is already saved: a broker that is down must not turn the learner's answer into
    # an error. The worker's beat schedule sends the row later.
    try:
        from .tasks import deliver_scores
        deliver_scores.delay()
    except Exception:
        log.warning("could not queue the LTI score task; the beat schedule will send the grade", exc_info=True)


@receiver(post_save, sender=ScoreOutbox, dispatch_uid="lti-outbox-new-row")
def _new_outbox_row(sender, instance, created, **kwargs):
    if not created or instance.status != ScoreOutbox.PENDING:
        return
    if outbox.broker_configured():
        transaction.on_commit(_queue_task)
    else:
        # Starts the sender if this process has none yet (e.g. after a restart), and wakes it.
        transaction.on_commit(outbox.ensure_sender)
