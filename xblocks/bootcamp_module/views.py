"""The module's page: objectives, progress bar, steps (rendered children or locked cards), summary.

Locked steps are not rendered at all, so their content never reaches the learner's browser.
"""
from __future__ import annotations

import json
import logging

from web_fragments.fragment import Fragment

from xblocks.common.i18n import N_, format_percent, load_static, render_template
from xblocks.common.markdown import render_markdown

log = logging.getLogger(__name__)
PACKAGE = "xblocks.bootcamp_module"

JS_STRINGS = {
    "unlocked": N_("A new step is unlocked."),
    "open": N_("Show it"),
}


def _skill_label(name: str) -> str:
    """'python.loops' -> 'python · loops': tags are identifiers, this reads better."""
    return " · ".join(part for part in name.replace("_", " ").split(".") if part)


def _isolate(text: str) -> str:
    """Wrap author text put inside a translated sentence in Unicode isolates (FSI...PDI), so a
    French title inside an Arabic sentence keeps its own direction."""
    return f"\u2068{text}\u2069"


def _script_json(data) -> str:
    """JSON that is safe inside a <script> element (no "</script>" or "<!--" break-out)."""
    return (json.dumps(data, ensure_ascii=False)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def summary_view(summary, threshold: float, tr, gating: bool = True) -> dict:
    lang = tr.language
    return {
        "progress_percent": round(summary.progress * 100),
        # The plural follows the number of steps done (French: "1 étape terminée sur 11").
        "progress_text": tr.ngettext("{done} step done out of {total}", "{done} steps done out of {total}",
                                     summary.steps_done).format(done=summary.steps_done, total=summary.steps_total),
        "score_text": (tr.gettext("Score: {percent}").format(percent=format_percent(summary.score, lang))
                       if summary.score is not None else ""),
        "complete": summary.complete,
        "complete_text": tr.gettext("Module completed. Well done!") if summary.complete else "",
        "skills": [{
            "name": s.name, "label": _skill_label(s.name), "mastered": s.mastered,
            "state": (tr.gettext("mastered") if s.mastered else
                      tr.gettext("in progress") if s.assessed else tr.gettext("not assessed")),
        } for s in summary.skills],
        "mastered_count": sum(1 for s in summary.skills if s.mastered),
        "threshold_text": tr.gettext("A step unlocks when you reach {percent} in each scored step before it.").format(
            percent=format_percent(threshold, lang)) if gating else "",
    }


def _locked_view(state, threshold: float, tr) -> dict:
    lang = tr.language
    return {
        "message": tr.gettext("Locked. To unlock this step, reach {percent} in:").format(
            percent=format_percent(threshold, lang)),
        "blockers": [tr.gettext("{title} (now {percent})").format(
            title=_isolate(b.title), percent=format_percent(b.fraction, lang)) for b in state.blockers],
    }


def lock_reason(state, threshold: float, tr) -> str:
    """The locked card's text as one sentence, for a runtime that refuses a locked step."""
    view = _locked_view(state, threshold, tr)
    separator = "، " if tr.direction == "rtl" else ", "
    return f"{view['message']} {separator.join(view['blockers'])}"


def student_fragment(block, children, states, summary, tr, context) -> Fragment:
    frag = Fragment()
    threshold = block.threshold()
    context = dict(context or {})
    show_title = context.pop("show_title", True)  # for this block only, not its steps
    steps = []
    for number, (child, state) in enumerate(zip(children, states), start=1):
        step = {"label": tr.gettext("Step {number}").format(number=number), "title": state.facts.title, "usage_id": state.facts.usage_id,
                "locked": state.locked, "done": state.done, "html": "", "error": ""}
        if state.locked:
            step["lock"] = _locked_view(state, threshold, tr)
        else:
            try:
                child_frag = block.runtime.render_child(child, "student_view", context)
            except Exception:  # one broken step must not hide the others
                log.exception("bootcamp_module: cannot render %s", state.facts.usage_id)
                step["error"] = tr.gettext("This step cannot be shown right now.")
            else:
                frag.add_fragment_resources(child_frag)
                step["html"] = child_frag.body_html()
        steps.append(step)
    html = render_template(PACKAGE, "module.html", {
        "title": block.display_name,
        "show_title": show_title,
        "objectives": render_markdown(block.objectives),
        "steps": steps,
        "summary": summary_view(summary, threshold, tr, block.gating),
        "config_json": _script_json({"locked": [s.facts.usage_id for s in states if s.locked],
                                     "strings": tr.strings(JS_STRINGS)}),
        "strings": {
            "objectives": tr.gettext("Objectives"),
            "progress": tr.gettext("Progress"),
            "steps": tr.gettext("Steps"),
            "done": tr.gettext("Done"),
            "summary": tr.gettext("Summary"),
            "skills": tr.gettext("Skills"),
            "no_steps": tr.gettext("This module has no step yet."),
        },
    }, tr)
    frag.add_content(html)
    frag.add_css(load_static(PACKAGE, "css/bootcamp_module.css"))
    frag.add_javascript(load_static(PACKAGE, "js/bootcamp_module.js"))
    # No json init args: some runtimes (xblock-sdk's workbench) read a container's args together
    # with its children's and fail; the page's own <script type="application/json"> has them.
    frag.initialize_js("JitBootcampModuleBlock")
    return frag


def progress_json(block, states, summary, tr) -> dict:
    view = summary_view(summary, block.threshold(), tr, block.gating)
    return {
        "steps": [{"usage_id": s.facts.usage_id, "locked": s.locked, "done": s.done} for s in states],
        "locked": [s.facts.usage_id for s in states if s.locked],
        **{key: view[key] for key in ("progress_percent", "progress_text", "score_text", "complete_text",
                                      "skills", "mastered_count")},
    }
