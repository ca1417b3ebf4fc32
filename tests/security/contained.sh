#!/usr/bin/env bash
# Runs a command (the security suite) inside its own pid namespace and, where the machine allows,
# a pids + memory cgroup, so that a sandbox regression during the attack suite cannot fork-bomb,
# exhaust memory or leave processes on the developer's machine: when the command ends, everything
# it started dies with its pid namespace.
set -euo pipefail
name="jobintech-security-$$"
cleanup() {
  for dir in "${cgroup_dirs[@]:-}"; do
    [ -n "$dir" ] && [ -d "$dir" ] || continue
    echo $$ > "$(dirname "$dir")/cgroup.procs" 2>/dev/null || true
    rmdir "$dir" 2>/dev/null || true
  done
}
cgroup_dirs=()
join() {  # join <cgroup dir> <file> <value>
  mkdir -p "$1" 2>/dev/null && echo "$3" > "$1/$2" 2>/dev/null && echo $$ > "$1/cgroup.procs" 2>/dev/null \
    && cgroup_dirs+=("$1")
}
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then            # cgroup v2
  join "/sys/fs/cgroup/$name" pids.max 2048 && echo 6G > "/sys/fs/cgroup/$name/memory.max" 2>/dev/null || true
else                                                          # cgroup v1, nested under our own
  own() { awk -F: -v c="$1" '$2 == c {print $3}' /proc/self/cgroup | sed 's#/$##'; }
  join "/sys/fs/cgroup/pids$(own pids)/$name" pids.max 2048 || true
  join "/sys/fs/cgroup/memory$(own memory)/$name" memory.limit_in_bytes $((6 * 1024 * 1024 * 1024)) || true
fi
if [ ${#cgroup_dirs[@]} -eq 0 ]; then
  echo "contained.sh: no writable cgroup here; relying on the pid namespace only" >&2
fi
trap cleanup EXIT
if unshare --pid --fork --mount-proc --kill-child true 2>/dev/null; then
  unshare --pid --fork --mount-proc --kill-child -- "$@"
else
  echo "contained.sh: cannot create a pid namespace (needs root or user namespaces); running uncontained" >&2
  "$@"
fi
