"""Structure, policy, olxcleaner and quiz checks of `jobintech validate` (no grading)."""
import os

from xblocks.tools.validate import validate_structure


def findings(course_dir, level="error"):
    report, _ = validate_structure(course_dir)
    return [f for f in report.findings if f.level == level]


def only(found, check=None):
    assert len(found) == 1, [f.text() for f in found]
    if check:
        assert found[0].check == check
    return found[0]


def test_good_course_has_no_finding(make_course):
    report, course = validate_structure(make_course())
    assert report.findings == []
    tags = sorted((b.tag, b.url_name) for b in course.blocks)
    assert ("coding_exercise", "py_compter_positifs") in tags
    assert ("quiz", "quiz_somme") in tags
    assert ("sequential", "seq_boucles") in tags
    assert report.counts["coding_exercises"] == 3


def test_block_without_url_name_is_an_error_with_its_line(make_course):
    error = only(findings(make_course("missing_url_name")), "structure")
    assert error.file.endswith(os.path.join("vertical", "v_somme.xml"))
    assert error.line == 5
    assert "<lesson> has no url_name" in error.message


def test_malformed_xml_names_file_and_line(make_course):
    report, _ = validate_structure(make_course("malformed_xml"))
    error = only(report.errors, "structure")
    assert error.file.endswith(os.path.join("chapter", "ch_bases.xml"))
    assert error.line == 4
    assert "not well-formed XML" in error.message
    # Files below the broken chapter are not reported as unused: that would bury the real error.
    assert report.warnings == []


def test_pointer_to_a_missing_file(make_course):
    error = only(findings(make_course("missing_pointer")))
    assert error.url_name == "lecon_absente"
    assert error.line == 4
    assert "lesson/lecon_absente.xml, which does not exist" in error.message


def test_duplicate_url_name_per_tag(make_course):
    error = only(findings(make_course("duplicate_url_name")))
    assert error.url_name == "quiz_somme"
    assert "two <quiz> blocks" in error.message
    assert error.file.endswith("v_web_sql.xml") and error.line == 4  # the second use
    assert "v_somme.xml:4" in error.message  # the first one


def test_unknown_tag(make_course):
    error = only(findings(make_course("unknown_tag")))
    assert "unknown tag <exercice_code> in <vertical>" in error.message
    assert error.line == 4


def test_invalid_policy_json_names_the_line(make_course):
    error = only(findings(make_course("bad_policy")), "policy")
    assert error.file.endswith(os.path.join("policies", "2026", "policy.json"))
    assert error.line == 5
    assert "not valid JSON" in error.message


def test_quiz_without_correct_answer(make_course):
    error = only(findings(make_course("quiz_no_correct")), "quiz")
    assert error.url_name == "quiz_somme"
    assert error.line == 2
    assert "no correct option" in error.message


def test_unused_file_is_a_warning(make_course):
    course = make_course()
    with open(os.path.join(course, "lesson", "oubliee.xml"), "w") as f:
        f.write('<lesson url_name="oubliee" display_name="Oubliée"><body>x</body></lesson>')
    warning = only(findings(course, "warning"))
    assert warning.file.endswith(os.path.join("lesson", "oubliee.xml"))
    assert findings(course) == []


def test_pointer_with_extra_attributes_is_reported(make_course):
    course = make_course()
    path = os.path.join(course, "vertical", "v_somme.xml")
    text = open(path).read().replace('<quiz url_name="quiz_somme"/>',
                                     '<quiz url_name="quiz_somme" display_name="Quiz"/>')
    open(path, "w").write(text)
    error = only(findings(course))
    assert "ignores quiz/quiz_somme.xml" in error.message


def test_olxcleaner_findings_are_mapped(make_course):
    course = make_course()
    path = os.path.join(course, "sequential", "seq_boucles.xml")
    text = open(path, encoding="utf-8").read().replace(' display_name="Boucles et requêtes"', "")
    open(path, "w", encoding="utf-8").write(text)
    warning = only(findings(course, "warning"), "olxcleaner")
    assert warning.url_name == "seq_boucles"
    assert "display_name" in warning.message and "[MissingDisplayName]" in warning.message
    assert warning.file.endswith(os.path.join("sequential", "seq_boucles.xml")) and warning.line == 1


def test_course_dates_come_from_olxcleaner(make_course):
    course = make_course()
    path = os.path.join(course, "policies", "2026", "policy.json")
    open(path, "w").write('{"course/2026": {"course_image": "couverture.png"}}')
    errors = findings(course)
    assert {e.check for e in errors} == {"olxcleaner"}
    assert any("'start'" in e.message and "policy.json" in e.message for e in errors)


def test_inline_course_and_bad_url_name(make_course):
    course = make_course()
    with open(os.path.join(course, "course.xml"), "w") as f:
        f.write('<course url_name="2026" org="JobInTech" course="FIX101" display_name="Inline">\n'
                '  <chapter url_name="chapitre été" display_name="x"/>\n</course>\n')
    errors = findings(course)
    assert any("may only use letters" in e.message and e.line == 2 for e in errors), [e.text() for e in errors]


def test_lessons_and_modules_are_checked_by_their_own_parsers(make_course):
    course = make_course()
    with open(os.path.join(course, "lesson", "intro_somme.xml"), "w", encoding="utf-8") as f:
        f.write('<lesson url_name="intro_somme" display_name="Vide">\n  <body></body>\n</lesson>\n')
    with open(os.path.join(course, "vertical", "v_web_sql.xml"), "w", encoding="utf-8") as f:
        f.write('<vertical display_name="Module">\n'
                '  <bootcamp_module url_name="m_web" display_name="Web" mastery_threshold="80">\n'
                '    <objectives>Écrire du JavaScript et du SQL.</objectives>\n'
                '    <coding_exercise url_name="js_mots_longs"/>\n'
                '    <coding_exercise url_name="sql_clients_rabat"/>\n'
                '  </bootcamp_module>\n</vertical>\n')
    errors = {(e.check, e.url_name, e.line): e.message for e in findings(course)}
    assert errors.keys() == {("lesson", "intro_somme", 1), ("bootcamp_module", "m_web", 2)}, errors
    assert "no <body>" in errors[("lesson", "intro_somme", 1)]
    assert "mastery_threshold='80'" in errors[("bootcamp_module", "m_web", 2)]


def test_missing_static_file_linked_from_a_lesson(make_course):
    course = make_course()
    with open(os.path.join(course, "lesson", "intro_somme.xml"), "w", encoding="utf-8") as f:
        f.write('<lesson url_name="intro_somme" display_name="Image">\n  <body><![CDATA[# Boucle\n\n'
                '![schéma](/static/boucle.svg) et ![couverture](/static/couverture.png)]]></body>\n</lesson>\n')
    warning = only(findings(course, "warning"), "lesson")
    assert warning.line == 4 and warning.url_name == "intro_somme"
    assert "/static/boucle.svg, which is not in static/" in warning.message


def test_url_name_cannot_lead_out_of_the_course(make_course, tmp_path):
    course = make_course()
    (tmp_path / "secret.xml").write_text('<lesson display_name="x"><body>secret</body></lesson>')
    with open(os.path.join(course, "vertical", "v_web_sql.xml"), "w") as f:
        f.write('<vertical display_name="x">\n  <lesson url_name="..:..:secret"/>\n</vertical>\n')
    report, parsed = validate_structure(course)
    assert any("may only use letters" in e.message and e.line == 2 for e in report.errors)
    assert not any(b.url_name == "..:..:secret" for b in parsed.blocks)
