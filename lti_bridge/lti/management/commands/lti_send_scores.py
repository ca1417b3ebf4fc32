import time

from django.core.management.base import BaseCommand

from lti_bridge.lti import outbox


class Command(BaseCommand):
    help = "Send pending grades to the LMSs (AGS). --loop keeps sending, e.g. as a systemd service."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="keep running")
        parser.add_argument("--interval", type=float, default=15, help="seconds between rounds (default 15)")

    def handle(self, *args, **options):
        while True:
            counts = outbox.deliver_due()
            if counts:
                self.stdout.write(", ".join(f"{v} {k}" for k, v in sorted(counts.items())))
            if not options["loop"]:
                return
            time.sleep(options["interval"])
