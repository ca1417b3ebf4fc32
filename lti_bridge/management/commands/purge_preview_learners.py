"""Delete the anonymous preview learners not seen for a while, with their answers and grades.

Every new browser that opens a preview page gets a learner; run this daily from cron:
    DJANGO_SETTINGS_MODULE=lti_bridge.settings python -m django purge_preview_learners --days 30
"""
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from lti_bridge.models import Learner, Platform


class Command(BaseCommand):
    help = "Delete preview learners (and their state and scores) not seen for --days days."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30, help="inactivity before deletion (default 30)")

    def handle(self, *args, days, **options):
        if days < 1:
            raise CommandError("--days must be at least 1")
        cutoff = timezone.now() - timedelta(days=days)
        stale = Learner.objects.filter(platform__kind=Platform.KIND_PREVIEW, last_seen_at__lt=cutoff)
        count = stale.count()
        stale.delete()
        self.stdout.write(f"deleted {count} preview learner(s) not seen since {cutoff:%Y-%m-%d}")
