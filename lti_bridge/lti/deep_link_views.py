"""Deep Linking: the instructor picks course, module, unit or exercise; we sign the answer."""
from django.http import HttpResponseNotAllowed
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt

from lti_bridge.models import Learner, Platform
from lti_bridge.runtime.course import get_course
from lti_bridge.views.pages import activity_label

from . import claims as c, deep_linking, toolkeys
from .errors import LtiError, gettext_noop as _
from .http import read_page_token, refuses_lti_errors, use_language
from .validation import Launch

PICKABLE = ("course", "chapter", "sequential", "vertical", "bootcamp_module", "lesson", "coding_exercise", "quiz")
LINE_ITEM_MAXIMUM = 100


def _context(token):
    data = read_page_token(token)
    if data.get("kind") != "dl":
        raise LtiError(_("This page must be opened from a deep linking launch in your course."), status=403)
    learner = Learner.objects.select_related("platform").filter(
        pk=data["learner"], platform__is_active=True, platform__kind=Platform.KIND_LTI).first()
    if learner is None:
        raise LtiError(_("This page must be opened from a deep linking launch in your course."), status=403)
    return data, learner


def _graded(course, usage_id):
    return bool(getattr(course.block_class(course.block_type(usage_id)), "has_score", False))


def catalog_entries(course):
    """Every pickable block (structure, activities, anything graded) in course order."""
    entries = []
    for usage_id in course.walk():
        block_type = course.block_type(usage_id)
        if block_type in PICKABLE or _graded(course, usage_id):
            entries.append({"id": usage_id, "title": course.display_name(usage_id),
                            "label": activity_label(block_type), "graded": _graded(course, usage_id),
                            "depth": len(course.ancestors(usage_id))})
    return entries


@csrf_exempt  # the signed token in the form is the CSRF protection (cookies may be blocked)
@refuses_lti_errors
def deep_link(request):
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    token = request.GET.get("t") if request.method == "GET" else request.POST.get("t")
    data, learner = _context(token)
    use_language(request, data.get("lang"))
    course = get_course()
    settings = data["settings"]
    multiple = settings.get("accept_multiple", True) is not False
    if request.method == "GET":
        response = render(request, "lti/deep_link_picker.html", {
            "course": course, "entries": catalog_entries(course), "token": token, "multiple": multiple})
        response.xframe_options_exempt = True
        return response
    chosen = [u for u in request.POST.getlist("block") if u in course]
    if not chosen:
        raise LtiError(_("Choose at least one activity to add."))
    if not multiple:
        chosen = chosen[:1]
    accept = settings.get("accept_types") or ["ltiResourceLink"]
    if "ltiResourceLink" not in accept:
        raise LtiError(_("The platform does not accept LTI resource links in this place."))
    url = request.build_absolute_uri(reverse("lti:launch"))
    items = [deep_linking.resource_link_item(
        url, course.display_name(u), u, text=activity_label(course.block_type(u)),
        score_maximum=LINE_ITEM_MAXIMUM if _graded(course, u) else None) for u in chosen]
    # The launch's claims the response needs, as kept in the signed page token.
    launch = Launch(registration=learner.platform,
                    claims={c.DEPLOYMENT_ID: data["deployment"], c.DL_SETTINGS: settings})
    key = toolkeys.active_key()
    jwt_value = deep_linking.response_jwt(
        launch, items, key.private_key, key.kid,
        message=ngettext("%(count)s activity added.", "%(count)s activities added.", len(items)) % {"count": len(items)})
    response = render(request, "lti/deep_link_return.html", {
        "course": course, "return_url": settings["deep_link_return_url"], "jwt": jwt_value, "items": items})
    response.xframe_options_exempt = True
    return response
