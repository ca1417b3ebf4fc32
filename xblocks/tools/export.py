"""`jobintech export COURSE_DIR -o FILE.tar.gz`: pack an OLX course for Studio's import.

Studio's Import page wants a .tar.gz with one top-level folder holding course.xml and the OLX
tree; we name it `course/`. Junk that should never reach Studio (dotfiles, editor backups,
Python caches) is left out. The course is validated first (structure, policies, olxcleaner and
quizzes; no grading, so it stays fast) and the export is refused on errors unless --force.
After writing, the archive is unpacked into a temporary folder and read again with olxcleaner,
so a broken archive is never left behind.

Exit status: 0 written, 1 validation errors (nothing written), 2 bad command line.
"""
from __future__ import annotations

import argparse
import os
import sys
import tarfile
import tempfile

TOP_FOLDER = "course"
JUNK_SUFFIXES = (".pyc", ".pyo", "~", ".swp", ".swo", ".tmp", ".orig", ".rej")
JUNK_NAMES = {"__pycache__", "Thumbs.db", "node_modules"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jobintech export",
        description="Pack an OLX course into a .tar.gz that Studio's Import page accepts "
                    "(one top-level folder course/ holding course.xml).")
    parser.add_argument("course_dir", metavar="COURSE_DIR", help="the folder holding course.xml")
    parser.add_argument("-o", "--output", required=True, metavar="FILE.tar.gz", help="archive to write")
    parser.add_argument("--force", action="store_true",
                        help="write the archive even if validation finds errors")
    return parser


def is_junk(name: str) -> bool:
    return name.startswith(".") or name in JUNK_NAMES or name.endswith(JUNK_SUFFIXES)


def course_files(course_dir: str, skip: set[str] = frozenset()) -> list[tuple[str, str]]:
    """(path on disk, path in the archive) of every file to export, sorted for a stable archive.

    Symbolic links are followed only when they stay inside the course: the archive must not
    carry files from elsewhere on the author's machine.
    """
    root = os.path.realpath(course_dir)
    found = []
    for dirpath, dirnames, filenames in os.walk(course_dir, followlinks=False):
        for d in [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            print(f"jobintech export: skipping {os.path.join(dirpath, d)}: links to folders are not "
                  "exported", file=sys.stderr)
        dirnames[:] = sorted(d for d in dirnames
                             if not is_junk(d) and not os.path.islink(os.path.join(dirpath, d)))
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            real = os.path.realpath(path)
            if is_junk(name) or real in skip:
                continue
            if not real.startswith(root + os.sep) or not os.path.isfile(real):
                print(f"jobintech export: skipping {path}: it links outside the course", file=sys.stderr)
                continue
            found.append((path, os.path.join(TOP_FOLDER, os.path.relpath(path, course_dir))))
    return found


def _normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
    # The author's user and group names mean nothing to Studio and leak who built the archive.
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mode = 0o755 if info.isdir() else 0o644
    return info


def write_archive(course_dir: str, output: str) -> int:
    """Write the archive atomically (a temporary file renamed at the end); return the file count."""
    files = course_files(course_dir, skip={os.path.realpath(output)})
    folder = os.path.dirname(os.path.abspath(output))
    fd, tmp = tempfile.mkstemp(prefix=".export-", suffix=".tar.gz", dir=folder)
    os.close(fd)
    try:
        with tarfile.open(tmp, "w:gz", dereference=True) as tar:
            tar.add(course_dir, arcname=TOP_FOLDER, recursive=False, filter=_normalise)
            added_dirs = {TOP_FOLDER}
            for path, arcname in files:
                parent = os.path.dirname(arcname)
                missing = []
                while parent not in added_dirs:
                    missing.append(parent)
                    parent = os.path.dirname(parent)
                for d in reversed(missing):
                    tar.add(os.path.join(course_dir, os.path.relpath(d, TOP_FOLDER)), arcname=d,
                            recursive=False, filter=_normalise)
                    added_dirs.add(d)
                tar.add(path, arcname=arcname, recursive=False, filter=_normalise)
        os.replace(tmp, output)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return len(files)


def reread_archive(output: str) -> str | None:
    """Unpack *output* and load it with olxcleaner; a problem as text, or None when it reads back."""
    from olxcleaner import validate

    from xblocks.tools.structure import SUITE_TAGS

    with tempfile.TemporaryDirectory(prefix="jobintech-export-") as tmp:
        with tarfile.open(output, "r:gz") as tar:
            names = tar.getnames()
            if any(n != TOP_FOLDER and not n.startswith(TOP_FOLDER + "/") for n in names):
                return f"the archive has entries outside {TOP_FOLDER}/"
            tar.extractall(tmp, filter="data")
        course, errorstore, _ = validate(os.path.join(tmp, TOP_FOLDER), steps=2,
                                         allowed_xblocks=list(SUITE_TAGS))
        if course is None:
            reasons = "; ".join(e.description for e in errorstore.errors) or "unknown reason"
            return f"olxcleaner cannot read the exported course back: {reasons}"
    return None


def main(argv=None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return 0 if exc.code == 0 else 2
    from xblocks.tools.validate import course_dir_problem, validate_structure

    problem = course_dir_problem(args.course_dir)
    if problem is None and not args.output.endswith((".tar.gz", ".tgz")):
        problem = f"{args.output}: the archive name must end with .tar.gz (Studio imports .tar.gz files)"
    if problem is None and not os.path.isdir(os.path.dirname(os.path.abspath(args.output))):
        problem = f"{args.output}: the folder {os.path.dirname(os.path.abspath(args.output))} does not exist"
    if problem:
        print(f"jobintech export: {problem}", file=sys.stderr)
        return 2
    report, _ = validate_structure(args.course_dir)
    if report.errors:
        for finding in report.sorted_findings():
            if finding.level == "error":
                print(finding.text(), file=sys.stderr)
        if not args.force:
            print(f"jobintech export: {len(report.errors)} error(s) in {args.course_dir}; nothing written. "
                  "Fix them (see `jobintech validate`) or use --force to export anyway.", file=sys.stderr)
            return 1
        print("jobintech export: exporting despite the errors above (--force)", file=sys.stderr)
    try:
        count = write_archive(args.course_dir, args.output)
    except OSError as exc:
        print(f"jobintech export: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    problem = reread_archive(args.output)
    if problem:
        os.unlink(args.output)
        print(f"jobintech export: {problem}; the archive was removed", file=sys.stderr)
        return 1
    print(f"{args.output}: {count} files under {TOP_FOLDER}/, ready for Studio's Import page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
