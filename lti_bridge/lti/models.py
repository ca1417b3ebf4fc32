"""What the LTI layer stores beside the bridge's tenants (lti_bridge.models.Platform).

The bridge's Platform is the registration (issuer, client id, endpoints, keys); here live the
tool's own signing keys, the platform keyset cache, one-time login states, the resource links
and line items learned from launches, and who launched what (for grades and instructor pages).
"""
from django.db import models
from django.utils import timezone

from lti_bridge.models import Deployment, Learner, Platform


class ToolKey(models.Model):
    """An RSA key the tool signs with. The newest unretired key signs; retired keys stay in
    the JWKS for a while so that platforms holding a cached keyset still verify old tokens."""

    kid = models.CharField(max_length=64, unique=True)
    private_key = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.kid


class PlatformKeyset(models.Model):
    """The platform's public keyset as last fetched, and how it was registered."""

    platform = models.OneToOneField(Platform, on_delete=models.CASCADE, related_name="lti_keyset")
    keys = models.JSONField(default=dict, blank=True)
    fetched_at = models.DateTimeField(null=True, blank=True)
    registered_by = models.CharField(max_length=32, default="cli")  # cli, dynamic, admin
    product = models.CharField(max_length=100, blank=True)  # e.g. moodle, canvas
    # Origins seen framing valid launches (Canvas's issuer is not the origin of its pages).
    frame_origins = models.JSONField(default=list, blank=True)


class LoginState(models.Model):
    """The state and nonce of one OIDC login, each usable once."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=100, unique=True)
    nonce = models.CharField(max_length=100, unique=True)
    # Binds the state to the browser: sent to it in a cookie, or kept in the platform's
    # postMessage storage; never sent to the authorization endpoint.
    browser_secret = models.CharField(max_length=100)
    storage_target = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    consumed_at = models.DateTimeField(null=True, blank=True)


class ResourceLink(models.Model):
    """A placement of our content in a platform course, with its grade and roster services."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="lti_links")
    deployment = models.ForeignKey(Deployment, on_delete=models.CASCADE, related_name="lti_links")
    resource_link_id = models.CharField(max_length=255)
    context_id = models.CharField(max_length=255, blank=True)
    context_title = models.CharField(max_length=255, blank=True)
    title = models.CharField(max_length=255, blank=True)
    usage_id = models.CharField(max_length=255, blank=True)
    lineitem_url = models.URLField(max_length=500, blank=True)
    lineitems_url = models.URLField(max_length=500, blank=True)
    ags_scopes = models.JSONField(default=list, blank=True)
    nrps_url = models.URLField(max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["deployment", "resource_link_id"], name="unique_lti_link")]

    def __str__(self):
        return f"{self.platform} {self.context_title or self.context_id} / {self.title or self.resource_link_id}"


class LineItem(models.Model):
    """A line item of a resource link for one block (found or created through AGS)."""

    link = models.ForeignKey(ResourceLink, on_delete=models.CASCADE, related_name="line_items")
    usage_id = models.CharField(max_length=255)
    url = models.URLField(max_length=500)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["link", "usage_id"], name="unique_lti_line_item")]


class LinkLaunch(models.Model):
    """Who launched which resource link, with which roles (latest launch wins)."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="lti_launches")
    link = models.ForeignKey(ResourceLink, on_delete=models.CASCADE, related_name="launches")
    roles = models.JSONField(default=list)
    is_instructor = models.BooleanField(default=False)
    first_launch_at = models.DateTimeField(default=timezone.now)
    last_launch_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["learner", "link"], name="unique_lti_launch")]
        ordering = ["-last_launch_at"]
