"""Platform registration operations shared by the CLI and the tests."""
from django.db import IntegrityError, transaction

from lti_bridge.models import Deployment, Platform

from . import keys
from .errors import LtiError, gettext_noop as _
from .frame_policy import forget_origins
from .models import PlatformKeyset


def _url(field, value):
    return keys.check_fetchable_url(value, field)


def add_platform(*, name, issuer, client_id, deployment_id, auth_login_url, auth_token_url,
                 keyset_url="", public_key="", auth_audience="", active=True, registered_by="cli"):
    """Register (or add a deployment to) a platform; LtiError naming the bad field."""
    for field, value in (("--name", name), ("--issuer", issuer), ("--client-id", client_id),
                         ("--deployment-id", deployment_id)):
        if not str(value).strip():
            raise LtiError(_("%(field)s must not be empty."), field=field)
    _url("--auth-login-url", auth_login_url)
    _url("--auth-token-url", auth_token_url)
    if bool(keyset_url) == bool(public_key):
        raise LtiError(_("Give exactly one of --keyset-url and --public-key."))
    if keyset_url:
        _url("--keyset-url", keyset_url)
    else:
        keys.load_public_key(public_key)
    with transaction.atomic():
        platform = Platform.objects.filter(kind=Platform.KIND_LTI, issuer=issuer, client_id=client_id).first()
        fields = dict(name=name, auth_login_url=auth_login_url, auth_token_url=auth_token_url,
                      auth_audience=auth_audience, keyset_url=keyset_url, public_key=public_key, is_active=active)
        if platform is None:
            platform = Platform.objects.create(kind=Platform.KIND_LTI, issuer=issuer, client_id=client_id, **fields)
        else:
            for field, value in fields.items():
                setattr(platform, field, value)
            platform.save()
        try:
            Deployment.objects.get_or_create(platform=platform, deployment_id=deployment_id)
        except IntegrityError:
            raise LtiError(_("--deployment-id %(id)s is already registered."), id=deployment_id) from None
        PlatformKeyset.objects.update_or_create(platform=platform, defaults={"registered_by": registered_by,
                                                                             "keys": {}, "fetched_at": None})
    forget_origins()
    return platform


def platform_rows():
    rows = []
    for platform in Platform.objects.filter(kind=Platform.KIND_LTI).prefetch_related("deployments").order_by("pk"):
        rows.append({
            "id": platform.pk, "name": platform.name, "issuer": platform.issuer, "client_id": platform.client_id,
            "status": "active" if platform.is_active else "pending",
            "deployments": [d.deployment_id for d in platform.deployments.all()],
            "auth_login_url": platform.auth_login_url, "auth_token_url": platform.auth_token_url,
            "keyset_url": platform.keyset_url, "public_key": bool(platform.public_key.strip()),
        })
    return rows


def set_active(platform_id, active):
    platform = Platform.objects.filter(kind=Platform.KIND_LTI, pk=platform_id).first()
    if platform is None:
        raise LtiError(_("No LTI platform has id %(id)s; see `jobintech lti list-platforms`."), id=platform_id)
    platform.is_active = active
    platform.save(update_fields=["is_active"])
    forget_origins()
    return platform
