"""Who is the learner of a request.

In the preview pages it is an anonymous learner of the "preview" tenant, remembered in the
session; the LTI package identifies learners from their launch and calls `remember_learner`
so that later page views of the same browser session find them.
"""
import secrets

from django.utils import timezone

from lti_bridge.models import Learner, Platform

SESSION_KEY = "jobintech_learner"


def remember_learner(request, learner):
    """Make *learner* the learner of this browser session (after a launch, or for the preview)."""
    request.session[SESSION_KEY] = learner.pk


def session_learner(request):
    """The learner remembered in the session, or None."""
    pk = request.session.get(SESSION_KEY)
    if pk is None:
        return None
    return Learner.objects.select_related("platform").filter(pk=pk, platform__is_active=True).first()


def preview_learner(request, create=True):
    """The session's preview learner, created on first visit (no account, no personal data)."""
    learner = session_learner(request)
    if learner is not None and learner.platform.kind == Platform.KIND_PREVIEW:
        Learner.objects.filter(pk=learner.pk).update(last_seen_at=timezone.now())
        return learner
    if not create:
        return None
    learner = Learner.objects.create(platform=Platform.preview(), sub=f"preview-{secrets.token_hex(12)}")
    remember_learner(request, learner)
    return learner


def forget_preview_learner(request):
    """Start the preview afresh: the next page view gets a new anonymous learner."""
    request.session.pop(SESSION_KEY, None)
