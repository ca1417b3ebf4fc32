"""Zygotes: one sandboxed interpreter per harness side that forks an isolated run per request.

Starting an interpreter and importing a harness costs more CPU than grading a small exercise, so
the Python runner does it once: a zygote (harness/python/zygote_server.py) runs in an outer
bubblewrap sandbox with the harness imported, and for each run forks a child into fresh user,
pid, network, mount, ipc, uts and cgroup namespaces with its own /work and /tmp, rlimits, no
capabilities and the full seccomp filter (docs/decisions/0005-zygote.md).

The host talks to a zygote over a unix socket: it sends the run's limits and file descriptors
(stdin, stdout, stderr, a status pipe, and the runner's own pipes) and gets back a pidfd that
kills the run. A run is a Sandbox (ForkedSandbox) to the runners: communicate(), stop(), kill().
"""
from __future__ import annotations

import concurrent.futures
import json
import logging
import os
import resource
import select
import signal
import socket
import struct
import subprocess
import tempfile
import threading

from grader import seccomp
from grader.exercise import Limits
from grader.sandbox import Sandbox, SandboxError, launch, rlimits

log = logging.getLogger(__name__)

ZYGOTE_PROCESSES = 4096  # all runs of one zygote together; each run has its own, lower limit
# Each run's own namespaces: the zygote unshares these for every child it forks.
RUN_NAMESPACES = ("user", "mount", "pid", "net", "ipc", "uts", "cgroup")


class ForkedProcess:
    """The part of subprocess.Popen that Sandbox uses, for a run forked by a zygote: its exit
    status comes on a pipe, and it is killed through a pidfd."""

    def __init__(self, pidfd, status_fd, stdin_fd, stdout_fd, stderr_fd):
        self.pid = None
        self.returncode = None
        self._pidfd, self._status_fd = pidfd, status_fd
        # Threads share a run: one communicates while another stops it or reads its status.
        self._pidfd_lock, self._status_lock = threading.Lock(), threading.Lock()
        self.stdin = open(stdin_fd, "wb", buffering=0)
        self.stdout = open(stdout_fd, "rb", buffering=0)
        self.stderr = open(stderr_fd, "rb", buffering=0)

    def _read_status(self):
        data = os.read(self._status_fd, 4)
        os.close(self._status_fd)
        self._status_fd = None
        if len(data) == 4:  # an exit code, negative for a signal, as Popen.returncode
            self.returncode = struct.unpack("=i", data)[0]
        else:  # the run was killed before it could report
            self.returncode = -signal.SIGKILL

    def poll(self):
        if not self._status_lock.acquire(blocking=False):
            return self.returncode  # another thread is reading the status right now
        try:
            if self.returncode is None and self._status_fd is not None:
                if select.select([self._status_fd], [], [], 0)[0]:
                    self._read_status()
            return self.returncode
        finally:
            self._status_lock.release()

    def wait(self, timeout=None):
        with self._status_lock:
            if self.returncode is None and self._status_fd is not None:
                if not select.select([self._status_fd], [], [], timeout)[0]:
                    raise subprocess.TimeoutExpired("zygote run", timeout)
                self._read_status()
            return self.returncode

    def kill(self):
        with self._pidfd_lock:
            if self._pidfd is not None:
                try:
                    signal.pidfd_send_signal(self._pidfd, signal.SIGKILL)
                except ProcessLookupError:
                    pass

    def close(self):
        with self._pidfd_lock:
            if self._pidfd is not None:
                os.close(self._pidfd)
                self._pidfd = None
        with self._status_lock:
            if self._status_fd is not None:
                os.close(self._status_fd)
                self._status_fd = None


class ForkedSandbox(Sandbox):
    """A run forked by a zygote: single use, like any Sandbox."""

    def _signal_all(self) -> None:
        self.process.kill()

    def kill(self) -> None:
        proc = self.process
        if proc.poll() is None:
            # Killing the run's pid 1 ends everything in its namespace; waiting for that would
            # only wait for the kernel to tear the processes down.
            self.stop()
            proc.returncode = -signal.SIGKILL
        self._close_streams()
        proc.close()


def _zygote_rlimits():
    # Hard limits here cap what each run may set for itself; the runs set their own.
    resource.setrlimit(resource.RLIMIT_NPROC, (ZYGOTE_PROCESSES, ZYGOTE_PROCESSES))
    resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


class Zygote:
    """One started zygote. spawn() a run; close() to stop it and every run it made."""

    def __init__(self, argv, entry, binds):
        self.entry = entry
        self._lock = threading.Lock()
        self._errors = tempfile.TemporaryFile()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        filter_fd = seccomp.filter_fd()
        try:
            self.process = launch(
                [*argv, str(theirs.fileno()), str(filter_fd), entry, ",".join(RUN_NAMESPACES)],
                binds=binds,
                pass_fds=(theirs.fileno(), filter_fd), set_limits=_zygote_rlimits, nested=True,
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._errors)
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
            os.close(filter_fd)
        self._socket = ours

    def alive(self) -> bool:
        return self.process.poll() is None

    def spawn(self, limits: Limits, extra_fds=(), memory: str = "as") -> ForkedSandbox:
        """Fork a run under *limits*; *extra_fds* become its fds 3, 4, ... and the arguments of
        the entry point's main()."""
        header = json.dumps({"rlimits": rlimits(limits, memory)}).encode()
        stdin_r, stdin_w = os.pipe()
        stdout_r, stdout_w = os.pipe()
        stderr_r, stderr_w = os.pipe()
        status_r, status_w = os.pipe()
        ours = [stdin_w, stdout_r, stderr_r, status_r]
        try:
            with self._lock:
                socket.send_fds(self._socket, [header], [stdin_r, stdout_w, stderr_w, status_w,
                                                         *extra_fds])
                answer, fds, _, _ = socket.recv_fds(self._socket, 65536, 1)
        except OSError as exc:
            for fd in ours:
                os.close(fd)
            raise SandboxError(f"the {self.entry} zygote is gone: {exc}{self._stderr()}") from exc
        finally:
            for fd in (stdin_r, stdout_w, stderr_w, status_w):
                os.close(fd)
        if answer != b"ok" or len(fds) != 1:
            for fd in [*ours, *fds]:
                os.close(fd)
            detail = answer.decode("utf-8", "replace") or "no answer"
            raise SandboxError(f"the {self.entry} zygote could not start a run: {detail}"
                               f"{self._stderr()}")
        process = ForkedProcess(fds[0], status_r, stdin_w, stdout_r, stderr_r)
        return ForkedSandbox(process, limits)

    def _stderr(self) -> str:
        if self.alive():
            return ""
        self._errors.seek(0)
        text = self._errors.read()[-2000:].decode("utf-8", "replace").strip()
        return f"; it said: {text}" if text else ""

    def close(self):
        self._socket.close()
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.process.wait()
        self._errors.close()


class Zygotes:
    """The process's zygotes by key, started on first use and again if one died.

    They are started from one long-lived thread: bubblewrap's --die-with-parent follows the
    thread that started it, and a grading thread may end before the zygote should."""

    def __init__(self):
        self._lock = threading.Lock()
        self._zygotes: dict = {}
        self._starter = concurrent.futures.ThreadPoolExecutor(1, "jobintech-zygote")
        self._pid = os.getpid()

    def get(self, key, start) -> Zygote:
        with self._lock:
            zygote = self._zygotes.get(key)
            if zygote is not None and not zygote.alive():
                log.warning("zygote %r died; starting a new one%s", key, zygote._stderr())
                zygote.close()
                zygote = None
            if zygote is None:
                zygote = self._starter.submit(start).result()
                self._zygotes[key] = zygote
            return zygote

    def close(self):
        with self._lock:
            zygotes, self._zygotes = list(self._zygotes.values()), {}
        for zygote in zygotes:
            zygote.close()
        self._starter.shutdown(wait=False)


_default = None
_default_lock = threading.Lock()


def default_zygotes() -> Zygotes:
    """The process-wide zygotes (made on first use, so that a forked worker makes its own)."""
    global _default
    with _default_lock:
        if _default is None or _default._pid != os.getpid():
            _default = Zygotes()
        return _default
