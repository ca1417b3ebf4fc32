"""Where the grading service is: read from the environment, checked, with fixes in the errors.

    JOBINTECH_GRADER_BACKEND   local (default: grade in this process) | celery (send to workers)
    JOBINTECH_GRADER_BROKER    amqp://user:password@host:5672/vhost  or  redis://host:6379/0
    JOBINTECH_GRADER_RESULTS   redis://host:6379/1 (default: the broker's URL when it is Redis)
    JOBINTECH_GRADER_TIMEOUT   seconds a caller waits beyond the exercise's wall limit (default 30)
    JOBINTECH_GRADER_QUEUE     the queue workers read (default jobintech.grading)
    JOBINTECH_GRADER_TLS_CA    CA file that signed the broker's and Redis's certificates, for
                               amqps:// and rediss:// URLs (default: the system's CAs)
"""
from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass

BACKEND_ENV = "JOBINTECH_GRADER_BACKEND"
BROKER_ENV = "JOBINTECH_GRADER_BROKER"
RESULTS_ENV = "JOBINTECH_GRADER_RESULTS"
TIMEOUT_ENV = "JOBINTECH_GRADER_TIMEOUT"
QUEUE_ENV = "JOBINTECH_GRADER_QUEUE"
TLS_CA_ENV = "JOBINTECH_GRADER_TLS_CA"
TLS_SCHEMES = ("amqps", "rediss")

BACKENDS = ("local", "celery")
DEFAULT_QUEUE = "jobintech.grading"
DEFAULT_TIMEOUT = 30.0
BROKER_SCHEMES = ("amqp", "amqps", "pyamqp", "redis", "rediss")
RESULTS_SCHEMES = ("redis", "rediss", "rpc")
_QUEUE_NAME = re.compile(r"^[A-Za-z0-9_.:\-]{1,200}$")


class SettingsError(ValueError):
    """A grading-service setting is missing or wrong; the message names it and says how to fix it."""


def backend(env=None) -> str:
    """The selected backend name, as written (lower-cased); may be invalid, see Settings."""
    env = os.environ if env is None else env
    return (env.get(BACKEND_ENV) or "local").strip().lower()


def scheme(url: str) -> str:
    return url.split("://", 1)[0].lower() if "://" in url else ""


@dataclass(frozen=True)
class Settings:
    broker: str
    results: str
    queue: str = DEFAULT_QUEUE
    timeout: float = DEFAULT_TIMEOUT
    tls_ca: str = ""

    @classmethod
    def from_env(cls, env=None) -> "Settings":
        env = os.environ if env is None else env
        name = backend(env)
        if name not in BACKENDS:
            raise SettingsError(f"{BACKEND_ENV}={name!r} is not a backend: use one of {', '.join(BACKENDS)}")
        broker = (env.get(BROKER_ENV) or "").strip()
        if not broker:
            raise SettingsError(f"{BROKER_ENV} is not set: give the broker's URL, "
                                "e.g. amqp://user:password@127.0.0.1:5672// or redis://127.0.0.1:6379/0")
        if scheme(broker) not in BROKER_SCHEMES:
            raise SettingsError(f"{BROKER_ENV} must start with one of "
                                f"{', '.join(s + '://' for s in BROKER_SCHEMES)} (RabbitMQ or Redis)")
        results = (env.get(RESULTS_ENV) or "").strip()
        if not results:
            if scheme(broker) not in ("redis", "rediss"):
                raise SettingsError(f"{RESULTS_ENV} is not set: give a Redis URL for the verdicts, "
                                    "e.g. redis://127.0.0.1:6379/1")
            results = broker
        if scheme(results) not in RESULTS_SCHEMES:
            raise SettingsError(f"{RESULTS_ENV} must start with one of "
                                f"{', '.join(s + '://' for s in RESULTS_SCHEMES)}")
        queue = (env.get(QUEUE_ENV) or DEFAULT_QUEUE).strip()
        if not _QUEUE_NAME.match(queue):
            raise SettingsError(f"{QUEUE_ENV}={queue!r} is not a queue name: use letters, digits, "
                                "'.', '_', ':' and '-'")
        raw = (env.get(TIMEOUT_ENV) or "").strip()
        try:
            timeout = float(raw) if raw else DEFAULT_TIMEOUT
        except ValueError:
            raise SettingsError(f"{TIMEOUT_ENV}={raw!r} is not a number of seconds") from None
        if not (math.isfinite(timeout) and timeout > 0):
            raise SettingsError(f"{TIMEOUT_ENV} must be a positive number of seconds, got {raw!r}")
        tls_ca = (env.get(TLS_CA_ENV) or "").strip()
        if tls_ca and not os.path.isfile(tls_ca):
            raise SettingsError(f"{TLS_CA_ENV}={tls_ca!r} is not a file: give the CA certificate (PEM) "
                                "that signed the broker's certificate")
        return cls(broker=broker, results=results, queue=queue, timeout=timeout, tls_ca=tls_ca)
