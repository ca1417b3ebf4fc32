"""Where XBlock field values live in the bridge.

- Authored data (Scope.content, Scope.settings, children, parent) comes from the OLX files and is
  held in memory by the loaded course (`AuthoredData`), shared by all requests and read-only once
  loading is over.
- Learner data (user_state, preferences, user_info) lives in `BlockState` rows of the learner,
  which belongs to one platform: the tenant separation is in the key itself.
- Data shared by the learners of one platform (user_state_summary) lives in `SharedBlockState`.

One `LearnerStore` serves one request: it reads each row once and writes every change a block
saves in one transaction, merging into the current row so two concurrent requests of the same
learner on different fields do not undo each other.
"""
import logging

from django.db import transaction
from xblock.fields import Scope, UserScope
from xblock.runtime import KeyValueStore

from lti_bridge.models import BlockState, SharedBlockState

log = logging.getLogger(__name__)


def _scope_name(scope):
    if scope is Scope.children:
        return "children"
    if scope is Scope.parent:
        return "parent"
    return scope.name


def _is_authored(scope):
    return scope in (Scope.children, Scope.parent) or scope.user == UserScope.NONE


class AuthoredData:
    """Content, settings, children and parent of every block of a course, in memory."""

    def __init__(self):
        self.values = {}  # (scope name, block scope id) -> {field name: json value}

    def bucket(self, key, create=False):
        where = (_scope_name(key.scope), key.block_scope_id)
        if create:
            return self.values.setdefault(where, {})
        return self.values.get(where, {})


class LearnerStore(KeyValueStore):
    """KeyValueStore for one learner (or for loading, when learner is None)."""

    def __init__(self, authored, learner=None):
        self.authored = authored
        self.learner = learner
        self._rows = {}      # (scope name, block key) -> fields dict as last read or written
        self._overlay = {}   # authored fields a block changed while serving a learner (not kept)

    # Reading

    def get(self, key):
        if _is_authored(key.scope):
            overlay = self._overlay.get((_scope_name(key.scope), key.block_scope_id), {})
            if key.field_name in overlay:
                return overlay[key.field_name]
            return self.authored.bucket(key)[key.field_name]  # KeyError means: use the default
        return self._row(key)[key.field_name]

    def has(self, key):
        try:
            self.get(key)
        except KeyError:
            return False
        return True

    # Writing

    def set(self, key, value):
        self.set_many({key: value})

    def delete(self, key):
        if _is_authored(key.scope):
            self._authored_target(key).pop(key.field_name, None)
            return
        self._write(key, {}, deleted=[key.field_name])

    def set_many(self, update_dict):
        learner_changes = {}
        for key, value in update_dict.items():
            if _is_authored(key.scope):
                self._authored_target(key)[key.field_name] = value
            else:
                learner_changes.setdefault(self._row_id(key), (key, {}))[1][key.field_name] = value
        for key, changes in learner_changes.values():
            self._write(key, changes)

    def _authored_target(self, key):
        if self.learner is None:  # loading the course: this is where authored data comes from
            return self.authored.bucket(key, create=True)
        log.warning(
            "block %s changed its %s field %r while serving a learner; the change is not kept",
            key.block_scope_id, _scope_name(key.scope), key.field_name,
        )
        return self._overlay.setdefault((_scope_name(key.scope), key.block_scope_id), {})

    def prefetch(self, usage_ids):
        """Read the learner's user_state rows of these blocks in one query (a page shows many)."""
        if self.learner is None:
            return
        wanted = [u for u in usage_ids if ("user_state", u) not in self._rows]
        found = dict(
            BlockState.objects.filter(learner=self.learner, scope="user_state", block_key__in=wanted)
            .values_list("block_key", "fields")
        )
        for usage_id in wanted:
            self._rows[("user_state", usage_id)] = found.get(usage_id, {})

    # Rows

    def _row_id(self, key):
        return (_scope_name(key.scope), key.block_scope_id or "")

    def _require_learner(self, key):
        if self.learner is None:
            raise KeyError(f"no learner: {_scope_name(key.scope)} field {key.field_name!r} is unavailable")

    def _row(self, key):
        self._require_learner(key)
        row_id = self._row_id(key)
        if row_id not in self._rows:
            self._rows[row_id] = self._query(key).values_list("fields", flat=True).first() or {}
        return self._rows[row_id]

    def _query(self, key):
        scope, block_key = self._row_id(key)
        if key.scope.user == UserScope.ALL:
            return SharedBlockState.objects.filter(platform_id=self.learner.platform_id, usage_id=block_key)
        return BlockState.objects.filter(learner=self.learner, scope=scope, block_key=block_key)

    def _write(self, key, changes, deleted=()):
        if self.learner is None:
            log.warning("block %s set learner field %r while loading; ignored", key.block_scope_id, key.field_name)
            return
        scope, block_key = self._row_id(key)
        with transaction.atomic():
            if key.scope.user == UserScope.ALL:
                row, _ = SharedBlockState.objects.select_for_update().get_or_create(
                    platform_id=self.learner.platform_id, usage_id=block_key
                )
            else:
                row, _ = BlockState.objects.select_for_update().get_or_create(
                    learner=self.learner, scope=scope, block_key=block_key
                )
            row.fields.update(changes)
            for name in deleted:
                row.fields.pop(name, None)
            row.save(update_fields=["fields", "modified_at"])
        self._rows[(scope, block_key)] = dict(row.fields)
