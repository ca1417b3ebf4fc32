"""Loading an OLX course directory into the bridge (see docs/authors/olx-format.md).

`load_course(directory)` reads course.xml, follows the pointers `<tag url_name="x"/>` to
`<tag>/x.xml` the way Open edX does, and lets each block class parse its own element through
the installed `xblock.v1` entry points (`XBlock.load_class`). The result, a `Course`, keeps the
authored field data in memory and is shared by every request.

Errors name the file and line and say how to fix them (`CourseLoadError`); a block type that is
not installed only gives a warning and an `UnavailableBlock`, so the rest of the course works.
"""
import json
import logging
import threading
from pathlib import Path

from django.conf import settings
from lxml import etree
from xblock.core import XBlock
from xblock.fields import ScopeIds
from xblock.runtime import KvsFieldData, Runtime

from lti_bridge.runtime.field_data import AuthoredData, LearnerStore
from lti_bridge.runtime.ids import URL_NAME, CourseIds, make_usage_id
from lti_bridge.runtime.structure import STRUCTURAL_BLOCKS, UnavailableBlock

log = logging.getLogger(__name__)


class CourseLoadError(Exception):
    """The course cannot be loaded; the message names the file and line."""


class Course:
    """A loaded course: the block tree, its authored data and the block classes to build it."""

    def __init__(self, directory, root_id, ids, authored, block_classes, sources, warnings):
        self.directory = Path(directory)
        self.root_id = root_id
        self.ids = ids
        self.authored = authored
        self.block_classes = block_classes
        self.sources = sources        # usage id -> "file:line" where it was written
        self.warnings = warnings
        attrs = self._field("settings", root_id, "xml_attributes") or {}
        self.org = attrs.get("org", "JobInTech")
        self.number = attrs.get("course", self.directory.name)
        self.run = root_id.partition(".")[2]
        self.course_id = f"course-v1:{self.org}+{self.number}+{self.run}"

    def _field(self, scope, usage_id, name):
        return self.authored.values.get((scope, usage_id), {}).get(name)

    def __contains__(self, usage_id):
        return usage_id in self.ids

    def block_type(self, usage_id):
        return self.ids.get_block_type(usage_id)

    def block_class(self, block_type):
        return self.block_classes.get(block_type, UnavailableBlock)

    def children(self, usage_id):
        return list(self._field("children", usage_id, "children") or [])

    def parent(self, usage_id):
        return self._field("parent", usage_id, "parent")

    def display_name(self, usage_id):
        return self._field("settings", usage_id, "display_name") or usage_id.partition(".")[2]

    @property
    def display_title(self):
        return self.display_name(self.root_id)

    def ancestors(self, usage_id):
        """Parents from the course root down to, not including, *usage_id*."""
        chain = []
        parent = self.parent(usage_id)
        while parent:
            chain.append(parent)
            parent = self.parent(parent)
        return list(reversed(chain))

    def walk(self, usage_id=None):
        """Every usage id of the tree, depth first, in course order."""
        usage_id = usage_id or self.root_id
        yield usage_id
        for child in self.children(usage_id):
            yield from self.walk(child)

    def of_type(self, block_type, under=None):
        return [u for u in self.walk(under) if self.block_type(u) == block_type]

    def static_file(self, path):
        """The file of a course asset (`static/<path>`), or None if absent or outside static/."""
        root = (self.directory / "static").resolve()
        candidate = (root / path).resolve()
        if candidate.is_file() and candidate.is_relative_to(root):
            return candidate
        return None


def resolve_block_class(block_type, extra_classes=None):
    """(class, warning or None) for a tag: ours for structure, else the installed XBlock."""
    if extra_classes and block_type in extra_classes:
        return extra_classes[block_type], None
    if block_type in STRUCTURAL_BLOCKS:
        return STRUCTURAL_BLOCKS[block_type], None
    try:
        return XBlock.load_class(block_type), None
    except Exception as error:  # missing plugin, or an installed plugin that fails to import
        return UnavailableBlock, f"XBlock type <{block_type}> cannot be loaded ({type(error).__name__}: {error})"


class CourseLoader(Runtime):
    """A runtime used only while parsing the OLX: it assigns ids and collects authored data."""

    def __init__(self, directory, extra_classes=None):
        self.directory = Path(directory).resolve()
        self.ids = CourseIds()
        self.authored = AuthoredData()
        self.extra_classes = dict(extra_classes or {})
        self.block_classes = {}
        self.sources = {}
        self.warnings = []
        self._inline_counts = {}
        self._open_files = []
        super().__init__(
            id_reader=self.ids, id_generator=self.ids,
            services={"field-data": KvsFieldData(LearnerStore(self.authored, learner=None))},
        )

    # Loading

    def load(self):
        course_xml = self.directory / "course.xml"
        if not course_xml.is_file():
            raise CourseLoadError(
                f"{course_xml}: not found. Pass an OLX course directory (with course.xml), "
                "e.g. course_content/, with --course or JOBINTECH_COURSE_DIR."
            )
        root = self._parse_file(course_xml)
        if root.tag != "course":
            raise CourseLoadError(f"{self._where(root)}: the root element must be <course>, found <{root.tag}>")
        root_id = self._usage_id_from_node(root, None)
        self._apply_policy(root_id)
        return Course(self.directory, root_id, self.ids, self.authored, self.block_classes,
                      self.sources, self.warnings)

    def load_block_type(self, block_type):
        if block_type not in self.block_classes:
            cls, warning = resolve_block_class(block_type, self.extra_classes)
            if warning:
                self.warnings.append(warning)
                log.warning("%s", warning)
            self.block_classes[block_type] = cls
        return self.block_classes[block_type]

    def _usage_id_from_node(self, node, parent_id):
        """Parse one block element (following a pointer to its file) and return its usage id."""
        node = self._follow_pointer(node)
        block_type = node.tag
        url_name = node.get("url_name") or self._inline_name(parent_id, block_type)
        if not URL_NAME.match(url_name):
            raise CourseLoadError(
                f"{self._where(node)}: url_name {url_name!r} may only hold letters, digits, '_', '-', '.', ':'"
            )
        usage_id = make_usage_id(block_type, url_name)
        if usage_id in self.ids:
            raise CourseLoadError(
                f"{self._where(node)}: <{block_type} url_name=\"{url_name}\"> appears twice "
                f"(first at {self.sources[usage_id]}); give each block its own url_name"
            )
        self.ids.register(block_type, url_name)
        self.sources[usage_id] = self._where(node)
        block_class = self.mixologist.mix(self.load_block_type(block_type))
        keys = ScopeIds(None, block_type, usage_id, usage_id)
        try:
            block = block_class.parse_xml(node, self, keys)
        except CourseLoadError:
            raise
        except Exception as error:  # the block's own parser: report where, and what it said
            message = str(error)
            where = self._where(node)
            raise CourseLoadError(message if message.startswith(where.rpartition(":")[0]) else f"{where}: {message}") from error
        block.parent = parent_id
        block.save()
        return usage_id

    def _follow_pointer(self, node):
        if not _is_pointer(node):
            return node
        url_name = node.get("url_name")
        path = self.directory / node.tag / (url_name.replace(":", "/") + ".xml")
        if not path.is_file():
            raise CourseLoadError(
                f"{self._where(node)}: <{node.tag} url_name=\"{url_name}\"/> points to "
                f"{path.relative_to(self.directory)}, which does not exist; create it or fix the url_name"
            )
        if path in self._open_files:
            raise CourseLoadError(f"{self._where(node)}: {path.relative_to(self.directory)} includes itself")
        self._open_files.append(path)
        try:
            target = self._parse_file(path)
        finally:
            self._open_files.pop()
        if target.tag != node.tag:
            raise CourseLoadError(f"{self._where(target)}: expected <{node.tag}> (pointed to from {self._where(node)})")
        for name, value in node.items():  # the pointer's attributes (org, course) are kept
            if target.get(name) is None:
                target.set(name, value)
        return target

    def _parse_file(self, path):
        try:
            return etree.parse(str(path), etree.XMLParser(remove_blank_text=False)).getroot()
        except etree.XMLSyntaxError as error:
            line = error.lineno or 0
            raise CourseLoadError(f"{self._relative(path)}:{line}: invalid XML: {error.msg}") from None
        except OSError as error:
            raise CourseLoadError(f"{self._relative(path)}: cannot be read ({error.strerror or error})") from None

    def _inline_name(self, parent_id, block_type):
        parent_name = parent_id.partition(".")[2] if parent_id else "root"
        count = self._inline_counts[parent_id] = self._inline_counts.get(parent_id, 0) + 1
        return f"{parent_name}-{block_type}-{count}"

    def _relative(self, path):
        path = Path(path)
        try:
            return str(path.resolve().relative_to(self.directory.parent))
        except ValueError:
            return str(path)

    def _where(self, node):
        url = node.getroottree().docinfo.URL
        return f"{self._relative(url) if url else '<xml>'}:{node.sourceline or 0}"

    # Policies: policies/<run>/policy.json sets settings fields, {"chapter/intro": {"display_name": ...}}

    def _apply_policy(self, root_id):
        path = self.directory / "policies" / root_id.partition(".")[2] / "policy.json"
        if not path.is_file():
            return
        try:
            policy = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            raise CourseLoadError(f"{self._relative(path)}: invalid JSON ({error})") from None
        if not isinstance(policy, dict):
            raise CourseLoadError(f"{self._relative(path)}: expected an object {{\"type/url_name\": {{...}}}}")
        for key, values in policy.items():
            usage_id = key.replace("/", ".", 1)
            if usage_id not in self.ids or not isinstance(values, dict):
                self.warnings.append(f"{self._relative(path)}: {key!r} names no block of the course; ignored")
                continue
            block = self.get_block(usage_id)
            for name, value in values.items():
                field = block.fields.get(name)
                if field is None or name in ("children", "parent"):
                    continue  # Open edX policy keys (start, due...) the block does not have
                try:
                    setattr(block, name, field.from_json(value))
                except (TypeError, ValueError) as error:
                    raise CourseLoadError(f"{self._relative(path)}: {key}.{name}: {error}") from None
            block.save()

    # The abstract parts of Runtime: nothing is rendered or handled while loading.

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False):
        raise NotImplementedError("handlers are not available while loading a course")

    def resource_url(self, resource):
        raise NotImplementedError("resources are not available while loading a course")

    def local_resource_url(self, block, uri):
        raise NotImplementedError("resources are not available while loading a course")

    def publish(self, block, event_type, event_data):
        log.debug("ignored %s event while loading %s", event_type, block.scope_ids.usage_id)

    def applicable_aside_types(self, block):
        return []


def _is_pointer(node):
    """Open edX's rule: no children, no text, and only url_name (plus org/course on <course>)."""
    attrs = set(node.attrib)
    allowed = {"url_name", "org", "course"} if node.tag == "course" else {"url_name"}
    has_text = bool(node.text and node.text.strip())
    return len(node) == 0 and not has_text and "url_name" in attrs and attrs <= allowed


def load_course(directory, extra_classes=None):
    """Load the OLX course in *directory*; raises CourseLoadError with a file:line message."""
    return CourseLoader(directory, extra_classes).load()


_current = None
_current_lock = threading.Lock()


def get_course():
    """The course this process serves: set by `set_course`, else loaded from settings.COURSE_DIR."""
    global _current
    with _current_lock:
        if _current is None:
            _current = load_course(settings.COURSE_DIR)
        return _current


def set_course(course):
    """Serve *course* from now on (`jobintech serve` loads it before serving; tests use fixtures)."""
    global _current
    with _current_lock:
        _current = course
