"""What a validated launch changes in the bridge: the learner, the resource link, who launched it."""
from urllib.parse import parse_qs, urlparse

from django.db import transaction
from django.utils import timezone

from lti_bridge.models import Deployment, Learner

from . import claims as c
from .http import origin_of
from .models import LinkLaunch, PlatformKeyset, ResourceLink

MAX_FRAME_ORIGINS = 20


def target_usage_id(launch):
    """The block a launch opens: the 'block' custom parameter of our deep-linked items, else
    ?block= on the target link URI (manual set-ups), else '' (the course)."""
    block = launch.custom.get("block")
    if isinstance(block, str) and block:
        return block
    query = parse_qs(urlparse(str(launch.get(c.TARGET_LINK_URI, ""))).query)
    return (query.get("block") or [""])[0]


def learner_for(launch):
    """The bridge learner of the launch's (platform, sub), created on first launch."""
    defaults = {"name": str(launch.get("name") or "")[:255], "email": str(launch.get("email") or "")[:254]}
    learner, created = Learner.objects.get_or_create(platform=launch.registration, sub=launch.sub, defaults=defaults)
    changes = {k: v for k, v in defaults.items() if v and getattr(learner, k) != v}
    changes["last_seen_at"] = timezone.now()
    Learner.objects.filter(pk=learner.pk).update(**changes)
    return learner


@transaction.atomic
def record_resource_link(launch, learner):
    """Upsert the ResourceLink of a resource link launch and the learner's LinkLaunch."""
    platform = launch.registration
    deployment = Deployment.objects.get(platform=platform, deployment_id=launch.deployment_id)
    ags, context, link_claim = launch.ags, launch.context, launch.resource_link
    fields = {
        "platform": platform,
        "context_id": str(context.get("id") or "")[:255],
        "context_title": str(context.get("title") or context.get("label") or "")[:255],
        "title": str(link_claim.get("title") or "")[:255],
        "usage_id": target_usage_id(launch)[:255],
        "lineitem_url": str(ags.get("lineitem") or "")[:500],
        "lineitems_url": str(ags.get("lineitems") or "")[:500],
        "ags_scopes": [s for s in ags.get("scope", []) if isinstance(s, str)],
        "nrps_url": str(launch.nrps_url or "")[:500],
    }
    link, _ = ResourceLink.objects.update_or_create(
        deployment=deployment, resource_link_id=link_claim["id"], defaults=fields)
    now = timezone.now()
    record, created = LinkLaunch.objects.get_or_create(
        learner=learner, link=link,
        defaults={"roles": launch.roles, "is_instructor": launch.is_instructor})
    if not created:
        record.roles, record.is_instructor, record.last_launch_at = launch.roles, launch.is_instructor, now
        record.save(update_fields=["roles", "is_instructor", "last_launch_at"])
    return link


def remember_frame_origin(platform, request):
    """Keep the origin that posted a valid launch: it frames our pages (frame-ancestors)."""
    origin = origin_of(request.headers.get("Origin", ""))
    if not origin:
        return
    state, _ = PlatformKeyset.objects.get_or_create(platform=platform)
    if origin not in state.frame_origins and len(state.frame_origins) < MAX_FRAME_ORIGINS:
        state.frame_origins = [*state.frame_origins, origin]
        state.save(update_fields=["frame_origins"])
        from .frame_policy import forget_origins
        forget_origins()
