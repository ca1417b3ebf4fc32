"""Read and write the OLX form of a coding exercise (see docs/authors/olx-format.md).

Shared by the coding_exercise XBlock (parse_xml / add_xml_to_node) and the CLI (`--exercise`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from grader.exercise import Exercise, ExerciseError, Limits, SourceFile

TAG = "coding_exercise"

# OLX attribute -> (Limits field, type)
LIMIT_ATTRIBUTES = {
    "cpu_time_limit": ("cpu_seconds", float),
    "wall_time_limit": ("wall_seconds", float),
    "memory_limit": ("memory_mb", int),
    "max_processes": ("max_processes", int),
    "output_limit": ("output_kb", int),
    "file_size_limit": ("file_size_kb", int),
}


@dataclass
class ExerciseDefinition:
    """Everything an author writes for a coding exercise, as plain data."""

    display_name: str = "Coding exercise"
    language: str = "python"
    prompt: str = ""
    starter: list[dict] = field(default_factory=list)    # [{"name", "content"}]
    solution: list[dict] = field(default_factory=list)
    tests: list[dict] = field(default_factory=list)      # [{"name", "content", "hidden"}]
    hints: list[str] = field(default_factory=list)
    limits: dict = field(default_factory=dict)           # Limits field -> value
    weight: float = 1.0
    max_attempts: int = 0
    skills: list[str] = field(default_factory=list)
    url_name: str = ""
    extra_attributes: dict = field(default_factory=dict)  # other attributes, kept on round-trip

    def to_exercise(self) -> Exercise:
        return Exercise(
            language=self.language,
            tests=tuple(SourceFile(t["name"], t["content"], bool(t.get("hidden"))) for t in self.tests),
            limits=Limits(**self.limits),
            starter=tuple(SourceFile(f["name"], f["content"]) for f in self.starter),
            solution=tuple(SourceFile(f["name"], f["content"]) for f in self.solution),
        )


def _where(node) -> str:
    source = node.getroottree().docinfo.URL or "<xml>"
    return f"{source}:{node.sourceline}"


def _files(parent, where: str) -> list[dict]:
    files = []
    for child in parent:
        if not isinstance(child.tag, str):
            continue  # comments
        if child.tag != "file":
            raise ExerciseError(f"{_where(child)}: <{child.tag}> inside <{parent.tag}>: expected <file name=...>")
        name = child.get("name")
        if not name:
            raise ExerciseError(f"{_where(child)}: <file> in <{parent.tag}> needs a name attribute")
        files.append({"name": name, "content": child.text or ""})
    return files


def parse_element(node) -> ExerciseDefinition:
    """Build an ExerciseDefinition from a <coding_exercise> element; errors name file and line."""
    if node.tag != TAG:
        raise ExerciseError(f"{_where(node)}: expected <{TAG}>, found <{node.tag}>")
    attrs = dict(node.attrib)
    d = ExerciseDefinition()
    d.url_name = attrs.pop("url_name", "")
    d.display_name = attrs.pop("display_name", d.display_name)
    d.language = attrs.pop("language", d.language)
    try:
        d.weight = float(attrs.pop("weight", d.weight))
        d.max_attempts = int(attrs.pop("max_attempts", d.max_attempts))
        for attr, (name, kind) in LIMIT_ATTRIBUTES.items():
            if attr in attrs:
                d.limits[name] = kind(attrs.pop(attr))
    except ValueError as exc:
        raise ExerciseError(f"{_where(node)}: a numeric attribute is not a number ({exc})") from None
    d.skills = attrs.pop("skills", "").split()
    d.extra_attributes = attrs
    for child in node:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "prompt":
            d.prompt = (child.text or "").strip("\n")
        elif child.tag == "starter":
            d.starter = _files(child, "starter")
        elif child.tag == "solution":
            d.solution = _files(child, "solution")
        elif child.tag == "tests":
            visibility = child.get("visibility", "visible")
            if visibility not in ("visible", "hidden"):
                raise ExerciseError(f"{_where(child)}: visibility must be 'visible' or 'hidden', not {visibility!r}")
            for f in _files(child, "tests"):
                f["hidden"] = visibility == "hidden"
                d.tests.append(f)
        elif child.tag == "hints":
            d.hints = [(h.text or "").strip("\n") for h in child if isinstance(h.tag, str)]
        else:
            raise ExerciseError(
                f"{_where(child)}: unknown element <{child.tag}> in <{TAG}>: "
                "expected prompt, starter, solution, tests or hints"
            )
    return d


def parse_file(path: str) -> ExerciseDefinition:
    try:
        tree = etree.parse(path, etree.XMLParser(strip_cdata=False, resolve_entities=False, no_network=True))
    except OSError as exc:
        raise ExerciseError(f"{path}: cannot read the exercise file ({exc})") from None
    except etree.XMLSyntaxError as exc:
        raise ExerciseError(f"{path}: not well-formed XML: {exc}") from None
    return parse_element(tree.getroot())


# Helpers shared by the blocks' OLX readers and writers (xblocks/*/olx.py, xblocks/quiz/serialize.py).

RUNTIME_ATTRIBUTES = ("url_name", "xblock-family")  # the block's identity: the runtime's, not ours


def authored_attributes(node) -> dict:
    """*node*'s attributes but the runtime's, to pop as they are parsed; what is left over is
    kept as the definition's extra_attributes and written back on export."""
    attrs = dict(node.attrib)
    for name in RUNTIME_ATTRIBUTES:
        attrs.pop(name, None)
    return attrs


def where(node) -> str:
    """'file:line', or 'line N' when the XML came from a string: the start of a lenient
    parser's problem messages."""
    source = node.getroottree().docinfo.URL
    return f"{source}:{node.sourceline}" if source else f"line {node.sourceline}"


def start_element(tag: str, extra_attributes: dict, node=None):
    """*node* (or a new element) renamed to *tag*, with the attributes the parser did not know
    put back first: unknown attributes survive an import/export round trip."""
    if node is None:
        node = etree.Element(tag)
    node.tag = tag
    for key, value in extra_attributes.items():
        node.set(key, str(value))
    return node


def cdata_child(parent, tag: str, text: str, **attrib):
    """A <tag> under *parent* holding *text* as CDATA, so authors' code and Markdown stay readable."""
    child = etree.SubElement(parent, tag, **attrib)
    child.text = etree.CDATA(text) if text else ""
    return child


def format_number(value) -> str:
    """A number as written in OLX: 1.0 -> "1", 0.5 -> "0.5"."""
    return str(int(value)) if float(value).is_integer() else str(value)


def write_element(d: ExerciseDefinition, node=None):
    """Fill *node* (or a new <coding_exercise>) with the definition; inverse of parse_element."""
    node = start_element(TAG, d.extra_attributes, node)
    if d.url_name:
        node.set("url_name", d.url_name)
    node.set("display_name", d.display_name)
    node.set("language", d.language)
    node.set("weight", format_number(d.weight))
    node.set("max_attempts", str(d.max_attempts))
    for attr, (name, _kind) in LIMIT_ATTRIBUTES.items():
        if name in d.limits:
            node.set(attr, format_number(d.limits[name]))
    if d.skills:
        node.set("skills", " ".join(d.skills))
    cdata_child(node, "prompt", d.prompt)
    for tag, files in (("starter", d.starter), ("solution", d.solution)):
        if files:
            group = etree.SubElement(node, tag)
            for f in files:
                cdata_child(group, "file", f["content"], name=f["name"])
    for hidden in (False, True):
        files = [t for t in d.tests if bool(t.get("hidden")) == hidden]
        if files:
            group = etree.SubElement(node, "tests", visibility="hidden" if hidden else "visible")
            for f in files:
                cdata_child(group, "file", f["content"], name=f["name"])
    if d.hints:
        hints = etree.SubElement(node, "hints")
        for h in d.hints:
            cdata_child(hints, "hint", h)
    return node
