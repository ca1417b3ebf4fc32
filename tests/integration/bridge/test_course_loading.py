"""Loading OLX courses: tree, ids, pointers, policies, and clear errors for broken courses."""
import pytest

from lti_bridge.runtime.course import CourseLoadError, load_course
from lti_bridge.runtime.structure import UnavailableBlock

from .conftest import EXTRA_BLOCKS, FIXTURE_COURSE


def write_course(root, files):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_fixture_course_tree_in_authored_order():
    course = load_course(FIXTURE_COURSE, EXTRA_BLOCKS)
    assert course.root_id == "course.2026"
    assert course.children("course.2026") == ["chapter.ch_bases", "chapter.ch_suite"]
    assert course.children("vertical.u_somme") == ["echo_exercise.ex_somme", "thumbs.avis_somme"]
    # Inline blocks without url_name get stable names from their parent and position.
    assert course.children("vertical.u_inline") == ["echo_exercise.ex_capitale", "thumbs.u_inline-thumbs-1"]
    assert course.of_type("vertical") == ["vertical.u_somme", "vertical.u_inline", "vertical.u_vote"]
    assert course.ancestors("echo_exercise.ex_somme") == [
        "course.2026", "chapter.ch_bases", "sequential.seq_premiers_pas", "vertical.u_somme"]
    assert course.course_id == "course-v1:JobInTech+TEST101+2026"
    assert course.display_title == "Cours d'essai du pont"
    assert course.warnings == []


def test_policy_overrides_settings():
    course = load_course(FIXTURE_COURSE, EXTRA_BLOCKS)
    assert course.display_name("chapter.ch_suite") == "Pour aller plus loin"


def test_block_fields_come_from_its_own_parser():
    course = load_course(FIXTURE_COURSE, EXTRA_BLOCKS)
    assert course.authored.values[("content", "echo_exercise.ex_capitale")] == {"expected": "Rabat"}
    assert course.authored.values[("settings", "echo_exercise.ex_capitale")]["weight"] == 2.0


def test_uninstalled_block_type_becomes_unavailable_with_a_warning(tmp_path):
    root = write_course(tmp_path, {
        "course.xml": '<course url_name="r" org="O" course="C"/>',
        "course/r.xml": '<course><chapter url_name="c"><sequential><vertical>'
                        '<no_such_block_xyz url_name="x" foo="1"><inner/></no_such_block_xyz>'
                        '</vertical></sequential></chapter></course>',
    })
    course = load_course(root)
    assert course.block_class("no_such_block_xyz") is UnavailableBlock
    assert any("no_such_block_xyz" in w for w in course.warnings)
    assert "no_such_block_xyz.x" in course


@pytest.mark.parametrize("files, message", [
    ({}, "course.xml: not found"),
    ({"course.xml": "<course url_name='r'"}, "course.xml:1: invalid XML"),
    ({"course.xml": "<chapter/>"}, "the root element must be <course>"),
    ({"course.xml": '<course url_name="r"/>'}, "points to course/r.xml, which does not exist"),
    ({"course.xml": '<course url_name="r"/>', "course/r.xml": "<course>\n  <chapter url_name='c'/>\n</course>"},
     "course/r.xml:2: <chapter url_name=\"c\"/> points to chapter/c.xml"),
    ({"course.xml": "<course>\n<chapter url_name='a' display_name='A'/>\n<chapter url_name='a' display_name='B'/>\n</course>"},
     "course.xml:3: <chapter url_name=\"a\"> appears twice (first at"),
    ({"course.xml": "<course><chapter url_name='a b' display_name='A'/></course>"}, "url_name 'a b' may only hold"),
    ({"course.xml": '<course url_name="r"/>', "course/r.xml": '<chapter/>'}, "expected <course>"),
    ({"course.xml": '<course url_name="r"/>', "course/r.xml": "<course/>",
      "policies/r/policy.json": "{not json"}, "policy.json: invalid JSON"),
])
def test_broken_course_names_file_and_line(tmp_path, files, message):
    write_course(tmp_path, files)
    with pytest.raises(CourseLoadError) as error:
        load_course(tmp_path)
    assert message in str(error.value)


def test_block_parser_error_is_reported_with_its_location(tmp_path):
    write_course(tmp_path, {
        "course.xml": "<course>\n<chapter>\n<echo_exercise url_name='e'><unexpected/></echo_exercise>\n</chapter>\n</course>",
    })
    with pytest.raises(CourseLoadError) as error:
        load_course(tmp_path, EXTRA_BLOCKS)
    # The test block uses XBlock's default parser, which takes <unexpected> for a child block.
    assert "course.xml:3" in str(error.value)
