"""A seccomp-BPF deny-list for sandboxed runs, handed to bubblewrap with `--seccomp FD`.

Namespaces already take away most of the kernel's dangerous surface; this filter removes what
namespaces do not: kernel keyrings, eBPF, perf, io_uring, userfaultfd, module loading, ptrace and
cross-process memory access, nested namespaces (so learner code cannot build a sandbox of its own
to fool the harness), and the 32-bit / x32 system call tables that would bypass the checks.
Written by hand (a few dozen BPF instructions) so that the grader needs no libseccomp binding.
"""
from __future__ import annotations

import errno
import os
import platform
import struct

# Syscall numbers: x86_64 and aarch64 (asm-generic). Missing on an arch = None.
_DENIED = {
    #                       x86_64 aarch64
    "ptrace":               (101, 117),
    "process_vm_readv":     (310, 270),
    "process_vm_writev":    (311, 271),
    "kcmp":                 (312, 272),
    "mount":                (165, 40),
    "umount2":              (166, 39),
    "pivot_root":           (155, 41),
    "chroot":               (161, 51),
    "swapon":               (167, 224),
    "swapoff":              (168, 225),
    "reboot":               (169, 142),
    "sethostname":          (170, 161),
    "setdomainname":        (171, 162),
    "init_module":          (175, 105),
    "finit_module":         (313, 273),
    "delete_module":        (176, 106),
    "kexec_load":           (246, 104),
    "kexec_file_load":      (320, 294),
    "acct":                 (163, 89),
    "settimeofday":         (164, 170),
    "clock_settime":        (227, 112),
    "clock_adjtime":        (305, 266),
    "adjtimex":             (159, 171),
    "iopl":                 (172, None),
    "ioperm":               (173, None),
    "syslog":               (103, 116),
    "quotactl":             (179, 60),
    "lookup_dcookie":       (212, 18),
    "vhangup":              (153, 58),
    "unshare":              (272, 97),
    "setns":                (308, 268),
    "keyctl":               (250, 219),
    "add_key":              (248, 217),
    "request_key":          (249, 218),
    "bpf":                  (321, 280),
    "perf_event_open":      (298, 241),
    "userfaultfd":          (323, 282),
    "io_uring_setup":       (425, 425),
    "io_uring_enter":       (426, 426),
    "io_uring_register":    (427, 427),
    "open_by_handle_at":    (304, 265),
    "name_to_handle_at":    (303, 264),
    "fanotify_init":        (300, 262),
    "personality":          (135, 92),
    "move_pages":           (279, 239),
    "migrate_pages":        (256, 238),
    "mbind":                (237, 235),
    "set_mempolicy":        (238, 237),
    "fsopen":               (430, 430),
    "fsconfig":             (431, 431),
    "fsmount":              (432, 432),
    "fspick":               (433, 433),
    "move_mount":           (429, 429),
    "open_tree":            (428, 428),
    "mount_setattr":        (442, 442),
    "pidfd_getfd":          (438, 438),
}
_ZYGOTE_ALLOWED = ("unshare", "mount", "setns")
# clone3 passes its flags in memory that BPF cannot read: refuse it with ENOSYS so that libc
# falls back to clone(2), whose flags we can check.
_CLONE3 = (435, 435)
_CLONE = (56, 220)
_NAMESPACE_FLAGS = 0x10000000 | 0x20000000 | 0x40000000 | 0x04000000 | 0x08000000 | 0x00020000 | 0x02000000
#                  NEWUSER      NEWPID       NEWNET       NEWUTS       NEWIPC       NEWNS        NEWCGROUP

_ARCHES = {"x86_64": (0, 0xC000003E), "aarch64": (1, 0xC00000B7)}  # AUDIT_ARCH_*
_X32_BIT = 0x40000000

# BPF opcodes
_LD_W_ABS = 0x20
_JEQ_K = 0x15
_JSET_K = 0x45
_JGE_K = 0x35
_RET_K = 0x06
_RET_ALLOW = 0x7FFF0000
_RET_KILL = 0x80000000  # SECCOMP_RET_KILL_PROCESS
_RET_ERRNO = 0x00050000


def _insn(code, jt, jf, k):
    return struct.pack("HBBI", code, jt, jf, k & 0xFFFFFFFF)


def build_filter(machine: str | None = None, allow_namespaces: bool = False) -> bytes:
    """The BPF program (struct sock_filter[]) for this machine's architecture.
    *allow_namespaces*: the outer filter of a zygote (grader.zygote), which makes each run's
    namespaces and mounts and then applies the full filter to the run; it allows unshare, setns and
    mount, nothing more."""
    machine = machine or platform.machine()
    if machine not in _ARCHES:
        raise RuntimeError(f"no seccomp filter for architecture {machine!r}")
    column, audit_arch = _ARCHES[machine]
    allowed = _ZYGOTE_ALLOWED if allow_namespaces else ()
    denied = sorted({nums[column] for name, nums in _DENIED.items()
                     if nums[column] is not None and name not in allowed})
    eperm = _RET_ERRNO | errno.EPERM
    prog = [
        _insn(_LD_W_ABS, 0, 0, 4),               # seccomp_data.arch
        _insn(_JEQ_K, 1, 0, audit_arch),
        _insn(_RET_K, 0, 0, _RET_KILL),          # any other ABI (i386 via int 0x80...)
        _insn(_LD_W_ABS, 0, 0, 0),               # seccomp_data.nr
    ]
    if machine == "x86_64":
        prog += [_insn(_JGE_K, 0, 1, _X32_BIT), _insn(_RET_K, 0, 0, _RET_KILL)]
    prog += [_insn(_JEQ_K, 0, 1, _CLONE3[column]), _insn(_RET_K, 0, 0, _RET_ERRNO | errno.ENOSYS)]
    # clone: refuse namespace flags (args[0], low 32 bits at offset 16)
    prog += [
        _insn(_JEQ_K, 0, 4, _CLONE[column]),
        _insn(_LD_W_ABS, 0, 0, 16),
        _insn(_JSET_K, 0, 1, _NAMESPACE_FLAGS),
        _insn(_RET_K, 0, 0, eperm),
        _insn(_RET_K, 0, 0, _RET_ALLOW),
    ]
    for i, nr in enumerate(denied):
        prog.append(_insn(_JEQ_K, len(denied) - i, 0, nr))
    prog.append(_insn(_RET_K, 0, 0, _RET_ALLOW))
    prog.append(_insn(_RET_K, 0, 0, eperm))
    return b"".join(prog)


def filter_fd(allow_namespaces: bool = False) -> int:
    """A file descriptor holding the filter, positioned at 0, for `bwrap --seccomp FD`."""
    fd = os.memfd_create("jobintech-seccomp", 0)
    os.write(fd, build_filter(allow_namespaces=allow_namespaces))
    os.lseek(fd, 0, os.SEEK_SET)
    return fd
