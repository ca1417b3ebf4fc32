"""`jobintech export`: the archive Studio imports (course/ at the top, no junk), refused when broken."""
import os
import tarfile

from olxcleaner import validate as olxcleaner_validate

from jobintech.cli import main as jobintech


def add_junk(course):
    os.makedirs(os.path.join(course, "__pycache__"))
    open(os.path.join(course, "__pycache__", "x.cpython-312.pyc"), "wb").write(b"\0")
    open(os.path.join(course, ".DS_Store"), "wb").write(b"\0")
    os.makedirs(os.path.join(course, ".git"))
    open(os.path.join(course, ".git", "HEAD"), "w").write("ref: refs/heads/main\n")
    open(os.path.join(course, "lesson", "intro_somme.xml~"), "w").write("backup")
    open(os.path.join(course, "static", "notes.pyc"), "wb").write(b"\0")


def test_export_layout_and_reread(make_course, tmp_path, capsys):
    course = make_course()
    add_junk(course)
    archive = str(tmp_path / "cours.tar.gz")
    assert jobintech(["export", course, "-o", archive]) == 0
    assert "ready for Studio" in capsys.readouterr().out
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        members = tar.getmembers()
        out = tmp_path / "extracted"
        tar.extractall(out, filter="data")
    assert all(n == "course" or n.startswith("course/") for n in names)
    assert "course/course.xml" in names
    assert "course/coding_exercise/py_compter_positifs.xml" in names
    assert "course/policies/2026/policy.json" in names
    assert "course/static/couverture.png" in names
    assert not any("__pycache__" in n or "/." in n or n.endswith(("~", ".pyc")) for n in names), names
    assert all(m.uid == 0 and m.uname == "" for m in members)
    # What Studio reads back is byte for byte what the author wrote.
    source = open(os.path.join(course, "coding_exercise", "py_compter_positifs.xml"), "rb").read()
    assert (out / "course" / "coding_exercise" / "py_compter_positifs.xml").read_bytes() == source
    loaded, errors, _ = olxcleaner_validate(str(out / "course"), allowed_xblocks=[
        "coding_exercise", "lesson", "quiz", "bootcamp_module"])
    assert loaded is not None
    assert [e for e in errors.errors if e.level == "ERROR"] == []
    assert [c.attributes.get("url_name") for c in loaded.children] == ["ch_bases"]


def test_export_refuses_a_broken_course_unless_forced(make_course, tmp_path, capsys):
    course = make_course("missing_pointer")
    archive = str(tmp_path / "cours.tar.gz")
    assert jobintech(["export", course, "-o", archive]) == 1
    err = capsys.readouterr().err
    assert "lecon_absente" in err and "nothing written" in err
    assert not os.path.exists(archive)
    assert jobintech(["export", course, "-o", archive, "--force"]) == 0
    assert os.path.exists(archive)


def test_export_into_the_course_folder_does_not_pack_itself(make_course, capsys):
    course = make_course()
    archive = os.path.join(course, "cours.tar.gz")
    assert jobintech(["export", course, "-o", archive]) == 0
    assert jobintech(["export", course, "-o", archive]) == 0  # a second export overwrites the first
    with tarfile.open(archive) as tar:
        assert "course/cours.tar.gz" not in tar.getnames()


def test_export_bad_input(make_course, tmp_path, capsys):
    course = make_course()
    assert jobintech(["export", course, "-o", str(tmp_path / "cours.zip")]) == 2
    assert "must end with .tar.gz" in capsys.readouterr().err
    assert jobintech(["export", course, "-o", str(tmp_path / "absent" / "c.tar.gz")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert jobintech(["export", str(tmp_path / "nope"), "-o", str(tmp_path / "c.tar.gz")]) == 2
    assert jobintech(["export", course]) == 2  # -o is required


def test_links_leading_out_of_the_course_are_not_followed(make_course, tmp_path):
    course = make_course()
    secret = tmp_path / "secret.txt"
    secret.write_text("clé privée")
    os.symlink(secret, os.path.join(course, "static", "fuite.txt"))
    os.symlink(os.path.join(course, "static", "couverture.png"), os.path.join(course, "static", "alias.png"))
    archive = str(tmp_path / "cours.tar.gz")
    assert jobintech(["export", course, "-o", archive]) == 0
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        alias = tar.getmember("course/static/alias.png")
        assert alias.isfile()  # a link inside the course is exported as the file it points to
    assert "course/static/fuite.txt" not in names
