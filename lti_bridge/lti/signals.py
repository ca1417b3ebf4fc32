"""Hand new grades to the sender as soon as their transaction commits."""
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from lti_bridge.models import ScoreOutbox

from . import outbox


@receiver(post_save, sender=ScoreOutbox, dispatch_uid="lti-outbox-new-row")
def _new_outbox_row(sender, instance, created, **kwargs):
    if not created or instance.status != ScoreOutbox.PENDING:
        return
    if outbox.broker_configured():
        from .tasks import deliver_scores
        transaction.on_commit(deliver_scores.delay)
    else:
        # Starts the sender if this process has none yet (e.g. after a restart), and wakes it.
        transaction.on_commit(outbox.ensure_sender)
