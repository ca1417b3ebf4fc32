"""Runs a lesson's "try it" snippet (sandboxed, no tests): the code arrives on stdin; stdout and
stderr are merged so the learner sees prints and tracebacks in order. Standard library only.

Started ahead of time by the warm pool; blocks reading the code until it is given work.
"""
import builtins
import linecache
import os
import sys
import traceback

MEMORY_EXIT = 97  # tells the host that the snippet ran out of memory
NAME = "<snippet>"


def main():
    code = sys.stdin.buffer.read().decode("utf-8", "replace")
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)  # input() in a snippet gets end-of-file, not the host's data
    os.dup2(1, 2)
    sys.stderr = sys.stdout
    linecache.cache[NAME] = (len(code), None, code.splitlines(True), NAME)
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    try:
        exec(compile(code, NAME, "exec", dont_inherit=True), namespace)
    except SystemExit:
        raise
    except MemoryError:
        sys.stdout.flush()
        os._exit(MEMORY_EXIT)
    except BaseException as exc:  # the learner sees the traceback, as in a terminal
        tb = exc.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != NAME:
            tb = tb.tb_next
        traceback.print_exception(type(exc), exc, tb)
        sys.stdout.flush()
        os._exit(1)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
