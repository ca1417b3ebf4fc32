"""Operators' view of the bridge data (/admin/; create an account with `createsuperuser`)."""
from django.contrib import admin

from lti_bridge.models import (
    BlockState, Completion, Deployment, Learner, Platform, Score, ScoreOutbox, SharedBlockState,
)


class DeploymentInline(admin.TabularInline):
    model = Deployment
    extra = 0


@admin.register(Platform)
class PlatformAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "issuer", "client_id", "is_active", "created_at")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "issuer", "client_id")
    inlines = [DeploymentInline]


@admin.register(Learner)
class LearnerAdmin(admin.ModelAdmin):
    list_display = ("sub", "name", "email", "platform", "last_seen_at")
    list_filter = ("platform",)
    search_fields = ("sub", "name", "email", "anonymous_id")
    readonly_fields = ("anonymous_id",)


@admin.register(Score)
class ScoreAdmin(admin.ModelAdmin):
    list_display = ("learner", "usage_id", "earned", "possible", "modified_at")
    list_filter = ("learner__platform",)
    search_fields = ("usage_id", "learner__sub", "learner__name")


@admin.register(ScoreOutbox)
class ScoreOutboxAdmin(admin.ModelAdmin):
    list_display = ("learner", "usage_id", "score_given", "score_maximum", "status", "attempts", "graded_at")
    list_filter = ("status", "learner__platform")
    search_fields = ("usage_id", "learner__sub")


@admin.register(Completion)
class CompletionAdmin(admin.ModelAdmin):
    list_display = ("learner", "usage_id", "completion", "modified_at")
    search_fields = ("usage_id", "learner__sub")


@admin.register(BlockState)
class BlockStateAdmin(admin.ModelAdmin):
    list_display = ("learner", "scope", "block_key", "modified_at")
    list_filter = ("scope",)
    search_fields = ("block_key", "learner__sub")


@admin.register(SharedBlockState)
class SharedBlockStateAdmin(admin.ModelAdmin):
    list_display = ("platform", "usage_id", "modified_at")
