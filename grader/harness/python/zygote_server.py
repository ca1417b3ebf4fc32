"""Zygote: a sandboxed interpreter, harness already imported, that forks one isolated run per
request, so a submission pays for its own tests and not for an interpreter start-up.

Started once inside an outer bubblewrap sandbox by grader/zygote.py (see docs/decisions/
0005-zygote.md). At start it makes a user and pid namespace of its own (so that it may make pid
namespaces for its runs) and becomes K, their pid 1. For each request on the control socket (a
JSON header and the run's file descriptors) K makes a new pid namespace and two processes in it:

  I  its pid 1, which only keeps the namespace alive: made with CLONE_VM (it shares K's memory,
     so it costs no copy), all signals blocked, asleep in pause(). The host kills a run by
     killing I: the kernel then kills everything in the namespace.
  R  the run, pid 2, a fork of K: it mounts the namespace's /proc and its own /work, /tmp and
     /dev/shm in a new mount namespace, unshares new user, network, ipc, uts and cgroup
     namespaces, drops every capability, applies the full seccomp filter and its rlimits, then
     calls the entry point's main(fd, fd).

K waits for each R (through a pidfd), writes its exit code on the run's status pipe, then kills
its I. argv: CONTROL_FD FILTER_FD ENTRY_MODULE NAMESPACES, the last comma-separated
(user,mount,pid,...). Standard library only.
"""
import ctypes
import fcntl
import gc
import importlib
import io
import json
import os
import resource
import selectors
import signal
import socket
import struct
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))

NAMESPACES = {"mount": 0x00020000, "cgroup": 0x02000000, "uts": 0x04000000, "ipc": 0x08000000,
              "user": 0x10000000, "pid": 0x20000000, "net": 0x40000000}
REQUIRED = ("user", "mount", "pid")
MS_NOSUID, MS_NODEV, MS_NOEXEC = 2, 4, 8
MS_REC, MS_PRIVATE = 16384, 1 << 18
PR_SET_DUMPABLE, PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, PR_CAPBSET_DROP = 4, 38, 22, 24
PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 47, 4
SECCOMP_MODE_FILTER = 2
CAPABILITY_VERSION_3 = 0x20080522
TMPFS_BYTES = 64 * 1024 * 1024
SETUP_FAILED = 125  # R's exit status when the run's isolation could not be set up
CLONE_VM = 0x100
INIT_STACK = 16384

_libc = ctypes.CDLL(None, use_errno=True)
_libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong,
                        ctypes.c_char_p]
_libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong,
                        ctypes.c_ulong]
_libc.clone.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p]
_PAUSE = ctypes.cast(_libc.pause, ctypes.c_void_p).value


class SockFilter(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def _check(result, what):
    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def _mount(source, target, fstype, flags, data=None):
    _check(_libc.mount(source and source.encode(), target.encode(),
                       fstype and fstype.encode(), flags, data and data.encode()),
           f"mount {target}")


def _prctl(option, arg=0):
    _check(_libc.prctl(option, arg, 0, 0, 0), f"prctl {option}")


def _unshare(flags, what):
    _check(_libc.unshare(flags), f"unshare {what}")


def _map_ids(uid, gid):
    """Map our own uid and gid, and only them, into the user namespace we just made."""
    for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"),
                       ("gid_map", f"{gid} {gid} 1")):
        with open(f"/proc/self/{name}", "w", encoding="ascii") as handle:
            handle.write(text)


def become_pid_one():
    """Make K: a user namespace in which we may make pid namespaces, and pid 1 of our own pid
    namespace, whose runs' namespaces we can then enter and leave. The process bubblewrap started
    only waits for K, and ends as K ends."""
    uid, gid = os.getuid(), os.getgid()
    _unshare(NAMESPACES["user"] | NAMESPACES["pid"], "user, pid")
    _map_ids(uid, gid)
    k = os.fork()
    if k:
        _, status = os.waitpid(k, 0)
        os._exit(os.waitstatus_to_exitcode(status) & 0xFF)


class Run:
    """What K keeps of a run until it has ended: pidfds of R and I, the status pipe, I's stack."""

    def __init__(self, pid, init_pidfd, status_fd, stack):
        self.pidfd = os.pidfd_open(pid)
        self.init_pidfd, self.status_fd, self.stack = init_pidfd, status_fd, stack


class Zygote:
    def __init__(self, control_fd, seccomp_filter, entry, namespaces):
        self.control = socket.socket(fileno=control_fd)
        self.filter = seccomp_filter
        self.entry = entry
        self.run_namespaces = 0  # what R unshares after its mounts
        for name in set(namespaces) - {"mount", "pid"}:
            self.run_namespaces |= NAMESPACES[name]
        self.uid, self.gid = os.getuid(), os.getgid()
        self.home = os.open("/proc/self/ns/pid", os.O_RDONLY)  # K's own pid namespace
        with open("/proc/sys/kernel/cap_last_cap", encoding="ascii") as handle:
            self.cap_last = int(handle.read())
        self.selector = selectors.DefaultSelector()

    def serve(self):
        # K's memory is shared with every I: not dumpable, so that no run (same uid) can open it
        # through /proc/1/mem. Each R makes its own copy dumpable again.
        _prctl(PR_SET_DUMPABLE, 0)
        # Objects made so far are shared by every run: keep the collector off them, or it would
        # write to (and so copy) every page of the zygote in each run.
        gc.collect()
        gc.freeze()
        self.selector.register(self.control, selectors.EVENT_READ)
        while True:
            for key, _ in self.selector.select():
                if key.data is None:
                    if not self.take_request():
                        return
                elif isinstance(key.data, Run):
                    self.finish(key.data)
                else:  # an I that was killed: reap it (its stack goes with key.data)
                    self.selector.unregister(key.fileobj)
                    os.waitid(os.P_PIDFD, key.fileobj, os.WEXITED)
                    os.close(key.fileobj)

    def take_request(self):
        try:
            header, fds, _, _ = socket.recv_fds(self.control, 65536, 16)
        except OSError:
            return False
        if not header:
            return False  # the host closed the socket: the zygote's work is over
        try:
            request = json.loads(header)
            stdin, stdout, stderr, status, *extra = fds
            run = self.start_run(request, [stdin, stdout, stderr, *extra], status)
            fds.remove(status)  # K keeps it until the run ends
            self.selector.register(run.pidfd, selectors.EVENT_READ, run)
            socket.send_fds(self.control, [b"ok"], [run.init_pidfd])
        except Exception as exc:  # a bad request: say why, keep serving
            self.control.sendall(json.dumps({"error": repr(exc)}).encode())
        finally:
            for fd in fds:
                os.close(fd)
        return True

    def start_run(self, request, fds, status):
        sys.stdout.flush()
        sys.stderr.flush()
        _unshare(NAMESPACES["pid"], "pid")  # the next child is pid 1 of a new pid namespace
        try:
            init, stack = self.start_init()
            try:
                pid = os.fork()
            except OSError:
                os.kill(init, signal.SIGKILL)
                os.waitpid(init, 0)
                raise
            if pid == 0:
                self.run(request, fds)  # never returns
        finally:  # in K: the namespace is this run's alone; K's next run needs a new one
            if _libc.setns(self.home, NAMESPACES["pid"]) != 0:
                os.write(2, f"zygote: setns: {os.strerror(ctypes.get_errno())}\n".encode())
                os._exit(1)  # no more runs can be isolated: let the host start a new zygote
        return Run(pid, os.pidfd_open(init), status, stack)

    @staticmethod
    def start_init():
        """I: a process that shares K's memory and sleeps in pause() with every signal blocked
        (a Python signal handler must never run in it). SIGKILL still ends it."""
        stack = ctypes.create_string_buffer(INIT_STACK)
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, signal.valid_signals())
        try:
            init = _libc.clone(_PAUSE, ctypes.addressof(stack) + INIT_STACK - 64,
                               CLONE_VM | signal.SIGCHLD, None)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        if init <= 0:
            raise OSError(ctypes.get_errno(), "clone: " + os.strerror(ctypes.get_errno()))
        return init, stack

    def finish(self, run):
        """R has ended: report its exit code, then end its namespace by killing I."""
        self.selector.unregister(run.pidfd)
        info = os.waitid(os.P_PIDFD, run.pidfd, os.WEXITED)
        os.close(run.pidfd)
        code = info.si_status if info.si_code == os.CLD_EXITED else -info.si_status
        try:
            os.write(run.status_fd, struct.pack("=i", code))
        except OSError:  # the host has stopped listening
            pass
        os.close(run.status_fd)
        try:
            signal.pidfd_send_signal(run.init_pidfd, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.selector.register(run.init_pidfd, selectors.EVENT_READ, ("init", run.stack))

    # -- R: the run ---------------------------------------------------------------------------
    def run(self, request, fds):
        err = fds[2]  # where a setup failure is said, until the run's stderr is fd 2
        try:
            _prctl(PR_SET_DUMPABLE, 1)  # R's memory is its own copy (and /proc/self needs it)
            self.control.close()
            os.close(self.home)
            self.isolate()
            self.drop_privileges()
            # The run's descriptors become 0, 1, 2, 3...; every other one K had is closed. They
            # go through copies above all of them first, so that none overwrites another.
            base = max([*fds, 2]) + 1
            copies = [fcntl.fcntl(fd, fcntl.F_DUPFD, base) for fd in fds]
            start = 0
            for kept in sorted(copies):
                os.closerange(start, kept)
                start = kept + 1
            os.closerange(start, 1 << 16)
            for target, copy in enumerate(copies):
                os.dup2(copy, target)
                os.close(copy)
            err = 2
            for which, soft, hard in request["rlimits"]:  # grader.sandbox.rlimits()
                resource.setrlimit(which, (soft, hard))
            self.reset_stdio()
            entry_args = list(range(3, len(fds)))
        except BaseException as exc:
            try:
                os.write(err, f"the run could not be isolated: {exc!r}\n".encode())
            except OSError:
                pass
            os._exit(SETUP_FAILED)
        try:
            sys.modules["__main__"] = self.entry
            sys.argv = [self.entry.__file__]
            self.entry.main(*entry_args)
        except SystemExit as exc:
            code = exc.code
            os._exit(code if isinstance(code, int) else (0 if code is None else 1))
        except BaseException:
            import traceback
            traceback.print_exc()
            os._exit(1)
        os._exit(0)

    def isolate(self):
        # Still with K's capabilities: a mount namespace of the run's own, its /proc, and the
        # only places it can write. The outer sandbox made /, /dev and an empty /dev/pts
        # read-only (grader/sandbox.py). Then the namespaces that R's own user namespace owns.
        _unshare(NAMESPACES["mount"], "mount")
        _mount(None, "/", None, MS_REC | MS_PRIVATE)
        _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
        size = f"size={TMPFS_BYTES}"
        _mount("tmpfs", "/work", "tmpfs", MS_NOSUID | MS_NODEV, f"{size},mode=0755")
        _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, f"{size},mode=1777")
        _mount("tmpfs", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, f"{size},mode=1777")
        os.chdir("/work")
        _unshare(self.run_namespaces, "user, net, ipc, uts, cgroup")
        _map_ids(self.uid, self.gid)

    def drop_privileges(self):
        for cap in range(self.cap_last + 1):
            _prctl(PR_CAPBSET_DROP, cap)
        _check(_libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0), "ambient caps")
        header = struct.pack("=Ii", CAPABILITY_VERSION_3, 0)
        data = bytes(24)  # two empty {effective, permitted, inheritable} sets
        _check(_libc.capset(header, data), "capset")
        _prctl(PR_SET_NO_NEW_PRIVS, 1)
        program = ctypes.create_string_buffer(self.filter)
        fprog = SockFilter(len(self.filter) // 8, ctypes.addressof(program))
        _check(_libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.addressof(fprog), 0, 0),
               "seccomp")

    @staticmethod
    def reset_stdio():
        def stream(fd, mode):
            raw = io.FileIO(fd, mode, closefd=False)
            buffered = io.BufferedReader(raw) if mode == "r" else io.BufferedWriter(raw)
            return io.TextIOWrapper(buffered, encoding="utf-8", line_buffering=fd == 2,
                                    errors="backslashreplace" if fd == 2 else "strict")
        sys.stdin = sys.__stdin__ = stream(0, "r")
        sys.stdout = sys.__stdout__ = stream(1, "w")
        sys.stderr = sys.__stderr__ = stream(2, "w")


def add_site_packages():
    """The interpreter runs with -S, so that no .pth file runs code (and takes memory) in the
    zygote; learner code still finds the packages installed next to the interpreter."""
    import site
    for folder in site.getsitepackages():
        if os.path.isdir(folder) and folder not in sys.path:
            sys.path.append(folder)


def main():
    control_fd, filter_fd, entry_name = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    namespaces = sys.argv[4].split(",")
    if set(namespaces) - set(NAMESPACES) or not set(REQUIRED) <= set(namespaces):
        sys.exit(f"zygote: bad namespaces {sys.argv[4]!r}: {', '.join(REQUIRED)} are needed")
    become_pid_one()
    add_site_packages()
    with os.fdopen(filter_fd, "rb") as handle:
        seccomp_filter = handle.read()
    sys.path.insert(0, _HERE)
    entry = importlib.import_module(entry_name)
    sys.path.remove(_HERE)
    sys.modules[f"_jobintech_{entry_name}"] = sys.modules.pop(entry_name)
    sys.modules["_jobintech_zygote"] = sys.modules["__main__"]
    Zygote(control_fd, seccomp_filter, entry, namespaces).serve()


if __name__ == "__main__":
    main()
