"""Keeping the working directories of the two sandboxes in step (runs in both; stdlib only).

In a plain run, a test that writes `notes.txt` and the learner's function that reads it share one
directory, and so do a learner's function that writes `rapport.txt` and the test that reads it.
Here each side sends the files it changed (and the folders it made) since the last exchange
along with its next message.

Only data crosses: T keeps its test files in a private directory that is on sys.path, and never
runs or imports anything from its working directory, so a file the learner's code writes can
never become code in T. Paths are checked (relative, no '..', no symlink followed) and sizes
are capped.
"""
import base64
import os
import stat

MAX_FILES = 200
MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_TOTAL_BYTES = 8 * 1024 * 1024
MAX_ENTRIES = 2000  # a directory bigger than this is not scanned further


class FileMirror:
    def __init__(self, root):
        self.root = root
        self.folders = set()  # folders the other side knows of (made there or sent)
        self.known = self._scan()
        self.folders = self._seen_folders

    def _scan(self):
        found, pending, entries = {}, [""], 0
        self._seen_folders = set()
        while pending and entries < MAX_ENTRIES:
            relative = pending.pop()
            try:
                iterator = os.scandir(os.path.join(self.root, relative))
            except OSError:
                continue
            with iterator:
                for entry in iterator:
                    entries += 1
                    path = f"{relative}/{entry.name}" if relative else entry.name
                    try:
                        info = entry.stat(follow_symlinks=False)
                    except OSError:
                        continue
                    if stat.S_ISDIR(info.st_mode):
                        pending.append(path)
                        self._seen_folders.add(path)
                    elif stat.S_ISREG(info.st_mode):
                        found[path] = (info.st_size, info.st_mtime_ns, info.st_ino)
        return found

    def changes(self):
        """{"put": {path: base64}, "gone": [path]} for what changed since the last call, or
        None. Files too big to send are skipped (the other side keeps its old copy)."""
        now = self._scan()
        put, total = {}, 0
        for path, info in now.items():
            if self.known.get(path) == info or len(put) >= MAX_FILES:
                continue
            if info[0] > MAX_FILE_BYTES or total + info[0] > MAX_TOTAL_BYTES:
                continue
            try:
                with open(os.path.join(self.root, path), "rb") as handle:
                    data = handle.read(MAX_FILE_BYTES + 1)
            except OSError:
                continue
            total += len(data)
            put[path] = base64.b64encode(data).decode("ascii")
        gone = [path for path in self.known if path not in now]
        self.known = now
        # New folders go too, empty or not: a test's tmp_path, for the learner's code to write
        # into (both sandboxes work in the same /work, so the path is the same on both sides).
        folders = sorted(self._seen_folders - self.folders)[:MAX_FILES]
        self.folders |= set(folders)
        if not (put or gone or folders):
            return None
        return {"put": put, "gone": gone, "folders": folders}

    def apply(self, payload):
        """Write what the other side changed. Anything malformed is ignored, never followed."""
        if type(payload) is not dict:
            return
        folders = payload.get("folders")
        for path in (folders[:MAX_FILES] if type(folders) is list else ()):
            full = os.path.join(self.root, path) if _safe(path) else None
            if full and self._inside(os.path.dirname(full)):
                try:
                    os.makedirs(full, exist_ok=True)
                except OSError:
                    continue
                self.folders.add(path)
        put = payload.get("put")
        for path, data in (put.items() if type(put) is dict else ()):
            if _safe(path) and type(data) is str:
                try:
                    self._write(path, base64.b64decode(data, validate=True))
                except (OSError, ValueError):
                    continue
                self._forget_change(path)
        gone = payload.get("gone")
        for path in (gone if type(gone) is list else ()):
            full = os.path.join(self.root, path) if _safe(path) else None
            if full and os.path.isfile(full) and not os.path.islink(full) and self._inside(full):
                try:
                    os.unlink(full)
                except OSError:
                    continue
                self.known.pop(path, None)

    def _forget_change(self, path):
        """What we just wrote is not a change to send back."""
        try:
            info = os.stat(os.path.join(self.root, path), follow_symlinks=False)
        except OSError:
            return
        self.known[path] = (info.st_size, info.st_mtime_ns, info.st_ino)

    def _write(self, path, data):
        full = os.path.join(self.root, path)
        os.makedirs(os.path.dirname(full) or self.root, exist_ok=True)
        if not self._inside(os.path.dirname(full)):
            return
        fd = os.open(full, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)

    def _inside(self, path):
        real, root = os.path.realpath(path), os.path.realpath(self.root)
        return real == root or real.startswith(root + os.sep)


def _safe(path):
    if type(path) is not str or not path or len(path) > 300 or path.startswith("/"):
        return False
    parts = path.split("/")
    return len(parts) <= 10 and all(p not in ("", ".", "..") and "\0" not in p for p in parts)
