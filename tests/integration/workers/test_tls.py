"""amqps:// and rediss:// are verified: with the site's CA the service works; with a certificate
the caller cannot verify, it refuses to send learner code and hidden tests to it."""
from __future__ import annotations

import shutil

import pytest

from grader import api
from tests.integration.workers.tls_proxy import TLSProxy, make_ca_and_server_cert

pytestmark = [pytest.mark.services, pytest.mark.sandbox,
              pytest.mark.skipif(shutil.which("bwrap") is None, reason="needs bubblewrap")]


@pytest.fixture(scope="module")
def tls(tmp_path_factory, services):
    ca, cert, key = make_ca_and_server_cert(tmp_path_factory.mktemp("tls"))
    rabbit = TLSProxy(("127.0.0.1", 5672), cert, key)
    redis = TLSProxy(("127.0.0.1", 6379), cert, key)
    yield ca, rabbit, redis
    rabbit.close()
    redis.close()


def _urls(rabbit, redis):
    return {"JOBINTECH_GRADER_BROKER": f"amqps://guest:guest@localhost:{rabbit.port}//",
            "JOBINTECH_GRADER_RESULTS": f"rediss://localhost:{redis.port}/0"}


def test_verified_tls_to_broker_and_results(tls, shared_worker, use_workers):
    ca, rabbit, redis = tls
    use_workers(shared_worker.queue, JOBINTECH_GRADER_TLS_CA=str(ca), **_urls(rabbit, redis))
    verdict = api.run_snippet("python", "print('chiffré')")
    assert (verdict.status, verdict.output) == ("ok", "chiffré\n"), verdict.message


def test_redis_broker_over_tls(tls, use_workers, scratch_queue):
    ca, _, redis = tls
    url = f"rediss://localhost:{redis.port}/0"
    use_workers(scratch_queue, JOBINTECH_GRADER_TLS_CA=str(ca), JOBINTECH_GRADER_BROKER=url,
                JOBINTECH_GRADER_RESULTS=url, JOBINTECH_GRADER_TIMEOUT="1")
    verdict = api.run_snippet("python", "print(1)")
    # No worker reads that queue on the Redis broker: the job got through TLS and timed out.
    assert verdict.status == "error" and "did not answer" in verdict.message


@pytest.fixture
def fresh_proxies(tmp_path, services):
    # Proxies of their own: kombu pools broker connections per process by host, port and user,
    # not by TLS options, so a verified connection to the module's proxy would be reused.
    _, cert, key = make_ca_and_server_cert(tmp_path)
    rabbit = TLSProxy(("127.0.0.1", 5672), cert, key)
    redis = TLSProxy(("127.0.0.1", 6379), cert, key)
    yield rabbit, redis
    rabbit.close()
    redis.close()


@pytest.mark.parametrize("which", ["broker", "results"])
def test_an_unverifiable_certificate_is_refused(fresh_proxies, shared_worker, use_workers, which):
    rabbit, redis = fresh_proxies
    urls = _urls(rabbit, redis)
    if which == "broker":
        urls["JOBINTECH_GRADER_RESULTS"] = "redis://127.0.0.1:6379/0"
    else:
        urls["JOBINTECH_GRADER_BROKER"] = "amqp://guest:guest@127.0.0.1:5672//"
    failed_before = rabbit.handshakes_failed + redis.handshakes_failed
    use_workers(shared_worker.queue, **urls)  # no JOBINTECH_GRADER_TLS_CA: the test CA is unknown
    verdict = api.run_snippet("python", "print('secret')")
    assert verdict.status == "error" and "unreachable" in verdict.message
    assert "CERTIFICATE_VERIFY_FAILED" in verdict.message.upper().replace(" ", "_")
    assert rabbit.handshakes_failed + redis.handshakes_failed > failed_before
