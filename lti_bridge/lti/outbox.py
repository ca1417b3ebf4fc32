"""Delivers the bridge's ScoreOutbox to the platforms through AGS, never losing a score.

A row is claimed by pushing its next_attempt_at forward (a lease), so two senders (threads,
Celery workers, the management command) never send it twice at once; failures are retried with
exponential backoff until LTI_AGS_MAX_ATTEMPTS, then marked FAILED for operators. An older
pending grade of the same learner and block is superseded by the newer one, never sent after it.

Where a grade goes: the line item of the resource link that opened the block, else a line item
found or created (resourceId = usage id) under the lineitems URL of the learner's latest launch.
"""
import logging
import threading
from datetime import timedelta

import requests
from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone

from lti_bridge.models import Platform, ScoreOutbox
from lti_bridge.runtime.course import get_course

from . import ags, claims as c, toolkeys
from .models import LineItem, LinkLaunch

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=5)
# Shared by every sender and the instructor pages: one token cache per process.
token_client = ags.TokenClient()
http_session = requests.Session()


def max_attempts():
    return int(getattr(settings, "LTI_AGS_MAX_ATTEMPTS", 12))


def _claim(limit):
    now = timezone.now()
    with transaction.atomic():
        rows = list(ScoreOutbox.objects.select_for_update().filter(
            status=ScoreOutbox.PENDING, next_attempt_at__lte=now,
            learner__platform__kind=Platform.KIND_LTI,
        ).select_related("learner__platform").order_by("id")[:limit])
        ScoreOutbox.objects.filter(pk__in=[r.pk for r in rows], next_attempt_at__lte=now).update(
            next_attempt_at=now + LEASE)
    return rows


def _link_for(row):
    launches = LinkLaunch.objects.filter(learner=row.learner).select_related("link")
    found = launches.filter(link__usage_id=row.usage_id).first() or launches.exclude(link__lineitems_url="").first()
    return found.link if found else None


def _title(usage_id):
    try:
        return get_course().display_name(usage_id)
    except Exception:  # the course may not load in a worker without it; the id still names the block
        return usage_id


def _lineitem_url(client, link, usage_id):
    if link.usage_id == usage_id and link.lineitem_url:
        return link.lineitem_url
    if not link.lineitems_url or c.SCOPE_LINEITEM not in link.ags_scopes:
        return None
    known = LineItem.objects.filter(link=link, usage_id=usage_id).first()
    if known:
        return known.url
    url = client.find_lineitem(link.lineitems_url, usage_id, link.resource_link_id)
    if url is None:
        url = client.create_lineitem(link.lineitems_url, _title(usage_id), 100, usage_id, link.resource_link_id)
    LineItem.objects.get_or_create(link=link, usage_id=usage_id, defaults={"url": url})
    return url


def token_getter(platform, scopes=None):
    """get_token(wanted_scopes) for *platform*: asks for *scopes* if given (one cached token
    covering all a sender needs), else for the scopes the caller wants."""
    key = toolkeys.active_key()

    def get_token(wanted):
        return token_client.token(platform.auth_token_url, platform.client_id, platform.auth_audience,
                                  key.private_key, key.kid, scopes or wanted)
    return get_token


def _client_for(platform, scopes):
    return ags.AgsClient(http_session, token_getter(platform, scopes))


def _finish(row, status, error=""):
    row.status, row.last_error = status, error[:2000]
    if status == ScoreOutbox.SENT:
        row.sent_at = timezone.now()
    row.save(update_fields=["status", "last_error", "sent_at", "attempts", "next_attempt_at"])


def deliver(row):
    """Send one claimed row; returns its new status."""
    newer = ScoreOutbox.objects.filter(learner=row.learner, usage_id=row.usage_id, pk__gt=row.pk).exists()
    if newer:
        _finish(row, ScoreOutbox.SKIPPED, "superseded by a newer grade")
        return row.status
    link = _link_for(row)
    if link is None or c.SCOPE_SCORE not in link.ags_scopes:
        _finish(row, ScoreOutbox.SKIPPED, "no launch of this learner offered a grade service for this block")
        return row.status
    scopes = sorted({s for s in link.ags_scopes if s in (c.SCOPE_SCORE, c.SCOPE_LINEITEM)})
    platform = row.learner.platform
    client = _client_for(platform, scopes)
    row.attempts += 1
    try:
        url = _lineitem_url(client, link, row.usage_id)
        if url is None:
            _finish(row, ScoreOutbox.SKIPPED, "the launch gave no line item for this block")
            return row.status
        client.post_score(url, ags.score_payload(row.learner.sub, row.score_given, row.score_maximum,
                                                 ags.iso_timestamp(row.graded_at)))
    except ags.AgsError as error:
        if "401" in str(error):
            token_client.forget(platform.auth_token_url, platform.client_id, scopes)
        if error.retryable and row.attempts < max_attempts():
            row.next_attempt_at = timezone.now() + timedelta(seconds=ags.backoff_seconds(row.attempts))
            _finish(row, ScoreOutbox.PENDING, str(error))
        else:
            _finish(row, ScoreOutbox.FAILED, str(error))
        log.warning("AGS score %s for %s: %s (attempt %s)", row.pk, row.usage_id, error, row.attempts)
        return row.status
    _finish(row, ScoreOutbox.SENT)
    return row.status


def deliver_due(limit=100):
    """Send every due row; {status: count} of what happened."""
    counts = {}
    for row in _claim(limit):
        status = deliver(row)
        counts[status] = counts.get(status, 0) + 1
    return counts


# The embedded default (no Celery broker): one daemon thread per process, woken on new grades.
_wake = threading.Event()
_stop = threading.Event()
_thread = None
_thread_lock = threading.Lock()


def broker_configured():
    return bool(getattr(settings, "CELERY_BROKER_URL", ""))


def ensure_sender(interval=30):
    """Start the sender thread once per process, unless Celery or the settings say otherwise."""
    global _thread
    if broker_configured() or not getattr(settings, "LTI_SENDER_THREAD", True):
        return
    with _thread_lock:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_run, args=(interval,), name="lti-score-sender", daemon=True)
            _thread.start()
    _wake.set()  # a launch or a restart: look for due rows now


def wake():
    _wake.set()


def stop_sender(timeout=10):
    """Stop the sender thread (server shutdown, tests); it finishes the row it is sending."""
    global _thread
    with _thread_lock:
        thread, _thread = _thread, None
    if thread is not None:
        _stop.set()
        _wake.set()
        thread.join(timeout)
        _stop.clear()


def _run(interval):
    while not _stop.is_set():
        _wake.wait(interval)
        _wake.clear()
        if _stop.is_set():
            break
        try:
            deliver_due()
        except Exception:  # keep the thread alive; the rows stay pending and are retried
            log.exception("delivering LTI scores failed")
        finally:
            close_old_connections()
