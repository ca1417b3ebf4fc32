import pytest
from lxml import etree

from grader.exercise import ExerciseError
from grader.olx import parse_element, parse_file, write_element

XML = b"""<coding_exercise url_name="py_somme" display_name="Somme" language="python" weight="2"
    max_attempts="3" cpu_time_limit="1.5" memory_limit="128" skills="python.loops python.lists" data-x="kept">
  <prompt><![CDATA[Ecrivez **somme**.]]></prompt>
  <starter><file name="somme.py"><![CDATA[def somme(l):
    pass
]]></file></starter>
  <solution><file name="somme.py"><![CDATA[def somme(l):
    return sum(l) if l else 0 < 1 and 0
]]></file></solution>
  <tests visibility="visible"><file name="test_v.py"><![CDATA[x = "<&>"]]></file></tests>
  <tests visibility="hidden"><file name="test_h.py"><![CDATA[y = 1]]></file></tests>
  <hints><hint><![CDATA[Pensez a sum().]]></hint><hint>Deux</hint></hints>
</coding_exercise>"""


def test_parse_reads_every_field():
    d = parse_element(etree.fromstring(XML))
    assert (d.url_name, d.display_name, d.language, d.weight, d.max_attempts) == ("py_somme", "Somme", "python", 2.0, 3)
    assert d.limits == {"cpu_seconds": 1.5, "memory_mb": 128}
    assert d.skills == ["python.loops", "python.lists"]
    assert d.starter[0]["name"] == "somme.py" and "pass" in d.starter[0]["content"]
    assert [(t["name"], t["hidden"]) for t in d.tests] == [("test_v.py", False), ("test_h.py", True)]
    assert d.tests[0]["content"] == 'x = "<&>"'
    assert d.hints == ["Pensez a sum().", "Deux"]
    exercise = d.to_exercise()
    assert exercise.limits.cpu_seconds == 1.5 and exercise.limits.wall_seconds == 5.0


def test_round_trip_is_exact():
    d = parse_element(etree.fromstring(XML))
    node = write_element(d)
    text = etree.tostring(node)
    assert b"<![CDATA[" in text
    again = parse_element(etree.fromstring(text))
    assert again == d


def test_errors_name_the_file_and_line(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text('<coding_exercise language="python">\n  <prompt>x</prompt>\n  <oops/>\n</coding_exercise>')
    with pytest.raises(ExerciseError, match=r"bad.xml:3: unknown element <oops>"):
        parse_file(str(bad))
    broken = tmp_path / "broken.xml"
    broken.write_text("<coding_exercise>")
    with pytest.raises(ExerciseError, match="broken.xml: not well-formed XML"):
        parse_file(str(broken))
    with pytest.raises(ExerciseError, match="cannot read"):
        parse_file(str(tmp_path / "missing.xml"))


def test_bad_numbers_and_visibility_are_reported():
    with pytest.raises(ExerciseError, match="numeric attribute"):
        parse_element(etree.fromstring(b'<coding_exercise weight="lourd"/>'))
    with pytest.raises(ExerciseError, match="visibility"):
        parse_element(etree.fromstring(b'<coding_exercise><tests visibility="secret"/></coding_exercise>'))
