"""The instructor page of a resource link: open the activity, see who started and who is stuck.

Only an instructor of that link's context gets it (the signed page token names the launch), so
an instructor sees their own contexts only, and never another platform's learners.
"""
from datetime import timedelta

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from lti_bridge.models import Completion, Learner, Platform, Score
from lti_bridge.runtime.course import get_course

from . import ags, nrps
from .errors import LtiError, gettext_noop as _
from .http import read_page_token, refuses_lti_errors, use_language
from .models import LinkLaunch, ResourceLink
from .outbox import http_session, token_getter


def stuck_after():
    return timedelta(days=float(getattr(settings, "LTI_STUCK_AFTER_DAYS", 3)))


def _instructor_link(token):
    data = read_page_token(token)
    denied = LtiError(_("Only instructors of this course can see this page."), status=403)
    if data.get("kind") != "link":
        raise denied
    learner = Learner.objects.select_related("platform").filter(
        pk=data["learner"], platform__is_active=True, platform__kind=Platform.KIND_LTI).first()
    link = ResourceLink.objects.filter(pk=data.get("link"), platform_id=getattr(learner, "platform_id", None)).first()
    if learner is None or link is None:
        raise denied
    if not LinkLaunch.objects.filter(learner=learner, link=link, is_instructor=True).exists():
        raise denied
    return learner, link


def _graded_blocks(link):
    course = get_course()
    root = link.usage_id if link.usage_id in course else course.root_id
    return [u for u in course.walk(root)
            if getattr(course.block_class(course.block_type(u)), "has_score", False)]


def _progress(platform, link, members):
    """One row per member: started? done? stuck? from the bridge's own records of this platform."""
    blocks = _graded_blocks(link)
    subs = [m["user_id"] for m in members]
    learners = {l.sub: l for l in Learner.objects.filter(platform=platform, sub__in=subs)}
    launched = set(LinkLaunch.objects.filter(link__context_id=link.context_id, link__platform=platform,
                                             learner__in=learners.values()).values_list("learner_id", flat=True))
    scores = {}
    for score in Score.objects.filter(learner__in=learners.values(), usage_id__in=blocks):
        scores.setdefault(score.learner_id, []).append(score)
    done = set(Completion.objects.filter(learner__in=learners.values(), usage_id=link.usage_id, completion__gte=1)
               .values_list("learner_id", flat=True))
    now, rows = timezone.now(), []
    for member in members:
        learner = learners.get(member["user_id"])
        own = scores.get(learner.pk, []) if learner else []
        passed = sum(1 for s in own if s.possible and s.earned >= s.possible)
        started = learner is not None and (learner.pk in launched or own)
        finished = started and (learner.pk in done or (blocks and passed == len(blocks)))
        stuck = bool(started and not finished and now - learner.last_seen_at > stuck_after())
        failing = [s for s in own if s.possible and s.earned < s.possible]
        rows.append({**member, "started": started, "finished": finished, "stuck": stuck,
                     "passed": passed, "total": len(blocks), "failing": len(failing),
                     "last_seen": learner.last_seen_at if started else None})
    return rows


@refuses_lti_errors
def instructor(request):
    token = request.GET.get("t")
    learner, link = _instructor_link(token)
    use_language(request, read_page_token(token).get("lang"))
    platform = learner.platform
    members, roster_error = [], ""
    if link.nrps_url:
        try:
            members = [m for m in nrps.fetch_members(http_session, link.nrps_url, token_getter(platform))
                       if not any("Instructor" in r for r in m["roles"])]
        except ags.AgsError as error:
            roster_error = str(error)
    else:
        # No roster service in the launch: show the learners who launched this link.
        members = [{"user_id": l.learner.sub, "name": l.learner.name, "email": l.learner.email,
                    "roles": l.roles, "status": "Active"}
                   for l in LinkLaunch.objects.filter(link=link, is_instructor=False).select_related("learner")]
    rows = _progress(platform, link, members)
    response = render(request, "lti/instructor.html", {
        "course": get_course(), "link": link, "rows": rows, "roster_error": roster_error,
        "has_roster_service": bool(link.nrps_url),
        "activity_url": reverse("lti:activity") + "?t=" + token,
        "started": sum(1 for r in rows if r["started"]), "stuck": sum(1 for r in rows if r["stuck"]),
    })
    response.xframe_options_exempt = True
    return response
