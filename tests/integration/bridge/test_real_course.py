"""The bundled course (course_content/) served by the bridge: every unit renders, every link works.

Skipped until course_content/course.xml exists (the course is written alongside the bridge).
"""
import re

import pytest

from lti_bridge.runtime.structure import STRUCTURAL_BLOCKS

pytestmark = pytest.mark.django_db


def test_every_block_type_is_installed(real_course):
    assert real_course.warnings == []
    types = {real_course.block_type(u) for u in real_course.walk()}
    assert {"chapter", "sequential", "vertical"} <= types
    assert types - set(STRUCTURAL_BLOCKS), "the course has no activity at all"


def test_catalog_lists_every_chapter_and_unit(client, real_course):
    html = client.get("/").content.decode()
    for chapter in real_course.of_type("chapter"):
        assert f'href="/preview/{chapter}"' in html or real_course.display_name(chapter) in html
    for unit in real_course.of_type("vertical"):
        assert f'href="/preview/{unit}"' in html


def test_every_unit_renders_with_working_resources(client, real_course):
    checked = set()
    for unit in real_course.of_type("vertical"):
        response = client.get(f"/preview/{unit}")
        assert response.status_code == 200, unit
        html = response.content.decode()
        assert "jit-unavailable" not in html and "jit-error" not in html, unit
        for child in real_course.children(unit):
            assert f'data-usage-id="{child}"' in html, (unit, child)
        for url in set(re.findall(r"""(?:src|href)=["'](/(?:xblock/resource|course-static|static)/[^"'?#]+)""", html)):
            if url not in checked:
                checked.add(url)
                assert client.get(url).status_code == 200, (unit, url)
