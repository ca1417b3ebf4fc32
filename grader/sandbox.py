"""Run a program inside a bubblewrap sandbox.

Each sandbox is single-use: fresh user, pid, network, mount, ipc, uts and cgroup namespaces; a
read-only view of the language runtime (/usr) and of the directories a runner binds; private
size-capped tmpfs for /tmp and the working directory /work; an empty environment; all
capabilities dropped; a seccomp deny-list (grader.seccomp); rlimits on CPU, memory, processes,
file size and open files; a wall-clock timeout and an output cap enforced from outside. When the
run ends, the whole pid namespace is killed, so nothing the code started outlives it.

A sandbox is *started* before it is given work (see grader.pool), so the interpreter start-up is
paid ahead of time. Its rlimits are fixed at start, so warm sandboxes are pooled per set of limits.

If bubblewrap cannot run, SandboxError is raised and grading fails closed. Setting
JOBINTECH_UNSAFE_NO_SANDBOX=1 runs code without isolation, for development only, and says so.
"""
from __future__ import annotations

import itertools
import logging
import os
import resource
import selectors
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass

from grader import seccomp
from grader.exercise import Limits

log = logging.getLogger(__name__)

UNSAFE_ENV = "JOBINTECH_UNSAFE_NO_SANDBOX"
WORKDIR = "/work"
TMPFS_BYTES = 64 * 1024 * 1024
EXIT_GRACE = 0.5  # seconds a run that closed its output gets to exit before it is killed
BASE_ENV = {"PATH": "/usr/bin:/bin", "HOME": WORKDIR, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
            "PYTHONDONTWRITEBYTECODE": "1", "PYTHONIOENCODING": "utf-8"}

# Each sandbox runs under its own unprivileged host uid when we are root, so that RLIMIT_NPROC
# (counted per uid; root is exempt) really caps a fork bomb, and no two runs share an identity.
_UID_BASE = 1_000_000 + (os.getpid() % 4096) * 1024
_uid_counter = itertools.count()
_uid_lock = threading.Lock()


class SandboxError(RuntimeError):
    """No sandbox could be set up: grading must fail closed."""


@dataclass
class RunResult:
    returncode: int | None
    stdout: bytes
    stderr: bytes
    timed_out: bool = False
    output_exceeded: bool = False

    @property
    def signal(self) -> int | None:
        if self.returncode is not None and self.returncode < 0:
            return -self.returncode
        if self.returncode is not None and self.returncode > 128:
            return self.returncode - 128  # bwrap's init reports a killed child as 128 + signal
        return None


def unsafe_mode() -> bool:
    return os.environ.get(UNSAFE_ENV) == "1"


def check_available() -> None:
    """Raise SandboxError with a fix if bubblewrap cannot be used here."""
    if unsafe_mode():
        return
    if shutil.which("bwrap") is None:
        raise SandboxError(
            "bubblewrap (bwrap) is not installed, so learner code cannot be run safely: "
            "install it (apt-get install bubblewrap). For development only, "
            f"{UNSAFE_ENV}=1 runs code without a sandbox."
        )


def _next_uid() -> int:
    with _uid_lock:
        return _UID_BASE + next(_uid_counter) % 1024


def _bwrap_argv(argv, binds, seccomp_fd, uid, nested=False) -> list[str]:
    args = [
        "bwrap", "--unshare-user", "--unshare-pid", "--unshare-net", "--unshare-ipc",
        "--unshare-uts", "--unshare-cgroup-try", "--die-with-parent", "--new-session",
        "--cap-drop", "ALL", "--hostname", "sandbox", "--clearenv",
        "--uid", str(uid), "--gid", str(uid),
        "--ro-bind", "/usr", "/usr",
    ]
    if not nested:  # a zygote makes nested namespaces; its runs' seccomp filter forbids them
        args.append("--disable-userns")
    for link in ("lib", "lib64", "bin", "sbin"):
        if os.path.islink(f"/{link}"):
            args += ["--symlink", os.readlink(f"/{link}"), f"/{link}"]
        elif os.path.isdir(f"/{link}"):
            args += ["--ro-bind", f"/{link}", f"/{link}"]
    for host, inside in binds.items():
        args += ["--ro-bind", host, inside]
    args += [
        "--proc", "/proc", "--dev", "/dev",
        "--size", str(TMPFS_BYTES), "--tmpfs", "/tmp",
        "--size", str(TMPFS_BYTES), "--perms", "0755", "--tmpfs", WORKDIR,
        "--chdir", WORKDIR,
        "--seccomp", str(seccomp_fd),
    ]
    if nested:  # what a zygote's runs share is read-only; each run mounts its own /tmp, /work
        args += ["--tmpfs", "/dev/pts", "--remount-ro", "/dev/pts", "--remount-ro", "/dev",
                 "--remount-ro", "/"]
    for key, value in BASE_ENV.items():
        args += ["--setenv", key, value]
    return args + ["--"] + list(argv)


def rlimits(limits: Limits, memory: str = "as") -> list[tuple[int, int, int]]:
    """(resource, soft, hard) for a run under *limits*: what every sandbox applies, whether bwrap
    is started with them or a zygote's run sets them on itself (grader.zygote)."""
    cpu = max(1, int(limits.cpu_seconds + 0.999))
    mem = int(limits.memory_mb) * 1024 * 1024
    size = int(limits.file_size_kb) * 1024
    return [
        (resource.RLIMIT_CPU, cpu, cpu + 1),
        (resource.RLIMIT_AS if memory == "as" else resource.RLIMIT_DATA, mem, mem),
        (resource.RLIMIT_NPROC, limits.max_processes, limits.max_processes),
        (resource.RLIMIT_FSIZE, size, size),
        (resource.RLIMIT_NOFILE, 256, 256),
        (resource.RLIMIT_CORE, 0, 0),
    ]


def _set_rlimits(limits: Limits, memory: str = "as") -> None:
    """Apply *limits* to this process (called between fork and exec of bwrap)."""
    for which, soft, hard in rlimits(limits, memory):
        resource.setrlimit(which, (soft, hard))


def launch(argv, *, binds: dict[str, str], pass_fds=(), set_limits, nested: bool = False,
           stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE):
    """Start *argv* under bubblewrap as a fresh host uid, with *set_limits*() applied first.
    *nested*: the program may create namespaces of its own (a zygote, grader.zygote), so the
    filter lets it, and it must apply seccomp.build_filter() to what it runs itself."""
    check_available()
    filter_fd = seccomp.filter_fd(allow_namespaces=nested)
    uid = _next_uid()
    as_root = os.geteuid() == 0

    def preexec():
        set_limits()
        if as_root:
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)

    try:
        return subprocess.Popen(
            _bwrap_argv(argv, binds, filter_fd, uid if as_root else os.getuid(), nested),
            stdin=stdin, stdout=stdout, stderr=stderr, pass_fds=(filter_fd, *pass_fds),
            preexec_fn=preexec, start_new_session=True, env={"PATH": "/usr/bin:/bin"},
        )
    except OSError as exc:
        raise SandboxError(f"could not start bubblewrap: {exc}") from exc
    finally:
        os.close(filter_fd)


class Sandbox:
    """One started, single-use sandboxed process. Use start(), then communicate() once."""

    def __init__(self, process, limits, tmpdir=None):
        self.process = process
        self.limits = limits
        self._tmpdir = tmpdir
        self._wake = None  # (read, write) fds: stop() wakes communicate() in another thread
        self._wake_lock = threading.Lock()

    @classmethod
    def start(cls, argv, *, limits: Limits, binds: dict[str, str] | None = None, pass_fds=(),
              memory: str = "as") -> "Sandbox":
        """Start *argv* in a fresh sandbox with stdin/stdout/stderr pipes, under *limits*.
        *binds* maps host paths to read-only paths inside; *pass_fds* are inherited under the same
        numbers. *memory*: 'as' caps the address space, 'data' only data segments (for runtimes,
        like V8, that reserve far more address space than they use)."""
        binds = dict(binds or {})
        if unsafe_mode():
            return cls._start_unsafe(argv, binds, pass_fds, memory, limits)
        process = launch(argv, binds=binds, pass_fds=pass_fds,
                         set_limits=lambda: _set_rlimits(limits, memory=memory))
        return cls(process, limits)

    @classmethod
    def _start_unsafe(cls, argv, binds, pass_fds, memory, limits) -> "Sandbox":
        log.warning("%s=1: running learner code WITHOUT a sandbox (development only)", UNSAFE_ENV)
        tmpdir = tempfile.mkdtemp(prefix="jobintech-unsafe-")
        host_argv = []
        for arg in argv:
            for host, inside in binds.items():
                if arg == inside or arg.startswith(inside.rstrip("/") + "/"):
                    arg = host + arg[len(inside):]
            host_argv.append(arg)
        env = dict(BASE_ENV, HOME=tmpdir, JOBINTECH_WORKDIR=tmpdir)
        process = subprocess.Popen(
            host_argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            pass_fds=tuple(pass_fds), cwd=tmpdir, env=env, start_new_session=True,
            preexec_fn=lambda: _set_rlimits(limits, memory=memory),
        )
        return cls(process, limits, tmpdir)

    def communicate(self, data: bytes, timeout: float, output_cap: int,
                    last_line: bytes | None = None) -> RunResult:
        """Send *data* on stdin, collect stdout and stderr (each capped at *output_cap* bytes) until
        the program exits or *timeout* seconds pass; then kill everything in the sandbox.
        *last_line*: also stop as soon as stdout ends with a line that starts with these bytes
        (a harness's final report: what follows is only its exit)."""
        proc = self.process
        out, err = bytearray(), bytearray()
        timed_out = exceeded = False
        sel = selectors.DefaultSelector()
        sel.register(proc.stdout, selectors.EVENT_READ, out)
        sel.register(proc.stderr, selectors.EVENT_READ, err)
        pending = memoryview(data)
        if pending:
            os.set_blocking(proc.stdin.fileno(), False)
            sel.register(proc.stdin, selectors.EVENT_WRITE, None)
        else:
            proc.stdin.close()
        self._wake = os.pipe()
        sel.register(self._wake[0], selectors.EVENT_READ, "stop")
        deadline = time.monotonic() + timeout
        open_streams = 2
        finished = False
        try:
            while open_streams:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    timed_out = True
                    break
                for key, _ in sel.select(remaining):
                    if key.data == "stop":  # stopped from outside: what was read is enough
                        finished = True
                        break
                    if key.data is None:
                        try:
                            written = os.write(key.fd, pending[:65536])
                        except (BrokenPipeError, OSError):
                            written = len(pending)
                        pending = pending[written:]
                        if not pending:
                            sel.unregister(key.fileobj)
                            proc.stdin.close()
                        continue
                    chunk = os.read(key.fd, 65536)
                    if not chunk:
                        sel.unregister(key.fileobj)
                        open_streams -= 1
                        continue
                    buf = key.data
                    room = output_cap - len(buf)
                    buf += chunk[:max(room, 0)]
                    if len(chunk) > room:
                        exceeded = True
                    elif last_line and buf is out and out.endswith(b"\n"):
                        finished = out.startswith(last_line, out.rfind(b"\n", 0, -1) + 1)
                if exceeded or finished:
                    break
            if not (timed_out or exceeded or finished):  # it closed its output: let it end
                try:
                    proc.wait(timeout=EXIT_GRACE)
                except subprocess.TimeoutExpired:
                    pass
        finally:
            sel.close()
            self.kill()
            with self._wake_lock:
                wake, self._wake = self._wake, None
                for fd in wake:
                    os.close(fd)
        return RunResult(proc.returncode, bytes(out), bytes(err), timed_out, exceeded)

    def stop(self) -> None:
        """Send SIGKILL to everything in the sandbox; safe while another thread communicates,
        which then returns at once with what it has read."""
        with self._wake_lock:
            if self._wake is not None:
                os.write(self._wake[1], b"x")
        self._signal_all()

    def _signal_all(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        except PermissionError:
            self.process.kill()

    def kill(self) -> None:
        """Kill the sandbox and everything in it, and wait for it; idempotent."""
        proc = self.process
        if proc.poll() is None:
            self.stop()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover - the kernel failed to kill it
            log.error("sandbox process %s did not die", proc.pid)
        self._close_streams()
        if self._tmpdir:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None

    def _close_streams(self) -> None:
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream and not stream.closed:
                stream.close()

    def __del__(self):
        if getattr(self, "process", None) is not None and self.process.poll() is None:
            self.kill()
