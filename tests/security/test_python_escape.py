"""Escape attempts from Python learner code: each `add` is right only if the escape worked."""
import platform
import socket

import pytest

from tests.security.conftest import assert_no_host_file, assert_not_passed, grade_python

pytestmark = pytest.mark.sandbox

ESCAPES = {
    "tcp_to_host_postgresql": """
import socket
def add(a, b):
    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=1).close()
        return a + b
    except OSError:
        return None
""",
    "tcp_to_host_redis_via_ipv6": """
import socket
def add(a, b):
    try:
        socket.create_connection(("::1", 6379), timeout=1).close()
        return a + b
    except OSError:
        return None
""",
    "dns_lookup": """
import socket
def add(a, b):
    try:
        socket.getaddrinfo("pypi.org", 443)
        return a + b
    except OSError:
        return None
""",
    "udp_out": """
import socket
def add(a, b):
    try:
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.sendto(b"x", ("9.9.9.9", 53))
        return a + b
    except OSError:
        return None
""",
    "raw_socket": """
import socket
def add(a, b):
    try:
        socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
        return a + b
    except OSError:
        return None
""",
    "read_host_passwd_and_shadow": """
def add(a, b):
    for path in ("/etc/passwd", "/etc/shadow", "/root/.bash_history", "/work/main/setup.py"):
        try:
            open(path).read()
            return a + b
        except OSError:
            pass
    return None
""",
    "symlink_to_host_file": """
import os
def add(a, b):
    try:
        os.symlink("/etc/hostname", "link")
        open("link").read()
        return a + b
    except OSError:
        return None
""",
    "see_host_processes": """
import os
def add(a, b):
    for pid in (p for p in os.listdir("/proc") if p.isdigit()):
        try:
            cmdline = open(f"/proc/{pid}/cmdline", "rb").read()
        except OSError:
            continue
        if b"pytest" in cmdline or b"postgres" in cmdline or b"redis" in cmdline:
            return a + b
    return None
""",
    "read_other_process_memory": """
def add(a, b):
    try:
        with open("/proc/1/mem", "rb") as f:
            f.seek(0x400000)
            f.read(16)
        return a + b
    except OSError:
        return None
""",
    "find_the_hidden_test_files": """
import os
def add(a, b):
    for root, dirs, files in os.walk("/"):
        if root.startswith(("/proc", "/sys", "/usr")):
            dirs[:] = []
            continue
        if "test_attack.py" in files:
            return a + b
    return None
""",
    "write_to_system_dirs": """
def add(a, b):
    for path in ("/usr/lib/evil.so", "/usr/bin/evil", "/etc/cron.d/evil"):
        try:
            open(path, "w").write("x")
            return a + b
        except OSError:
            pass
    return None
""",
    "device_access": """
def add(a, b):
    for path in ("/dev/mem", "/dev/kmsg", "/dev/sda", "/dev/vda", "/dev/kvm"):
        try:
            open(path, "rb").read(1)
            return a + b
        except OSError:
            pass
    return None
""",
    "sysfs_and_cgroups": """
import os
def add(a, b):
    return a + b if os.path.exists("/sys/fs/cgroup") or os.path.exists("/sys/kernel") else None
""",
    "mount_tmpfs": """
import ctypes
def add(a, b):
    libc = ctypes.CDLL(None, use_errno=True)
    return a + b if libc.mount(b"none", b"/usr", b"tmpfs", 0, None) == 0 else None
""",
    "new_user_namespace": """
import ctypes
def add(a, b):
    libc = ctypes.CDLL(None, use_errno=True)
    return a + b if libc.unshare(0x10000000) == 0 else None
""",
    "clone3_namespace": """
import ctypes, struct
def add(a, b):
    libc = ctypes.CDLL(None, use_errno=True)
    args = ctypes.create_string_buffer(struct.pack("QQQQQQQQ", 0x10000000 | 0x20000000, 0, 0, 0, 17, 0, 0, 0), 88)
    pid = libc.syscall(435, args, 88)
    if pid == 0:
        libc._exit(0)
    return a + b if pid > 0 else None
""",
    "become_root": """
import os
def add(a, b):
    try:
        os.setuid(0)
        return a + b if os.getuid() == 0 else None
    except OSError:
        return None
""",
    "ptrace_attach": """
import ctypes
def add(a, b):
    libc = ctypes.CDLL(None, use_errno=True)
    return a + b if libc.ptrace(16, 1, None, None) == 0 else None
""",
    "kernel_keyring": """
import ctypes
def add(a, b):
    libc = ctypes.CDLL(None, use_errno=True)
    key = libc.syscall(248, b"user", b"jobintech", b"secret", 6, -2)
    return a + b if key >= 0 else None
""",
    "ebpf_and_perf": """
import ctypes
def add(a, b):
    libc = ctypes.CDLL(None, use_errno=True)
    attr = ctypes.create_string_buffer(128)
    if libc.syscall(321, 0, attr, 128) >= 0 or libc.syscall(298, attr, 0, -1, -1, 0) >= 0:
        return a + b
    return None
""",
    "io_uring": """
import ctypes
def add(a, b):
    libc = ctypes.CDLL(None, use_errno=True)
    params = ctypes.create_string_buffer(120)
    return a + b if libc.syscall(425, 8, params) >= 0 else None
""",
    "reboot_and_modules": """
import ctypes
def add(a, b):
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.syscall(169, 0xfee1dead, 672274793, 0x4321FEDC, None) == 0:
        return a + b
    if libc.syscall(313, 0, b"", 0) == 0:
        return a + b
    return None
""",
    "kill_everything_visible": """
import os, signal
def add(a, b):
    try:
        os.kill(-1, signal.SIGKILL)
    except OSError:
        pass
    return None
""",
}


@pytest.mark.parametrize("name", sorted(ESCAPES))
def test_escape_fails(name):
    verdict = grade_python(ESCAPES[name])
    assert_not_passed(verdict)


def test_writing_host_tmp_leaves_nothing(marker):
    code = f"""
def add(a, b):
    for d in ("/tmp", "/var/tmp", "/dev/shm", "/work"):
        try:
            open(d + "/{marker}", "w").write("pwned")
        except OSError:
            pass
    return None
"""
    assert_not_passed(grade_python(code))
    assert_no_host_file(marker)


def test_redis_on_the_host_is_untouched(marker):
    code = f"""
import socket
def add(a, b):
    try:
        s = socket.create_connection(("127.0.0.1", 6379), timeout=1)
        s.sendall(b"SET {marker} pwned\\r\\n")
        return a + b
    except OSError:
        return None
"""
    assert_not_passed(grade_python(code))
    with socket.create_connection(("127.0.0.1", 6379), timeout=2) as s:
        s.sendall(f"EXISTS {marker}\r\n".encode())
        assert s.recv(64) == b":0\r\n"


@pytest.mark.skipif(platform.machine() != "x86_64", reason="i386 system call gate is x86 only")
def test_32bit_syscall_gate_is_killed():
    # `int 0x80` enters the i386 system call table, which a naive filter would not check.
    code = """
import ctypes, mmap
def add(a, b):
    buf = mmap.mmap(-1, 4096, prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
    buf.write(bytes([0xb8, 0x14, 0, 0, 0, 0xcd, 0x80, 0xc3]))  # mov eax, 20 (getpid); int 0x80; ret
    addr = ctypes.addressof(ctypes.c_char.from_buffer(buf))
    pid = ctypes.CFUNCTYPE(ctypes.c_int)(addr)()
    return a + b if pid > 0 else None
"""
    assert_not_passed(grade_python(code))
