"""Zygote: a sandboxed interpreter, harness already imported, that forks one isolated run per
request, so a submission pays for its own tests and not for an interpreter start-up.

Started once inside an outer bubblewrap sandbox by grader/zygote.py (see docs/decisions/
0005-zygote.md). For each request on the control socket (a JSON header and the run's file
descriptors) it forks three processes:

  C  unshares new user, mount, pid, network, ipc, uts and cgroup namespaces; gives the run its
     own /work, /tmp and /dev/shm; makes everything else read-only; forks G, waits for it and
     writes its exit status on the run's status pipe. The host kills a run by killing C.
  G  pid 1 of the new pid namespace: mounts its /proc, forks H, reaps orphans and ends when H
     ends (its parent-death signal ties it to C; the kernel then kills the whole namespace).
  H  the run: its own stdio, rlimits, no capabilities, no new privileges, the full seccomp
     filter, then the entry point's main(fd, fd).

argv: CONTROL_FD FILTER_FD ENTRY_MODULE NAMESPACES INIT. NAMESPACES: comma-separated (user,mount,
pid,...). INIT: "init" for G as above; "direct" makes H itself pid 1, which saves a fork of the
whole interpreter per run but changes what a run sees of signals (pid 1 ignores those it has no
handler for) and leaves orphans unreaped: for trusted code (the tests' side) only.
Standard library only.
"""
import ctypes
import gc
import importlib
import io
import json
import os
import resource
import select
import signal
import socket
import struct
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))

NAMESPACES = {"mount": 0x00020000, "cgroup": 0x02000000, "uts": 0x04000000, "ipc": 0x08000000,
              "user": 0x10000000, "pid": 0x20000000, "net": 0x40000000}
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE, MS_RELATIME = 32, 4096, 16384, 1 << 18, 1 << 21
PR_SET_PDEATHSIG, PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, PR_CAPBSET_DROP = 1, 38, 22, 24
PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 47, 4
SECCOMP_MODE_FILTER = 2
CAPABILITY_VERSION_3 = 0x20080522
TMPFS_BYTES = 64 * 1024 * 1024
SETUP_FAILED = 125  # G's exit status when the run's isolation could not be set up

_libc = ctypes.CDLL(None, use_errno=True)
_libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong,
                        ctypes.c_char_p]
_libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong,
                        ctypes.c_ulong]


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


class Zygote:
    def __init__(self, control_fd, seccomp_filter, entry, namespaces, with_init):
        self.control = socket.socket(fileno=control_fd)
        self.namespaces = namespaces
        self.with_init = with_init
        self.filter = seccomp_filter
        self.entry = entry
        self.pid = os.getpid()
        self.uid, self.gid = os.getuid(), os.getgid()
        with open("/proc/sys/kernel/cap_last_cap", encoding="ascii") as handle:
            self.cap_last = int(handle.read())

    def serve(self):
        signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # C processes reap themselves
        # Objects made so far are shared by every run: keep the collector off them, or it would
        # write to (and so copy) every page of the zygote in each run.
        gc.collect()
        gc.freeze()
        while True:
            try:
                header, fds, _, _ = socket.recv_fds(self.control, 65536, 16)
            except OSError:
                return
            if not header:
                return  # the host closed the socket: the zygote's work is over
            try:
                request = json.loads(header)
                child = self.fork_run(request, fds)
                pidfd = os.pidfd_open(child)
                try:
                    socket.send_fds(self.control, [b"ok"], [pidfd])
                finally:
                    os.close(pidfd)
            except Exception as exc:  # a bad request: say why, keep serving
                self.control.sendall(json.dumps({"error": repr(exc)}).encode())
            finally:
                for fd in fds:
                    os.close(fd)

    # -- C: namespaces and mounts -------------------------------------------------------------
    def fork_run(self, request, fds):
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid:
            return pid
        try:
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
            if os.getppid() != self.pid:
                os._exit(SETUP_FAILED)
            self.control.close()
            stdin, stdout, stderr, status, *extra = fds
            self.isolate()
            alive_r, alive_w = os.pipe()  # the child sees end-of-file on alive_r if C is gone
            child = os.fork()
            if child == 0:
                os.close(alive_w)
                self.enter(alive_r)
                if self.with_init:
                    self.init(request, [stdin, stdout, stderr, *extra])
                self.run(request, [stdin, stdout, stderr, *extra])
            for fd in (stdin, stdout, stderr, alive_r, *extra):
                os.close(fd)
            _, wait_status = os.waitpid(child, 0)
            os.write(status, struct.pack("=i", wait_status))
        except BaseException:
            os._exit(SETUP_FAILED)
        os._exit(0)

    def isolate(self):
        flags = 0
        for name in self.namespaces:
            flags |= NAMESPACES[name]
        _check(_libc.unshare(flags), "unshare")
        for name, text in (("setgroups", "deny"), ("uid_map", f"{self.uid} {self.uid} 1"),
                           ("gid_map", f"{self.gid} {self.gid} 1")):
            with open(f"/proc/self/{name}", "w", encoding="ascii") as handle:
                handle.write(text)
        _mount(None, "/", None, MS_REC | MS_PRIVATE)
        # Locked flags inherited from the outer sandbox must be kept on a remount.
        kept = MS_NOSUID | MS_NODEV | MS_RELATIME
        for target in ("/", "/dev"):
            _mount(None, target, None, MS_REMOUNT | MS_BIND | MS_RDONLY | kept)
        size = f"size={TMPFS_BYTES}"
        _mount("tmpfs", "/work", "tmpfs", MS_NOSUID | MS_NODEV, f"{size},mode=0755")
        _mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, f"{size},mode=1777")
        if os.path.isdir("/dev/shm"):
            _mount("tmpfs", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, f"{size},mode=1777")
        if os.path.isdir("/dev/pts"):  # the outer sandbox's ptys would be shared between runs
            _mount("tmpfs", "/dev/pts", "tmpfs", MS_NOSUID | MS_NODEV | MS_RDONLY, "size=4k")

    # -- G: pid 1 of the run ------------------------------------------------------------------
    def enter(self, alive_r):
        """First steps of pid 1 of the new pid namespace: die with C, and mount its /proc."""
        try:
            _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
            if select.select([alive_r], [], [], 0)[0]:
                os._exit(SETUP_FAILED)  # C died before the parent-death signal was set
            os.close(alive_r)
            _mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
        except BaseException:
            os._exit(SETUP_FAILED)

    def init(self, request, fds):
        try:
            h = os.fork()
            if h == 0:
                self.run(request, fds)
            for fd in fds:
                os.close(fd)
        except BaseException:
            os._exit(SETUP_FAILED)
        while True:  # reap orphans until the run itself ends
            pid, wait_status = os.wait()
            if pid == h:
                break
        code = os.waitstatus_to_exitcode(wait_status)
        os._exit(code if code >= 0 else 128 - code)

    # -- H: the run ---------------------------------------------------------------------------
    def run(self, request, fds):
        try:
            os.chdir("/work")
            stdin, stdout, stderr, *extra = fds
            for target, fd in enumerate([stdin, stdout, stderr, *extra]):
                os.dup2(fd, target + 100)
            os.closerange(0, 100)
            os.closerange(100 + 3 + len(extra), 1 << 16)
            for target in range(3 + len(extra)):
                os.dup2(target + 100, target)
                os.close(target + 100)
            limits = request["limits"]
            self.set_rlimits(limits, request.get("memory", "as"))
            self.drop_privileges()
            self.reset_stdio()
            entry_args = list(range(3, 3 + len(extra)))
        except BaseException as exc:
            os.write(2, f"the run could not be isolated: {exc!r}\n".encode())
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

    def set_rlimits(self, limits, memory):
        cpu = max(1, int(float(limits["cpu_seconds"]) + 0.999))
        mem = int(limits["memory_mb"]) * 1024 * 1024
        size = int(limits["file_size_kb"]) * 1024
        procs = int(limits["max_processes"])
        mem_kind = resource.RLIMIT_AS if memory == "as" else resource.RLIMIT_DATA
        for which, value in ((resource.RLIMIT_CPU, (cpu, cpu + 1)), (mem_kind, (mem, mem)),
                             (resource.RLIMIT_NPROC, (procs, procs)),
                             (resource.RLIMIT_FSIZE, (size, size)),
                             (resource.RLIMIT_NOFILE, (256, 256)), (resource.RLIMIT_CORE, (0, 0))):
            resource.setrlimit(which, value)

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
    add_site_packages()
    control_fd, filter_fd, entry_name = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    namespaces = sys.argv[4].split(",")
    unknown = set(namespaces) - set(NAMESPACES)
    if unknown or not {"user", "mount", "pid"} <= set(namespaces):
        sys.exit(f"zygote: bad namespaces {sys.argv[4]!r}: user, mount and pid are needed")
    with_init = sys.argv[5] == "init"
    with os.fdopen(filter_fd, "rb") as handle:
        seccomp_filter = handle.read()
    sys.path.insert(0, _HERE)
    entry = importlib.import_module(entry_name)
    sys.path.remove(_HERE)
    sys.modules[f"_jobintech_{entry_name}"] = sys.modules.pop(entry_name)
    sys.modules["_jobintech_zygote"] = sys.modules["__main__"]
    Zygote(control_fd, seccomp_filter, entry, namespaces, with_init).serve()


if __name__ == "__main__":
    main()
