"""The learner-facing pages: the course catalog and the preview of a unit or module.

`render_block_page` is also what the LTI launch uses to show a block inside the LMS iframe: the
page is the same, only the learner (and the navigation) differ.
"""
import logging

from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt

from lti_bridge.learners import forget_preview_learner, preview_learner
from lti_bridge.models import Completion, Score
from lti_bridge.runtime.course import get_course
from lti_bridge.runtime.gating import lock_reason
from lti_bridge.runtime.runtime import BridgeRuntime
from lti_bridge.runtime.structure import STRUCTURAL_BLOCKS

log = logging.getLogger(__name__)



def activity_label(block_type):
    labels = {
        "bootcamp_module": _("Module"),
        "lesson": _("Lesson"),
        "coding_exercise": _("Coding exercise"),
        "quiz": _("Quiz"),
        "chapter": _("Chapter"),
        "sequential": _("Section"),
        "vertical": _("Unit"),
        "course": _("Course"),
    }
    return labels.get(block_type, block_type)


def _activity(course, usage_id, scores, completions):
    score = scores.get(usage_id)
    return {
        "id": usage_id,
        "title": course.display_name(usage_id),
        "type": course.block_type(usage_id),
        "label": activity_label(course.block_type(usage_id)),
        "done": bool(score and score.possible and score.earned >= score.possible)
                or completions.get(usage_id, 0) >= 1,
        "score": score,
    }


def course_outline(course, learner=None):
    """Chapters > sections > units, each unit with the activities it holds, for the catalog."""
    scores, completions = {}, {}
    if learner is not None:
        scores = {s.usage_id: s for s in Score.objects.filter(learner=learner)}
        completions = dict(Completion.objects.filter(learner=learner).values_list("usage_id", "completion"))
    chapters = []
    for chapter_id in course.children(course.root_id):
        sections = []
        for section_id in course.children(chapter_id):
            units = []
            for unit_id in course.children(section_id):
                activities = [
                    _activity(course, u, scores, completions)
                    for u in course.walk(unit_id)
                    if course.block_type(u) not in STRUCTURAL_BLOCKS
                ]
                units.append({"id": unit_id, "title": course.display_name(unit_id), "activities": activities})
            sections.append({"id": section_id, "title": course.display_name(section_id), "units": units})
        modules = [_activity(course, u, scores, completions) for u in course.of_type("bootcamp_module", chapter_id)]
        chapters.append({
            "id": chapter_id, "title": course.display_name(chapter_id), "sections": sections, "modules": modules,
        })
    return chapters


@xframe_options_exempt
def catalog(request):
    course = get_course()
    learner = preview_learner(request, create=False)
    return render(request, "lti_bridge/catalog.html", {
        "course": course,
        "chapters": course_outline(course, learner),
        "has_progress": learner is not None,
    })


@xframe_options_exempt
def preview(request, usage_id):
    course = get_course()
    if usage_id not in course:
        return render(request, "lti_bridge/error.html", {
            "title": _("Page not found"),
            "message": _("This course has no activity “%(id)s”. Go back to the catalog and pick one.") % {"id": usage_id},
        }, status=404)
    # Operators logged in to the bridge (Django staff) review the course with every step open.
    staff = bool(getattr(request, "user", None) and request.user.is_active and request.user.is_staff)
    return render_block_page(request, course, preview_learner(request), usage_id, preview=True, staff=staff)


def preview_reset(request):
    """Forget the anonymous preview learner: the preview starts again with empty answers."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    forget_preview_learner(request)
    target = request.POST.get("next", "")
    return redirect(target if target.startswith("/") and not target.startswith("//") else reverse("catalog"))


def _neighbours(course, usage_id):
    """The previous and next units around the unit holding *usage_id* (preview navigation)."""
    units = course.of_type("vertical")
    unit = usage_id if course.block_type(usage_id) == "vertical" else next(
        (a for a in reversed(course.ancestors(usage_id)) if course.block_type(a) == "vertical"), None
    )
    if unit is None or unit not in units:
        return None, None
    index = units.index(unit)
    previous = units[index - 1] if index > 0 else None
    following = units[index + 1] if index + 1 < len(units) else None
    return previous, following


def render_block_page(request, course, learner, usage_id, *, preview=False, status=200, staff=False,
                      gating_root=None):
    """A full page showing *usage_id* to *learner* (frameable: LMSs embed it).

    *staff* (instructors, operators): every step is open, and the page's handler URLs say so.
    *gating_root*: the block an LMS link placed; only modules inside it gate (runtime/gating.py).
    A step that its module locks for this learner gets a 403 page saying what to finish first."""
    runtime = BridgeRuntime(course, learner, staff=staff, gating_root=gating_root)
    locked = lock_reason(runtime, usage_id)
    if locked:
        response = render(request, "lti_bridge/error.html", {
            "title": course.display_name(usage_id), "message": locked, "embedded": not preview,
        }, status=403)
        response.xframe_options_exempt = True
        return response
    try:
        # The page's <h1> shows the block's title: Open edX's show_title tells it not to repeat it.
        fragment = runtime.render_block(usage_id, context={"show_title": False})
    except Exception:  # a block's view failed: show the page with a message, log the details
        log.exception("rendering %s for learner %s failed", usage_id, learner.pk)
        return render(request, "lti_bridge/error.html", {
            "title": course.display_name(usage_id),
            "message": _("This activity could not be displayed. Please try again later; "
                         "if it keeps failing, tell your instructor."),
            "embedded": not preview,
        }, status=500)
    previous, following = _neighbours(course, usage_id) if preview else (None, None)
    response = render(request, "lti_bridge/block_page.html", {
        "course": course,
        "title": course.display_name(usage_id),
        "kind": activity_label(course.block_type(usage_id)),
        "breadcrumb": [{"id": a, "title": course.display_name(a)} for a in course.ancestors(usage_id)[1:]],
        "fragment": fragment,
        "preview": preview,
        "embedded": not preview,  # shown inside an LMS: no links out of the activity
        "previous": previous and {"id": previous, "title": course.display_name(previous)},
        "next": following and {"id": following, "title": course.display_name(following)},
    }, status=status)
    response.xframe_options_exempt = True
    return response
