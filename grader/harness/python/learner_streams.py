"""The learner's standard streams inside sandbox L (used by learner_agent.py).

While learner code runs, sys.stdout and sys.stderr keep what it prints until the next answer to
the tests sandbox, within the output limit; sys.stdin reads are answered by the tests.
"""
import io


class OutputLimit(BaseException):
    """Raised into the learner's code when it has printed more than allowed."""


class Capture(io.TextIOBase):
    """sys.stdout / sys.stderr while learner code runs: kept until the next answer to T."""

    def __init__(self, agent, stream):
        self.agent, self.stream = agent, stream

    def writable(self):
        return True

    @property
    def encoding(self):
        return "utf-8"

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        return self.agent.take_output(self.stream, str.__str__(text))

    @property
    def buffer(self):
        return CaptureBytes(self)


class CaptureBytes(io.RawIOBase):
    """sys.stdout.buffer: bytes are shown as text and count against the same output limit."""

    def __init__(self, text_stream):
        self.text_stream = text_stream

    def writable(self):
        return True

    def write(self, data):
        data = bytes(memoryview(data))
        self.text_stream.agent.take_output(self.text_stream.stream,
                                           data.decode("utf-8", "replace"))
        return len(data)


class TestsStdin(io.TextIOBase):
    """sys.stdin while learner code runs: reads are answered by T's sys.stdin, which the tests
    may have replaced (a StringIO, unittest.mock.patch) to feed input to the program."""

    def __init__(self, agent):
        self.agent = agent

    def readable(self):
        return True

    def read(self, size=-1):
        return self.agent.callback("stdin_read", (size if size is not None else -1,))

    def readline(self, size=-1):
        return self.agent.callback("stdin_readline", (size if size is not None else -1,))
