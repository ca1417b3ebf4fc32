"""The LTI 1.3 endpoints: initiate login, launch (redirect URI), JWKS, and the activity page.

Every refusal is a 4xx page that says why (see http.refusal), never a 500.
"""
import hmac
import secrets
from datetime import timedelta

from django.http import HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from lti_bridge.learners import remember_learner
from lti_bridge.middleware import remember_language
from lti_bridge.models import Learner, Platform
from lti_bridge.runtime.course import get_course
from lti_bridge.views.pages import render_block_page

from . import claims as c
from . import oidc, outbox, toolkeys
from .errors import LtiError, gettext_noop as _
from .http import (origin_of, our_origin, page_token, read_page_token, refuses_lti_errors, set_iframe_cookie,
                   use_language)
from .launches import learner_for, record_resource_link, remember_frame_origin
from .models import LoginState, ResourceLink
from .store import OrmResolver, lti_platforms, purge_login_states
from .validation import validate_launch


def jwks(request):
    response = JsonResponse(toolkeys.jwks())
    response["Cache-Control"] = "public, max-age=300"
    return response


def _platform_for_login(login):
    platforms = lti_platforms().filter(issuer=login.issuer)
    if login.client_id:
        platforms = platforms.filter(client_id=login.client_id)
    found = list(platforms[:2])
    if not found:
        raise LtiError(_("The issuer %(iss)s (client id %(client_id)s) is not registered with this tool."),
                       status=403, iss=login.issuer, client_id=login.client_id or "-")
    if len(found) > 1:
        raise LtiError(_("The issuer %(iss)s has several registrations: the login request must name "
                         "its client_id."), iss=login.issuer)
    platform = found[0]
    if not platform.is_active:
        raise LtiError(_("The platform %(name)s is registered but not yet activated by the bridge "
                         "administrator."), status=403, name=platform.name)
    return platform


@csrf_exempt
@refuses_lti_errors
def login(request):
    """Third-party initiated login: redirect to the platform's authorization endpoint."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    params = request.POST if request.method == "POST" else request.GET
    login_request = oidc.parse_login(params, our_origin(request))
    platform = _platform_for_login(login_request)
    purge_login_states()
    state = LoginState.objects.create(
        platform=platform, state=oidc.new_state(), nonce=oidc.new_nonce(),
        browser_secret=secrets.token_urlsafe(24), storage_target=login_request.storage_target[:100])
    target = oidc.authorization_url(
        platform.auth_login_url, login_request, platform.client_id,
        request.build_absolute_uri(reverse("lti:launch")), state.state, state.nonce)
    if login_request.storage_target:
        # The platform offers postMessage storage: keep the browser secret there as well, in
        # case the browser drops our third-party cookie.
        response = render(request, "lti/storage_login.html", {
            "data": {"target": login_request.storage_target, "origin": _platform_origin(platform),
                     "key": "jit_" + state.state, "value": state.browser_secret, "next": target},
        })
        response.xframe_options_exempt = True
    else:
        response = redirect(target)
    set_iframe_cookie(response, request, oidc.STATE_COOKIE_PREFIX + state.state, state.browser_secret,
                      oidc.STATE_MAX_AGE)
    return response


def _platform_origin(platform):
    return origin_of(platform.auth_login_url) or origin_of(platform.issuer) or "*"


def _login_state(request):
    if request.POST.get("error"):
        raise LtiError(_("The platform refused the login: %(error)s %(description)s"),
                       error=request.POST.get("error", ""), description=request.POST.get("error_description", ""))
    id_token, state_value = request.POST.get("id_token"), request.POST.get("state")
    if not id_token:
        raise LtiError(_("The launch has no id_token."))
    if not state_value:
        raise LtiError(_("The launch has no state."))
    state = LoginState.objects.select_related("platform").filter(state=state_value).first()
    if state is None:
        raise LtiError(_("The launch state is unknown or expired. Launch the activity again from the course."))
    if timezone.now() - state.created_at > timedelta(seconds=oidc.STATE_MAX_AGE):
        raise LtiError(_("The login took too long and has expired. Launch the activity again from the course."))
    return id_token, state


def _browser_secret(request, state):
    """The secret the browser holds for this state: its cookie, or what our page read back
    from the platform's storage. None when it has neither (and storage can still be asked)."""
    return (request.COOKIES.get(oidc.STATE_COOKIE_PREFIX + state.state)
            or request.POST.get("lti_storage_secret") or None)


@csrf_exempt
@refuses_lti_errors
def launch(request):
    """The redirect URI: validate the id_token, log the user in, show what they launched."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    id_token, state = _login_state(request)
    secret = _browser_secret(request, state)
    if secret is None and state.storage_target and not request.POST.get("lti_storage_checked"):
        response = render(request, "lti/storage_launch.html", {
            "action": request.path, "id_token": id_token, "state": state.state,
            "data": {"target": state.storage_target, "origin": _platform_origin(state.platform),
                     "key": "jit_" + state.state},
        })
        response.xframe_options_exempt = True
        return response
    if secret is None:
        raise LtiError(_("The launch state cookie is missing: the browser blocked it. Allow cookies "
                         "for this site, or open the activity in a new window."))
    if not hmac.compare_digest(secret.encode(), state.browser_secret.encode()):
        raise LtiError(_("The launch state does not belong to this browser."), status=403)
    if state.consumed_at is not None:
        raise LtiError(_("This launch was already used (its nonce is single-use). Launch again from the course."))
    result = validate_launch(id_token, OrmResolver(), expected_nonce=state.nonce)
    if result.registration.pk != state.platform_id:
        raise LtiError(_("The id_token comes from another platform than the login."), status=403)
    return _after_launch(request, result)


def _after_launch(request, result):
    learner = learner_for(result)
    remember_learner(request, learner)
    language = remember_language(request, result.locale) or ""
    use_language(request, language)
    remember_frame_origin(result.registration, request)
    outbox.ensure_sender()
    if result.message_type == c.DEEP_LINKING_REQUEST:
        if not result.is_instructor:
            raise LtiError(_("Only instructors can choose content to add to a course."), status=403)
        dl_settings = result.deep_linking_settings
        token = page_token(kind="dl", learner=learner.pk, deployment=result.deployment_id, lang=language, settings={
            k: dl_settings[k] for k in ("deep_link_return_url", "data", "accept_types", "accept_multiple")
            if k in dl_settings})
        return HttpResponseRedirect(reverse("lti:deep_link") + "?t=" + token, status=303)
    link = record_resource_link(result, learner)
    # The language travels in the token too: inside an iframe the session cookie may be lost.
    token = page_token(kind="link", learner=learner.pk, link=link.pk, lang=language)
    # Post/redirect/get: reloading the activity must not post the single-use id_token again.
    page = "lti:instructor" if result.is_instructor else "lti:activity"
    return HttpResponseRedirect(reverse(page) + "?t=" + token, status=303)


def _activity_response(request, learner, usage_id):
    course = get_course()
    if not usage_id or usage_id not in course:
        if usage_id:
            raise LtiError(_("This course has no activity %(id)s: the link may point to content that was "
                             "removed. Ask your instructor to choose it again."), status=404, id=usage_id)
        usage_id = course.root_id
    # The placed activity is the learner's whole course here: modules above it do not gate it.
    return render_block_page(request, course, learner, usage_id, gating_root=usage_id)


@refuses_lti_errors
def activity(request):
    """The block a resource link opens, for its learner (after the launch, or from the instructor page)."""
    data = read_page_token(request.GET.get("t"))
    use_language(request, data.get("lang"))
    if data.get("kind") != "link":
        raise LtiError(_("This page must be opened from an LTI launch in your course."), status=403)
    learner = Learner.objects.select_related("platform").filter(
        pk=data["learner"], platform__is_active=True, platform__kind=Platform.KIND_LTI).first()
    link = ResourceLink.objects.filter(pk=data.get("link"), platform_id=getattr(learner, "platform_id", None)).first()
    if learner is None or link is None:
        raise LtiError(_("This page must be opened from an LTI launch in your course."), status=403)
    return _activity_response(request, learner, link.usage_id)
