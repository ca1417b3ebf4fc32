"""The validation Resolver over the ORM: registrations, cached keysets, deployments, nonces."""
from datetime import timedelta

from django.utils import timezone

from lti_bridge.models import Deployment, Platform

from . import keys
from .models import LoginState, PlatformKeyset
from .validation import Resolver

# A keyset is refetched when older than this, and at once when a token names an unknown kid;
# the floor keeps a flood of tokens with random kids from hammering the platform.
KEYSET_MAX_AGE = timedelta(hours=12)
REFETCH_FLOOR = timedelta(seconds=10)


def lti_platforms():
    return Platform.objects.filter(kind=Platform.KIND_LTI)


def keyset_of(platform, refresh=False):
    """The platform's keyset: the PEM key as a one-key set, else the (cached) keyset URL."""
    if platform.public_key.strip():
        jwk = keys.public_jwk(platform.public_key)
        return {"keys": [jwk]}
    cache, _ = PlatformKeyset.objects.get_or_create(platform=platform)
    now = timezone.now()
    stale = cache.fetched_at is None or now - cache.fetched_at > KEYSET_MAX_AGE
    allowed = cache.fetched_at is None or now - cache.fetched_at > REFETCH_FLOOR
    if (stale or refresh) and allowed:
        cache.keys = keys.fetch_keyset(platform.keyset_url)
        cache.fetched_at = now
        cache.save(update_fields=["keys", "fetched_at"])
    return cache.keys


class OrmResolver(Resolver):
    def issuer_known(self, issuer):
        return lti_platforms().filter(issuer=issuer).exists()

    def registration(self, issuer, client_ids):
        return lti_platforms().filter(issuer=issuer, client_id__in=client_ids).first()

    def public_key(self, registration, kid):
        if registration.public_key.strip():
            # A pasted PEM key has no kid to match: it is the platform's only key, whatever
            # kid the platform puts in its header (the header must still have one).
            return keys.load_public_key(registration.public_key)
        key = keys.find_key(keyset_of(registration), kid)
        if key is None:
            key = keys.find_key(keyset_of(registration, refresh=True), kid)
        return key

    def deployment_active(self, registration, deployment_id):
        return registration.is_active and Deployment.objects.filter(
            platform=registration, deployment_id=deployment_id).exists()

    def consume_nonce(self, registration, nonce):
        # One UPDATE: two concurrent replays cannot both see the nonce unused.
        return LoginState.objects.filter(
            platform=registration, nonce=nonce, consumed_at__isnull=True
        ).update(consumed_at=timezone.now()) == 1


def purge_login_states(max_age=timedelta(hours=1)):
    LoginState.objects.filter(created_at__lt=timezone.now() - max_age).delete()
