"""Usage ids of the bridge: `<block_type>.<url_name>`, readable and stable across restarts.

A course is loaded from files at every start, so ids must come from the OLX itself (url_name),
never from a counter: learner state and scores are keyed by them. Blocks written inline without
a url_name get one derived from their parent and position, like `vertical_u1-lesson-2`.
Definition ids are the usage ids: the bridge never reuses one definition in two places.
"""
import re

from xblock.exceptions import NoSuchDefinition, NoSuchUsage
from xblock.runtime import IdGenerator, IdReader

# Open edX allows letters, digits, '_', '-', '.' and ':' in url_name.
URL_NAME = re.compile(r"^[\w\-.:]+$")


def make_usage_id(block_type, url_name):
    return f"{block_type}.{url_name}"


def split_usage_id(usage_id):
    """('coding_exercise', 'py_somme') from 'coding_exercise.py_somme'; ValueError if malformed."""
    block_type, dot, url_name = str(usage_id).partition(".")
    if not dot or not block_type or not url_name:
        raise ValueError(f"malformed usage id {usage_id!r}: expected <block_type>.<url_name>")
    return block_type, url_name


class CourseIds(IdReader, IdGenerator):
    """Id reader/generator over the usage ids of one loaded course."""

    def __init__(self):
        self.block_types = {}  # usage id -> block type

    def register(self, block_type, url_name):
        usage_id = make_usage_id(block_type, url_name)
        self.block_types[usage_id] = block_type
        return usage_id

    def __contains__(self, usage_id):
        return usage_id in self.block_types

    # IdReader
    def get_definition_id(self, usage_id):
        if usage_id not in self.block_types:
            raise NoSuchUsage(repr(usage_id))
        return usage_id

    def get_block_type(self, def_id):
        try:
            return self.block_types[def_id]
        except KeyError:
            raise NoSuchDefinition(repr(def_id)) from None

    def get_usage_id_from_aside(self, aside_id):
        raise NotImplementedError("the bridge does not use XBlock asides")

    def get_definition_id_from_aside(self, aside_id):
        raise NotImplementedError("the bridge does not use XBlock asides")

    def get_aside_type_from_usage(self, aside_id):
        raise NotImplementedError("the bridge does not use XBlock asides")

    def get_aside_type_from_definition(self, aside_id):
        raise NotImplementedError("the bridge does not use XBlock asides")

    # IdGenerator: ids come from url_name (see CourseLoader), never from these.
    def create_usage(self, def_id):
        return def_id

    def create_definition(self, block_type, slug=None):
        raise NotImplementedError("course blocks get their ids from url_name")

    def create_aside(self, definition_id, usage_id, aside_type):
        raise NotImplementedError("the bridge does not use XBlock asides")
