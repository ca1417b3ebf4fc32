"""The attack suite must notice a weaker sandbox: with the network namespace removed, the
network escape succeeds, which is exactly what test_python_escape checks does not happen."""
import pytest

from grader import sandbox, zygote
from tests.security.conftest import grade_python
from tests.security.test_python_escape import ESCAPES

pytestmark = pytest.mark.sandbox


def test_without_a_network_namespace_the_escape_passes(monkeypatch):
    real = sandbox._bwrap_argv

    def weakened(*args, **kwargs):
        return [a for a in real(*args, **kwargs) if a != "--unshare-net"]

    monkeypatch.setattr(sandbox, "_bwrap_argv", weakened)
    monkeypatch.setattr(zygote, "RUN_NAMESPACES",
                        tuple(n for n in zygote.RUN_NAMESPACES if n != "net"))
    monkeypatch.setattr(zygote, "_default", None)  # zygotes started after the weakening
    monkeypatch.setenv("JOBINTECH_WARM_POOL", "0")
    from grader import pool
    monkeypatch.setattr(pool, "_default_pool", None)  # no sandbox started before the weakening
    try:
        verdict = grade_python(ESCAPES["tcp_to_host_postgresql"])
    finally:
        zygote.default_zygotes().close()
    assert verdict.passed > 0, "the weakened sandbox let the escape through, and the suite sees it"
