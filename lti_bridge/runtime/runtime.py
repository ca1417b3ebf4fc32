"""The XBlock runtime that serves one learner of one platform for one request.

Blocks come from the loaded `Course` (authored data in memory) with the learner's own state from
the database (`LearnerStore`). Handler URLs point to the bridge's handler view and carry a signed
token (see tokens.py); grade and completion events go to lti_bridge.scores.
"""
import json
import logging
from urllib.parse import quote

from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from web_fragments.fragment import Fragment
from xblock.exceptions import NoSuchServiceError, NoSuchUsage
from xblock.fields import ScopeIds
from xblock.runtime import KvsFieldData, Runtime

from lti_bridge import scores
from lti_bridge.runtime.field_data import LearnerStore
from lti_bridge.runtime.services import BridgeUserService, I18nService, ReplaceUrlsService, SettingsService
from lti_bridge.runtime.tokens import make_token

log = logging.getLogger(__name__)

JS_RUNTIME_VERSION = "1"


class BridgeRuntime(Runtime):
    """One learner, one course, one request. Not shared between threads.

    *staff*: the learner is course staff for this request (an instructor launch, an operator
    logged in to the bridge): blocks see `user_is_staff` and mastery gating opens every step.
    *gating_root*: the block an LMS link placed; modules above it do not gate it (see gating.py)."""

    def __init__(self, course, learner, language=None, staff=False, gating_root=None):
        self.course = course
        self.learner = learner
        self.language = language or translation.get_language()
        self._blocks = {}
        self._token = make_token(learner, self.language, staff, gating_root)
        self.gating_root = gating_root
        self._store = LearnerStore(course.authored, learner)
        self.anonymous_student_id = learner.anonymous_id  # read by some Open edX blocks
        self.course_id = course.course_id
        self.user_is_staff = staff
        super().__init__(
            id_reader=course.ids,
            id_generator=course.ids,
            services={
                "field-data": KvsFieldData(self._store),
                "user": BridgeUserService(learner, course.course_id, staff=staff),
                "settings": SettingsService(),
                "replace_urls": ReplaceUrlsService(self.course_static_url),
            },
        )

    # Blocks

    def load_block_type(self, block_type):
        return self.course.block_class(block_type)

    def get_block(self, usage_id, for_parent=None):
        """The block, built once per runtime so parents and handlers share one instance."""
        if usage_id not in self._blocks:
            if usage_id not in self.course:
                raise NoSuchUsage(repr(usage_id))
            block_type = self.course.block_type(usage_id)
            keys = ScopeIds(self.learner.pk, block_type, usage_id, usage_id)
            self._blocks[usage_id] = self.construct_xblock(block_type, keys, for_parent=for_parent)
        return self._blocks[usage_id]

    def prefetch(self, usage_ids):
        """Read the learner's state of these blocks in one query (before building many of them)."""
        self._store.prefetch(usage_ids)

    def applicable_aside_types(self, block):
        return []  # no asides in the bridge (installed ones, like the SDK's, must not decorate our blocks)

    def service(self, block, service_name):
        if service_name == "i18n":  # per block: each block has its own catalogue
            if block.service_declaration(service_name) is None:
                raise NoSuchServiceError(f"Service {service_name!r} was not requested.")
            return I18nService(block)
        return super().service(block, service_name)

    # URLs

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False):
        func = getattr(block, handler_name, None)
        if not (func and getattr(func, "_is_xblock_handler", False)):
            raise ValueError(f"{handler_name!r} is not a handler of {block.scope_ids.block_type}")
        url = self.handler_prefix(block.scope_ids.usage_id) + quote(handler_name)
        if suffix:
            url += "/" + quote(suffix.lstrip("/"))
        url += "?auth=" + self._token
        if query:
            url += "&" + query.lstrip("?&")
        return url

    def handler_prefix(self, usage_id):
        return reverse("xblock_handler", args=[usage_id, "HANDLER"]).rpartition("HANDLER")[0]

    def resource_url(self, resource):
        return reverse("assets", args=[resource])

    def local_resource_url(self, block, uri):
        return reverse("xblock_resource", args=[block.scope_ids.block_type, uri])

    def course_static_url(self, path):
        return reverse("course_static", args=[path])

    def replace_urls(self, text):
        """Open edX runtimes have this method too (older blocks call it instead of the service)."""
        return self._services["replace_urls"].replace_urls(text)

    # Events

    def publish(self, block, event_type, event_data):
        usage_id = str(block.scope_ids.usage_id)
        if event_type == "grade":
            scores.record_grade(self.learner, usage_id, event_data or {})
        elif event_type == "completion":
            scores.record_completion(self.learner, usage_id, event_data or {})
        else:
            log.debug("event %s from %s: %r", event_type, usage_id, event_data)

    # Rendering: the wrapper our JavaScript runtime (static/lti_bridge/xblock-runtime.js) reads.

    def wrap_xblock(self, block, view, frag, context):
        usage_id = str(block.scope_ids.usage_id)
        block_type = block.scope_ids.block_type
        data = {
            "usage-id": usage_id,
            "block-type": block_type,
            "handler-prefix": self.handler_prefix(usage_id),
            "handler-token": self._token,
            "runtime-version": JS_RUNTIME_VERSION,
        }
        if frag.js_init_fn:
            data["init"] = frag.js_init_fn
            data["js-version"] = frag.js_init_version or 1
        attributes = "".join(f' data-{name}="{escape(value)}"' for name, value in data.items())
        css = f"xblock xblock-{escape(view)} xblock-{escape(block_type)}"
        args = ""
        if frag.json_init_args is not None:
            payload = json.dumps(frag.json_init_args).replace("<", "\\u003c")
            args = f'<script type="json/xblock-args" class="xblock-json-init-args">{payload}</script>'
        wrapped = Fragment(f'<div class="{css}"{attributes}>{frag.body_html()}{args}</div>')
        wrapped.add_fragment_resources(frag)
        return wrapped

    def render_block(self, usage_id, view="student_view", context=None):
        """Render a block by usage id; the Fragment holds its HTML, CSS and JavaScript."""
        self.prefetch(self.course.walk(usage_id))
        block = self.get_block(usage_id)
        return self.render(block, view, context or {})
