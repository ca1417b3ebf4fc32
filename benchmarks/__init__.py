"""Reproducible performance harness: `make bench` (python -m benchmarks.run)."""
