"""Process-wide state of the learner sandbox (L) that a plain run shares with the tests.

Helpers of learner_agent.py: the learner's files, os.environ as the tests changed it, exceptions
from T's callbacks, and whether a MemoryError means L really ran out of memory. Standard library
only (runs in L).
"""
import builtins
import os
import resource


class Environment:
    """os.environ as the test changed it (relative to T's own at start), applied relative to
    L's own. Variables the learner's code set itself are left alone."""

    def __init__(self):
        self.own_environ = dict(os.environ)
        self.env_mirrored = set()

    def apply(self, change):
        if type(change) is not dict:
            return
        sets, unset = change.get("set") or {}, change.get("unset") or []
        touched = {k for k in [*sets, *unset] if type(k) is str}
        for key in self.env_mirrored - touched:  # no longer changed by the test: ours again
            if key in self.own_environ:
                os.environ[key] = self.own_environ[key]
            else:
                os.environ.pop(key, None)
        self.env_mirrored = touched
        for key in unset:
            if type(key) is str:
                os.environ.pop(key, None)
        for key, value in sets.items():
            if type(key) is str and type(value) is str:
                try:
                    os.environ[key] = value
                except (ValueError, OSError):  # a name putenv refuses ('=', NUL)
                    pass


def memory_exhausted():
    """Whether this process really is near its memory limit (a learner list kept growing),
    rather than asking once for far too much (`list(range(10**12))` fails at once, and is
    then just an exception, as in a plain run). The traceback still holds the frames that
    allocated, so their memory is still counted here."""
    try:
        soft = resource.getrlimit(resource.RLIMIT_AS)[0]
        if soft == resource.RLIM_INFINITY:
            return True
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024 >= soft * 0.75
    except (OSError, ValueError, MemoryError):
        return True
    return True


def tests_exception(info):
    """An exception T raised in a callback, as the builtin type of the same name."""
    name = info.get("type") if isinstance(info, dict) else None
    kind = getattr(builtins, name, None) if isinstance(name, str) else None
    text = info.get("text", "") if isinstance(info, dict) else ""
    if not (isinstance(kind, type) and issubclass(kind, Exception)):
        kind = RuntimeError
    try:
        return kind(text)
    except BaseException:
        return RuntimeError(text)


def write_files(root, files):
    for name, content in files.items():
        parts = name.split("/")
        if name.startswith("/") or any(p in ("", ".", "..") for p in parts):
            continue  # the host already refused such names; never write outside root
        path = os.path.join(root, *parts)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(content)
