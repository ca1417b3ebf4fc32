from django.core.management.base import BaseCommand

from lti_bridge.lti import toolkeys


class Command(BaseCommand):
    help = "Create a new LTI signing key; the previous one stays in the JWKS for LTI_KEY_RETENTION_DAYS."

    def handle(self, *args, **options):
        key, deleted = toolkeys.rotate()
        self.stdout.write(f"new signing key {key.kid}; {deleted} expired key(s) deleted")
