"""The bundled course (course_content/) validates and exports cleanly."""
import os
import tarfile

import pytest

from xblocks.tools.export import reread_archive, write_archive
from xblocks.tools.validate import validate_course, validate_structure


@pytest.fixture
def real_course(course_dir):
    if not os.path.isfile(os.path.join(course_dir, "course.xml")):
        pytest.skip("course_content/ has no course.xml yet")
    return course_dir


def test_structure_has_no_error(real_course):
    report, course = validate_structure(real_course)
    assert report.errors == [], "\n".join(f.text() for f in report.errors)
    assert len(course.of_tag("coding_exercise")) >= 20
    assert {b.tag for b in course.blocks} >= {"chapter", "sequential", "vertical", "coding_exercise",
                                              "lesson", "quiz", "bootcamp_module"}


@pytest.mark.sandbox
def test_every_exercise_grades_as_its_author_intends(real_course, require_runners):
    require_runners("python", "javascript", "sql")
    report = validate_course(real_course, jobs=os.cpu_count() or 2, mutate=False)
    assert report.errors == [], "\n".join(f.text() for f in report.errors)


def test_export_reads_back(real_course, tmp_path):
    archive = str(tmp_path / "course.tar.gz")
    count = write_archive(real_course, archive)
    assert reread_archive(archive) is None
    with tarfile.open(archive) as tar:
        files = [m.name for m in tar.getmembers() if m.isfile()]
    assert len(files) == count and "course/course.xml" in files
