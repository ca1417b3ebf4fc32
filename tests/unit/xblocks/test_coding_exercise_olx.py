"""OLX import/export of coding_exercise: what an author writes comes back unchanged."""
from lxml import etree
import pytest

from grader.exercise import ExerciseError
from grader.olx import parse_element

from coding_exercise_support import RecordingRuntime, load_block, scenario_xml


def export(block) -> etree._Element:
    node = etree.Element("unknown")
    block.add_xml_to_node(node)
    # Serialise and re-read like a course export on disk does.
    text = etree.tostring(node, encoding="unicode")
    return etree.fromstring(text, etree.XMLParser(strip_cdata=False))


@pytest.mark.parametrize("name", ["py_somme", "py_bibliotheque"])
def test_parse_write_parse_gives_the_same_definition(name):
    xml = scenario_xml(name)
    original = parse_element(etree.fromstring(xml))
    block = load_block(xml)
    assert block.definition() == original

    exported = export(block)
    assert exported.tag == "coding_exercise"
    exported.attrib.pop("xblock-family")  # the runtime strips it on import, as here
    assert parse_element(exported) == original

    again = load_block(etree.tostring(exported, encoding="unicode"))
    assert again.definition() == original


def test_fields_hold_the_definition():
    block = load_block(scenario_xml("py_somme"))
    assert block.language == "python"
    assert block.max_attempts == 3
    assert block.limits == {"cpu_seconds": 2.0, "wall_seconds": 5.0, "memory_mb": 256}
    assert [f["name"] for f in block.starter_files] == ["somme.py"]
    assert [(t["name"], t["hidden"]) for t in block.test_files] == [
        ("test_somme.py", False), ("test_somme_cache.py", True)]
    assert block.skills == ["python.loops", "python.lists"]
    assert len(block.hints) == 2
    assert block.olx_attributes == {"url_name": "py_somme"}


def test_code_with_markup_characters_survives_the_round_trip():
    xml = """<coding_exercise display_name="Balises" language="python">
      <prompt><![CDATA[Use `a < b && c > d` and {{ braces }}]]></prompt>
      <starter><file name="m.py"><![CDATA[print("<script>&amp;</script>")  # {% tag %}
]]></file></starter>
      <tests><file name="test_m.py"><![CDATA[def test_x():
    assert "]]]]><![CDATA[>" != "<"
]]></file></tests>
    </coding_exercise>"""
    block = load_block(xml)
    assert block.prompt == "Use `a < b && c > d` and {{ braces }}"
    assert block.starter_files[0]["content"] == 'print("<script>&amp;</script>")  # {% tag %}\n'
    assert '"]]>"' in block.test_files[0]["content"]
    exported = export(block)
    exported.attrib.pop("xblock-family")
    assert parse_element(exported) == block.definition()


def test_unknown_attributes_are_kept_and_platform_fields_are_set():
    xml = ('<coding_exercise display_name="X" language="python" data-cohort="b2" >'
           '<starter><file name="a.py"><![CDATA[x = 1\n]]></file></starter>'
           '<tests><file name="test_a.py"><![CDATA[def test_a():\n    pass\n]]></file></tests>'
           '</coding_exercise>')
    block = load_block(xml)
    assert block.olx_attributes == {"data-cohort": "b2"}
    assert export(block).get("data-cohort") == "b2"


def test_a_broken_exercise_names_the_line():
    xml = ('<coding_exercise language="python">\n'
           '  <tests><file><![CDATA[x]]></file></tests>\n'
           '</coding_exercise>')
    with pytest.raises(ExerciseError, match=r":2: <file> in <tests> needs a name"):
        load_block(xml, RecordingRuntime())
