"""The tool's signing keys in the database: the active key, the public JWKS, rotation.

Rotation creates a new key and retires the current one; retired keys stay published in the
JWKS for LTI_KEY_RETENTION_DAYS (default 7) so that tokens already signed, and platforms that
cached our keyset, keep working, then they are deleted.
"""
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import keys
from .models import ToolKey


def retention():
    return timedelta(days=float(getattr(settings, "LTI_KEY_RETENTION_DAYS", 7)))


def _create():
    pem = keys.generate_private_key_pem()
    return ToolKey.objects.create(kid=keys.public_jwk(pem)["kid"], private_key=pem)


def active_key():
    """The key to sign with, created on first use."""
    key = ToolKey.objects.filter(retired_at__isnull=True).first()
    if key is None:
        with transaction.atomic():
            key = ToolKey.objects.select_for_update().filter(retired_at__isnull=True).first() or _create()
    return key


def published_keys():
    cutoff = timezone.now() - retention()
    return ToolKey.objects.exclude(retired_at__lt=cutoff)


def jwks():
    active_key()
    return {"keys": [keys.public_jwk(key.private_key) for key in published_keys()]}


def rotate():
    """(new key, number of retired keys deleted because their retention is over)."""
    with transaction.atomic():
        now = timezone.now()
        ToolKey.objects.filter(retired_at__isnull=True).update(retired_at=now)
        new = _create()
        deleted, _ = ToolKey.objects.filter(retired_at__lt=now - retention()).delete()
    return new, deleted
