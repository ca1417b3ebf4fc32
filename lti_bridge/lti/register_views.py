"""LTI Dynamic Registration: /lti/register?openid_configuration=...&registration_token=..."""
from urllib.parse import urlparse

from django.conf import settings
from django.db import IntegrityError, transaction
from django.shortcuts import render

from lti_bridge.models import Deployment, Platform

from . import registration
from .errors import LtiError, gettext_noop as _
from .frame_policy import forget_origins
from .http import refuses_lti_errors
from .models import PlatformKeyset


def auto_activate():
    return bool(getattr(settings, "LTI_AUTO_ACTIVATE_REGISTRATIONS", False))


@refuses_lti_errors
def register(request):
    config_url = request.GET.get("openid_configuration", "")
    if not config_url:
        raise LtiError(_("Dynamic registration needs the 'openid_configuration' parameter: start it "
                         "from your LMS's tool registration page with this URL."))
    token = request.GET.get("registration_token", "")
    allow_local = settings.DEBUG or getattr(settings, "LTI_ALLOW_LOCAL_REGISTRATION", False)
    platform_config = registration.read_openid_configuration(config_url, token, allow_local=allow_local)
    base_url = request.build_absolute_uri("/").rstrip("/")
    client_id, deployment_id = registration.register_client(platform_config, base_url, token)
    name = f"{platform_config.product or 'LMS'} {urlparse(platform_config.issuer).hostname}"[:200]
    try:
        with transaction.atomic():
            platform = Platform.objects.create(
                name=name, kind=Platform.KIND_LTI, is_active=auto_activate(),
                issuer=platform_config.issuer, client_id=client_id,
                auth_login_url=platform_config.authorization_endpoint,
                auth_token_url=platform_config.token_endpoint,
                auth_audience=platform_config.token_audience, keyset_url=platform_config.jwks_uri)
            if deployment_id:
                Deployment.objects.create(platform=platform, deployment_id=deployment_id)
            PlatformKeyset.objects.create(platform=platform, registered_by="dynamic",
                                          product=platform_config.product[:100])
    except IntegrityError:
        raise LtiError(_("The platform %(iss)s is already registered with client id %(client_id)s."),
                       status=409, iss=platform_config.issuer, client_id=client_id) from None
    forget_origins()
    response = render(request, "lti/registered.html", {"platform": platform, "pending": not platform.is_active})
    response.xframe_options_exempt = True
    return response
