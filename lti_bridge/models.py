"""What the bridge stores: tenants (LMS platforms), their learners, block state, scores.

Every learner belongs to exactly one platform and is known by the identifier that platform gives
(the LTI `sub` claim), so two universities can never see or overwrite each other's state even if
their LMSs hand out the same user ids. The built-in "preview" platform holds the anonymous
learners of the preview pages.

Scores are written twice on purpose: `Score` is the current grade of a learner on a block (what
the bridge shows), `ScoreOutbox` is the queue of grade changes still to be sent to the learner's
LMS (Assignment and Grade Services); the LTI package delivers and marks them.
"""
import secrets

from django.db import models
from django.utils import timezone

PREVIEW_PLATFORM_NAME = "preview"


class Platform(models.Model):
    """A tenant: an LMS registered with the bridge (LTI 1.3), or the local preview."""

    KIND_LTI = "lti"
    KIND_PREVIEW = "preview"
    KINDS = [(KIND_LTI, "LTI 1.3 platform"), (KIND_PREVIEW, "Local preview")]

    name = models.CharField(max_length=200, help_text="Shown to operators, e.g. 'UM5 ENSIAS Moodle'.")
    kind = models.CharField(max_length=16, choices=KINDS, default=KIND_LTI)
    is_active = models.BooleanField(default=True, help_text="Inactive platforms cannot launch.")
    # LTI 1.3 registration (empty for the preview platform); names follow the 1EdTech spec.
    issuer = models.CharField(max_length=255, blank=True)
    client_id = models.CharField(max_length=255, blank=True)
    auth_login_url = models.URLField(max_length=500, blank=True)
    auth_token_url = models.URLField(max_length=500, blank=True)
    auth_audience = models.CharField(max_length=500, blank=True)
    keyset_url = models.URLField(max_length=500, blank=True)
    public_key = models.TextField(blank=True, help_text="PEM, when the platform has no keyset URL.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "client_id"], condition=models.Q(kind="lti"), name="unique_lti_registration"
            ),
            models.UniqueConstraint(
                fields=["kind"], condition=models.Q(kind="preview"), name="single_preview_platform"
            ),
        ]

    def __str__(self):
        return self.name

    @classmethod
    def preview(cls):
        """The local preview tenant, created on first use."""
        platform, _created = cls.objects.get_or_create(
            kind=cls.KIND_PREVIEW, defaults={"name": PREVIEW_PLATFORM_NAME}
        )
        return platform


class Deployment(models.Model):
    """One LTI deployment of the tool inside a platform (a platform may have several)."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="deployments")
    deployment_id = models.CharField(max_length=255)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["platform", "deployment_id"], name="unique_deployment")
        ]

    def __str__(self):
        return f"{self.platform} / {self.deployment_id}"


def _new_anonymous_id():
    return secrets.token_hex(16)


class Learner(models.Model):
    """A person as one platform knows them: (platform, sub) is their identity in the bridge."""

    platform = models.ForeignKey(Platform, on_delete=models.PROTECT, related_name="learners")
    sub = models.CharField(max_length=255, help_text="The platform's user id (LTI 'sub' claim).")
    name = models.CharField(max_length=255, blank=True)
    email = models.EmailField(blank=True)
    # Given to blocks instead of the real ids (XBlock 'user' service), like Open edX does.
    anonymous_id = models.CharField(max_length=64, unique=True, default=_new_anonymous_id, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["platform", "sub"], name="unique_learner_per_platform")]

    def __str__(self):
        return f"{self.name or self.sub} ({self.platform})"


class BlockState(models.Model):
    """A learner's XBlock fields of one scope for one block key (usage id, block type or '')."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="block_states")
    scope = models.CharField(max_length=32)  # user_state, preferences, user_info
    block_key = models.CharField(max_length=255, blank=True)
    fields = models.JSONField(default=dict)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["learner", "scope", "block_key"], name="unique_block_state")
        ]

    def __str__(self):
        return f"{self.learner} {self.scope} {self.block_key}"


class SharedBlockState(models.Model):
    """Fields a block shares among all learners of one platform (Scope.user_state_summary)."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="shared_states")
    usage_id = models.CharField(max_length=255)
    fields = models.JSONField(default=dict)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["platform", "usage_id"], name="unique_shared_state")
        ]


class Score(models.Model):
    """The current grade of a learner on a block, from the block's 'grade' events."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="scores")
    usage_id = models.CharField(max_length=255)
    earned = models.FloatField()
    possible = models.FloatField()
    created_at = models.DateTimeField(default=timezone.now)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["learner", "usage_id"], name="unique_score")]

    @property
    def fraction(self):
        return self.earned / self.possible if self.possible else 0.0

    def __str__(self):
        return f"{self.learner} {self.usage_id}: {self.earned}/{self.possible}"


class ScoreOutbox(models.Model):
    """A grade change waiting to be sent to the learner's platform (one row per change).

    Rows are written in the same transaction as the Score, so a grade is never lost between the
    bridge and the LMS; the sender picks PENDING rows whose next_attempt_at has passed.
    """

    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"      # gave up after retries; kept for operators
    SKIPPED = "skipped"    # nowhere to send (preview tenant, no grade service in the launch)
    STATUSES = [(PENDING, "pending"), (SENT, "sent"), (FAILED, "failed"), (SKIPPED, "skipped")]

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="outbox")
    usage_id = models.CharField(max_length=255)
    score_given = models.FloatField()
    score_maximum = models.FloatField()
    graded_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=16, choices=STATUSES, default=PENDING)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]
        verbose_name_plural = "score outbox"

    def __str__(self):
        return f"{self.learner} {self.usage_id}: {self.score_given}/{self.score_maximum} [{self.status}]"


class Completion(models.Model):
    """How far a learner got through a block (0..1), from the block's 'completion' events."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="completions")
    usage_id = models.CharField(max_length=255)
    completion = models.FloatField()
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["learner", "usage_id"], name="unique_completion")]

