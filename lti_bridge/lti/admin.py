"""Operators' view of the LTI data in /admin/ (platforms themselves are the bridge's)."""
from django.contrib import admin

from .models import LineItem, LinkLaunch, PlatformKeyset, ResourceLink, ToolKey


@admin.register(ToolKey)
class ToolKeyAdmin(admin.ModelAdmin):
    # The private key never appears on a page; rotate with `jobintech lti rotate-key`.
    list_display = ("kid", "created_at", "retired_at")
    fields = ("kid", "created_at", "retired_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False


@admin.register(PlatformKeyset)
class PlatformKeysetAdmin(admin.ModelAdmin):
    list_display = ("platform", "registered_by", "product", "fetched_at")
    readonly_fields = ("keys", "fetched_at", "frame_origins")


class LineItemInline(admin.TabularInline):
    model = LineItem
    extra = 0


@admin.register(ResourceLink)
class ResourceLinkAdmin(admin.ModelAdmin):
    list_display = ("platform", "context_title", "title", "usage_id", "updated_at")
    list_filter = ("platform",)
    search_fields = ("context_title", "title", "usage_id", "resource_link_id")
    inlines = [LineItemInline]


@admin.register(LinkLaunch)
class LinkLaunchAdmin(admin.ModelAdmin):
    list_display = ("learner", "link", "is_instructor", "last_launch_at")
    list_filter = ("is_instructor", "link__platform")
