"""Block handlers over HTTP: /xblock/<usage_id>/handler/<name>[/<suffix>]?auth=<token>.

The learner comes from the signed token in the URL (see runtime/tokens.py), so the view is exempt
from Django's cookie-based CSRF check and works inside an LMS iframe where cookies may be dropped.
Errors are JSON with a translated message, never a traceback.
"""
import logging

from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from xblock.django.request import django_to_webob_request, webob_to_django_response
from xblock.exceptions import NoSuchHandlerError

from lti_bridge.middleware import supported
from lti_bridge.models import Learner
from lti_bridge.runtime.course import get_course
from lti_bridge.runtime.gating import lock_reason
from lti_bridge.runtime.runtime import BridgeRuntime
from lti_bridge.runtime.tokens import BadToken, read_token_with_role

log = logging.getLogger(__name__)


def _error(status, message):
    return JsonResponse({"error": message}, status=status)


@csrf_exempt
@xframe_options_exempt
def xblock_handler(request, usage_id, handler, suffix=""):
    try:
        learner_pk, language, staff, gating_root = read_token_with_role(request.GET.get("auth"))
    except BadToken:
        return _error(403, _("Your session has expired or this link is not valid. Reload the page and try again."))
    learner = Learner.objects.select_related("platform").filter(pk=learner_pk, platform__is_active=True).first()
    if learner is None:
        return _error(403, _("Your session has expired or this link is not valid. Reload the page and try again."))
    course = get_course()
    if usage_id not in course:
        return _error(404, _("This activity no longer exists in the course. Reload the page."))
    with translation.override(supported(language) or request.LANGUAGE_CODE):
        runtime = BridgeRuntime(course, learner, staff=staff, gating_root=gating_root)
        locked = lock_reason(runtime, usage_id)
        if locked:  # the module hides locked steps; a hand-built URL must not reach them either
            return _error(403, locked)
        block = runtime.get_block(usage_id)
        try:
            response = runtime.handle(block, handler, django_to_webob_request(request), suffix)
        except NoSuchHandlerError:
            return _error(404, _("This activity has no action “%(name)s”.") % {"name": handler})
        except Exception:  # the block failed: log the details for operators, tell the learner plainly
            log.exception("handler %s of %s failed for learner %s", handler, usage_id, learner.pk)
            return _error(500, _("Something went wrong on the server. Your work is kept; please try again."))
        return webob_to_django_response(response)
