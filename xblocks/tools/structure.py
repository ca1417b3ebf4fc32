"""Read an OLX course the way Studio's import does and report what would break it.

course.xml -> course/<run>.xml -> chapter -> sequential -> vertical -> blocks. A block is either
written inline or is a *pointer* (`<tag url_name="x"/>`, only that attribute) to `<tag>/x.xml`.
Every problem is reported with its file and line; reading goes on after a problem so that one
run shows all of them.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field

from lxml import etree

from xblocks.tools.findings import Report, display_path

SUITE_TAGS = ("coding_exercise", "lesson", "quiz", "bootcamp_module")
OPEN_EDX_LEAVES = ("html", "problem", "video")
LEAF_TAGS = ("coding_exercise", "lesson", "quiz") + OPEN_EDX_LEAVES
STRUCTURE_TAGS = ("course", "chapter", "sequential", "vertical")
# Which children each container may hold. Anything else is reported: Studio would either drop it
# silently or fail the import, and learners would miss content either way.
CHILDREN = {
    "course": ("chapter", "wiki"),
    "chapter": ("sequential",),
    "sequential": ("vertical",),
    "vertical": LEAF_TAGS + ("bootcamp_module",),
    "bootcamp_module": ("coding_exercise", "lesson", "quiz") + OPEN_EDX_LEAVES,
}
# Elements that are a block's own content, not child blocks.
CONTENT_ELEMENTS = {"bootcamp_module": ("objectives",)}
KNOWN_TAGS = set(STRUCTURE_TAGS) | set(SUITE_TAGS) | set(OPEN_EDX_LEAVES) | {"wiki"}
# Open edX keeps url_names in usage keys: letters, digits, '_', '-', '.' (':' means a subfolder).
URL_NAME = re.compile(r"^[A-Za-z0-9_.\-:]+$")
BLOCK_DIRS = tuple(t for t in sorted(KNOWN_TAGS) if t not in ("course", "wiki"))


def xml_parser():
    return etree.XMLParser(strip_cdata=False, resolve_entities=False, no_network=True,
                           remove_comments=False)


@dataclass
class Block:
    """One block as Studio would import it: where its definition is written."""

    tag: str
    url_name: str
    file: str            # the file holding the definition (a pointer's target)
    line: int
    element: object      # the lxml element of the definition
    parent: str = ""     # "tag/url_name" of the container
    used_at: str = ""    # "file:line" of the element that puts it in the course (pointer or inline)


@dataclass
class Course:
    directory: str
    run: str = ""
    org: str = ""
    number: str = ""
    blocks: list[Block] = field(default_factory=list)

    def of_tag(self, tag: str) -> list[Block]:
        return [b for b in self.blocks if b.tag == tag]


class _Reader:
    def __init__(self, directory: str, report: Report):
        self.dir = directory
        self.report = report
        self.course = Course(directory)
        self.seen: dict[tuple[str, str], Block] = {}
        self.used_files: set[str] = set()

    def path(self, *parts) -> str:
        return display_path(os.path.join(self.dir, *parts))

    def parse(self, relpath: str):
        """The root element of a course file, or None after reporting why it cannot be read."""
        full = os.path.join(self.dir, relpath)
        try:
            return etree.parse(full, xml_parser()).getroot()
        except etree.XMLSyntaxError as exc:
            self.report.error("structure", f"not well-formed XML: {exc.msg}", file=self.path(relpath),
                              line=exc.lineno or None)
        except OSError as exc:
            self.report.error("structure", f"cannot read the file ({exc.strerror or exc})",
                              file=self.path(relpath))
        return None

    # ------------------------------------------------------------ course.xml and the run file
    def read(self) -> Course:
        root = self.parse("course.xml")
        if root is None:
            return self.course
        where = {"file": self.path("course.xml"), "line": root.sourceline}
        if root.tag != "course":
            self.report.error("structure", f"course.xml must start with <course>, not <{root.tag}>", **where)
            return self.course
        run, org, number = root.get("url_name", ""), root.get("org", ""), root.get("course", "")
        for attr, value in (("url_name", run), ("org", org), ("course", number)):
            if not value:
                self.report.error("structure", f"<course> needs a {attr} attribute (Studio's import "
                                  f'reads the course key from org, course and url_name)', **where)
        if not run or not self.check_url_name("course", run, where):
            return self.course
        self.course.run, self.course.org, self.course.number = run, org, number
        if _element_children(root):
            self.walk(root, "course.xml", "")
            return self.course
        relpath = os.path.join("course", _url_path(run) + ".xml")
        if not os.path.isfile(os.path.join(self.dir, relpath)):
            self.report.error("structure", f"the run file {relpath} is missing: course.xml points to it "
                              f'with url_name="{run}"', **where)
            return self.course
        self.used_files.add(os.path.normpath(relpath))
        target = self.parse(relpath)
        if target is None:
            return self.course
        if target.tag != "course":
            self.report.error("structure", f"{relpath} must start with <course>, not <{target.tag}>",
                              file=self.path(relpath), line=target.sourceline)
            return self.course
        self.walk(target, relpath, "")
        return self.course

    # ------------------------------------------------------------ blocks
    def walk(self, node, relpath: str, parent: str, used_at: tuple[str, int] | None = None):
        """Register *node* (a definition) and read its children."""
        tag = node.tag
        url_name = node.get("url_name", "") if tag != "course" else self.course.run
        used_file, used_line = used_at or (self.path(relpath), node.sourceline)
        block = Block(tag, url_name, self.path(relpath), node.sourceline, node, parent,
                      f"{used_file}:{used_line}")
        if tag != "course":
            key = (tag, url_name)
            if url_name and key in self.seen:
                first = self.seen[key]
                self.report.error("structure", f'two <{tag}> blocks have url_name="{url_name}" (the other '
                                  f"is at {first.used_at}): a block can appear only once in a course; give "
                                  "each its own url_name", file=used_file, line=used_line, url_name=url_name)
                return
            if url_name:
                self.seen[key] = block
        self.course.blocks.append(block)
        if tag not in CHILDREN:
            if tag == "html":
                self.check_html_file(node, relpath, url_name)
            return
        allowed = CHILDREN[tag]
        for child in _element_children(node):
            if child.tag in CONTENT_ELEMENTS.get(tag, ()):
                continue
            where = {"file": self.path(relpath), "line": child.sourceline,
                     "url_name": child.get("url_name", "")}
            if child.tag not in KNOWN_TAGS:
                self.report.error("structure", f"unknown tag <{child.tag}> in <{tag}>: this course can use "
                                  f"{', '.join('<%s>' % t for t in allowed)} here", **where)
                continue
            if child.tag not in allowed:
                self.report.error("structure", f"<{child.tag}> cannot be inside <{tag}>: put it in a "
                                  f"<{_container_of(child.tag)}>", **where)
                continue
            if child.tag == "wiki":
                continue
            resolved = self.resolve(child, relpath)
            if resolved is not None:
                self.walk(resolved[0], resolved[1], f"{tag}/{url_name}", (where["file"], where["line"]))

    def resolve(self, node, relpath: str):
        """(definition element, its file) for a child element, following a pointer if it is one."""
        tag, url_name = node.tag, node.get("url_name")
        where = {"file": self.path(relpath), "line": node.sourceline, "url_name": url_name or ""}
        if url_name is None:
            self.report.error("structure", f"<{tag}> has no url_name: add a unique url_name (without one, "
                              "each import creates a new block and learners lose their answers)", **where)
            return None
        if not self.check_url_name(tag, url_name, where):
            return None
        target_rel = os.path.join(tag, _url_path(url_name) + ".xml")
        target_exists = os.path.isfile(os.path.join(self.dir, target_rel))
        if not _element_children(node) and not (node.text or "").strip():
            if set(node.attrib) != {"url_name"}:
                if target_exists:
                    self.report.error("structure", f"<{tag}> has attributes besides url_name, so Open edX "
                                      f"reads it as an empty block and ignores {target_rel}: keep only "
                                      "url_name, and put the other attributes in that file", **where)
                    return None
                return node, relpath  # an inline block with attributes only (e.g. a <video>)
            if not target_exists:
                self.report.error("structure", f'<{tag} url_name="{url_name}"/> points to {target_rel}, '
                                  "which does not exist: create it or fix the url_name", **where)
                return None
            self.used_files.add(os.path.normpath(target_rel))
            target = self.parse(target_rel)
            if target is None:
                return None
            if target.tag != tag:
                self.report.error("structure", f"{target_rel} must start with <{tag}>, not <{target.tag}>",
                                  file=self.path(target_rel), line=target.sourceline, url_name=url_name)
                return None
            own = target.get("url_name")
            if own is not None and own != url_name:
                self.report.warning("structure", f'{target_rel} says url_name="{own}" but is used as '
                                    f'"{url_name}": Open edX keeps "{url_name}"; remove or fix the attribute',
                                    file=self.path(target_rel), line=target.sourceline, url_name=url_name)
            target.set("url_name", url_name)
            return target, target_rel
        if target_exists:
            self.report.warning("structure", f"<{tag}> is written inline, so {target_rel} is ignored: "
                                "keep one of the two", **where)
        return node, relpath

    def check_url_name(self, tag: str, url_name: str, where: dict) -> bool:
        # ':' stands for a subfolder, so '.' and '..' segments would lead out of the course folder.
        if URL_NAME.match(url_name) and all(part not in ("", ".", "..") for part in url_name.split(":")):
            return True
        self.report.error("structure", f'<{tag}> url_name="{url_name}" may only use letters, digits, '
                          "'_', '-' and '.' (no spaces, accents or '..')", **{**where, "url_name": url_name})
        return False

    def check_html_file(self, node, relpath: str, url_name: str):
        filename = node.get("filename")
        if filename and not _element_children(node):
            html_rel = os.path.join("html", _url_path(filename) + ".html")
            if os.path.isfile(os.path.join(self.dir, html_rel)):
                self.used_files.add(os.path.normpath(html_rel))
            else:
                self.report.error("structure", f'<html filename="{filename}"> needs {html_rel}, which does '
                                  "not exist", file=self.path(relpath), line=node.sourceline, url_name=url_name)

    # ------------------------------------------------------------ files nobody uses
    def report_unused_files(self):
        for tag in BLOCK_DIRS:
            folder = os.path.join(self.dir, tag)
            if not os.path.isdir(folder):
                continue
            for dirpath, dirnames, filenames in os.walk(folder):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    if not name.endswith(".xml") or name.startswith("."):
                        continue
                    rel = os.path.normpath(os.path.relpath(os.path.join(dirpath, name), self.dir))
                    if rel in self.used_files:
                        continue
                    if self.parse(rel) is not None:
                        self.report.warning("structure", "nothing in the course points to this file, so "
                                            "Studio will not show it: reference it or delete it",
                                            file=self.path(rel))


def _element_children(node) -> list:
    return [c for c in node if isinstance(c.tag, str)]


def _url_path(url_name: str) -> str:
    # Open edX maps ':' in a url_name to a subfolder.
    return url_name.replace(":", "/")


def _container_of(tag: str) -> str:
    for container, children in CHILDREN.items():
        if tag in children:
            return container
    return "vertical"


def read_policies(course: Course, report: Report) -> dict:
    """Check policies/<run>/policy.json and grading_policy.json; return the policy (or {})."""
    if not course.run:
        return {}
    loaded = {}
    for name in ("policy.json", "grading_policy.json"):
        rel = os.path.join("policies", _url_path(course.run), name)
        shown = display_path(os.path.join(course.directory, rel))
        if not os.path.isfile(os.path.join(course.directory, rel)):
            report.warning("policy", f"{rel} is missing: Studio will use default "
                           f"{'course settings (no start date)' if name == 'policy.json' else 'grading'}",
                           file=shown)
            continue
        try:
            with open(os.path.join(course.directory, rel), encoding="utf-8") as f:
                data = json.load(f)
        except json.JSONDecodeError as exc:
            report.error("policy", f"not valid JSON: {exc.msg} (column {exc.colno})", file=shown,
                         line=exc.lineno)
            continue
        except (OSError, UnicodeDecodeError) as exc:
            report.error("policy", f"cannot read the file ({exc})", file=shown)
            continue
        if not isinstance(data, dict):
            report.error("policy", "must hold a JSON object ({...})", file=shown)
            continue
        loaded[name] = data
    policy = loaded.get("policy.json", {})
    known = {(b.tag, b.url_name) for b in course.blocks}
    shown = display_path(os.path.join(course.directory, "policies", _url_path(course.run), "policy.json"))
    for key, value in policy.items():
        tag, _, url_name = key.partition("/")
        if not url_name:
            report.error("policy", f'entry "{key}" must be written "tag/url_name" (e.g. "course/{course.run}")',
                         file=shown)
        elif (tag, url_name) not in known:
            report.warning("policy", f'entry "{key}" matches no block of the course: fix or remove it',
                           file=shown, url_name=url_name)
        elif not isinstance(value, dict):
            report.error("policy", f'entry "{key}" must be a JSON object of settings', file=shown,
                         url_name=url_name)
    return policy


def read_course(directory: str, report: Report) -> Course:
    """Read the course under *directory*, reporting structure and policy problems into *report*."""
    reader = _Reader(directory, report)
    errors_before = len(report.errors)
    course = reader.read()
    # After a broken file or pointer, files below it look unused: those warnings would be noise.
    if len(report.errors) == errors_before:
        reader.report_unused_files()
    read_policies(course, report)
    return course
