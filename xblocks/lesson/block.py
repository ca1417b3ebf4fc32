"""The lesson XBlock: a Markdown page, with an optional "try it" snippet run in the sandbox.

Markdown is rendered (and sanitised) by xblocks.common.markdown; snippets run through
grader.api.run_snippet; OLX is read and written by olx.py. Nothing here is graded.
"""
from __future__ import annotations

import logging
import re

from web_fragments.fragment import Fragment
from xblock.completable import CompletableXBlockMixin
from xblock.core import XBlock
from xblock.exceptions import JsonHandlerError
from xblock.fields import Boolean, Dict, List, Scope, String
from xblock.utils.studio_editable import StudioEditableXBlockMixin
from xblock.validation import ValidationMessage

from grader.exercise import LANGUAGES
from xblocks.common.i18n import COMMON_PACKAGE, N_, load_static, render_template, translator
from xblocks.common.markdown import pygments_css, render_markdown
from xblocks.lesson import olx, snippets
from xblocks.lesson.headings import demote_headings
from xblocks.lesson.scenarios import SCENARIOS

log = logging.getLogger(__name__)
PACKAGE = "xblocks.lesson"
BODY_TOP_HEADING = 4  # the lesson's title is an <h3>


_ = N_  # field labels: marked for extraction only, Studio translates labels itself


JS_STRINGS = {
    "run": _("Run"),
    "running": _("Running…"),
    "reset": _("Reset"),
    "no_output": _("(the code printed nothing)"),
    "done": _("Lesson completed"),
    "mark_done": _("Mark as done"),
    "network_error": _("The server could not be reached. Check your connection and try again."),
}


@XBlock.needs("i18n")
@XBlock.wants("replace_urls")
class LessonBlock(StudioEditableXBlockMixin, CompletableXBlockMixin, XBlock):
    """A lesson (see docs/authors/olx-format.md, ## lesson). Complete once read.
    Studio edits it with XBlock's standard field editor (StudioEditableXBlockMixin)."""

    icon_class = "other"
    editable_fields = ("display_name", "body", "try_it", "try_it_language", "skills")

    display_name = String(display_name=_("Display name"), default="Lesson", scope=Scope.settings)
    body = String(display_name=_("Body (Markdown)"), default="", scope=Scope.content, multiline_editor=True)
    try_it = String(display_name=_("Try-it snippet"), default="", scope=Scope.content, multiline_editor=True)
    try_it_language = String(display_name=_("Snippet language"), default="python", scope=Scope.content,
                             values=list(LANGUAGES))
    skills = List(display_name=_("Skills"), default=[], scope=Scope.settings)
    xml_attributes = Dict(default={}, scope=Scope.settings, help="Unknown OLX attributes, kept on export.")

    completed = Boolean(default=False, scope=Scope.user_state)

    # ------------------------------------------------------------ views

    def student_view(self, context=None):
        tr = translator(self)
        html = render_template(PACKAGE, "lesson.html", {
            "title": self.display_name,
            "show_title": (context or {}).get("show_title", True),
            "body": demote_headings(render_markdown(self.body, static_url=self._static_url), BODY_TOP_HEADING),
            "try_it": self.try_it,
            "language": self.try_it_language,
            "completed": self.completed,
            "editor_id": "jit-lesson-" + re.sub(r"[^A-Za-z0-9_-]", "-", str(self.scope_ids.usage_id)),
            "rows": min(max(self.try_it.count("\n") + 2, 4), 20),
            "strings": {
                "try_it": tr.gettext("Try it"),
                "try_it_help": tr.gettext("Change the code, then press Run. This is practice: nothing is graded."),
                "editor_label": tr.gettext("Code to run ({language})").format(language=self.try_it_language),
                "output": tr.gettext("Output"),
                **tr.strings(JS_STRINGS),
            },
        }, tr)
        frag = Fragment(html)
        frag.add_css(load_static(PACKAGE, "css/lesson.css"))
        frag.add_css(pygments_css())  # after the block's CSS, where it used to be pasted
        frag.add_javascript(load_static(COMMON_PACKAGE, "js/post_json.js"))  # JitPostJson, used by lesson.js
        frag.add_javascript(load_static(PACKAGE, "js/lesson.js"))
        frag.initialize_js("JitLessonBlock", {
            "completed": self.completed, "language": self.try_it_language, "try_it": self.try_it,
            "strings": tr.strings(JS_STRINGS),
        })
        return frag

    def _static_url(self, path: str) -> str:
        """URL of a course asset written `/static/<path>` (Open edX: replace_urls service)."""
        quoted = f'"/static/{path}"'
        service = self.runtime.service(self, "replace_urls")
        replace = getattr(service, "replace_urls", None) or getattr(self.runtime, "replace_urls", None)
        if callable(replace):
            try:
                rewritten = replace(quoted)
            except Exception:  # a runtime's rewriter failing must not hide the lesson
                log.exception("replace_urls failed for %s", path)
            else:
                if isinstance(rewritten, str) and len(rewritten) > 2 and rewritten[0] == rewritten[-1] == '"':
                    return rewritten[1:-1]
        return f"/static/{path}"

    # ------------------------------------------------------------ handlers

    @XBlock.json_handler
    def run(self, data, suffix=""):
        """Run {"code": "..."} in the sandbox; reply {"status", "output", "message"}. Not graded."""
        tr = translator(self)
        code = data.get("code") if isinstance(data, dict) else None
        problem = snippets.check_code(code)
        if problem:
            raise JsonHandlerError(400, tr.gettext(problem))
        return snippets.run(self.try_it_language, code, tr)

    @XBlock.json_handler
    def mark_done(self, data, suffix=""):
        """The lesson was read (its end scrolled into view) or the learner pressed Mark as done."""
        if not self.completed:
            self.completed = True
            self.emit_completion(1.0)
        return {"completed": True}

    # ------------------------------------------------------------ Studio

    def ugettext(self, text):
        """Studio's field editor translates labels with this: use the block's own catalogue."""
        return translator(self).gettext(text)

    def validate_field_data(self, validation, data):
        tr = translator(self)
        if data.try_it_language not in LANGUAGES:
            validation.add(ValidationMessage(ValidationMessage.ERROR, tr.gettext(
                "Snippet language: choose one of {languages}.").format(languages=", ".join(LANGUAGES))))
        if not isinstance(data.skills, list) or not all(isinstance(s, str) for s in data.skills):
            validation.add(ValidationMessage(ValidationMessage.ERROR, tr.gettext(
                'Skills: write a list of tags, e.g. ["python.loops", "python.lists"].')))

    def validate(self):
        """Errors block a Studio save (validate_field_data); this warning only shows."""
        validation = super().validate()
        if not (self.body or "").strip():
            validation.add(ValidationMessage(ValidationMessage.WARNING,
                                             translator(self).gettext("The lesson has no body text.")))
        return validation

    # ------------------------------------------------------------ OLX

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        block = runtime.construct_xblock_from_class(cls, keys)
        d = olx.parse_lesson_element(node)
        block.display_name = d.display_name
        block.body = d.body
        block.try_it = d.try_it
        block.try_it_language = d.try_it_language
        block.skills = d.skills
        block.xml_attributes = d.extra_attributes
        return block

    def add_xml_to_node(self, node):
        olx.write_lesson_element(olx.LessonDefinition(
            display_name=self.display_name, body=self.body, try_it=self.try_it,
            try_it_language=self.try_it_language, skills=list(self.skills),
            extra_attributes=dict(self.xml_attributes)), node)

    @staticmethod
    def workbench_scenarios():
        return SCENARIOS
