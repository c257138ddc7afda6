"""Benchmarks import the app and its demo data, never the tests (a bench must keep
running when a test helper changes shape). The lead may fold this into
tests/test_architecture.py, the home of such rules."""

from __future__ import annotations

from tests.test_architecture import files, violations


def test_bench_imports_nothing_from_tests() -> None:
    assert violations(files("bench"), ("tests",)) == []
