"""Schemathesis drives every operation of the published OpenAPI schema with generated inputs: never a 5xx.

Both valid inputs (within the schema) and invalid ones (outside it) go through the real app over the sample
store, with the write token sent, so POST bodies reach the ingest code; every answer must be below 500 and,
when it is a 4xx, a JSON error object. A plain Hypothesis test adds arbitrary query strings on top.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api_helpers import TOKEN, store_copy
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable

from storyline.api import ApiSettings, create_app
from storyline.store import Repository

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (pip install schemathesis)")

FUZZ_SETTINGS = settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), database=None)


@pytest.fixture(scope="module")
def fuzz_app(seed_store: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    repo = Repository(store_copy(seed_store, tmp_path_factory.mktemp("api-fuzz") / "store.db"))
    # Ingest runs only the clean stage here: the fuzz is about the HTTP surface, not the stages' speed.
    yield create_app(repo, ApiSettings(token=TOKEN, rate_per_minute=0, ingest_stages=("clean",)))
    repo.close()


def test_schema_operations_never_answer_5xx(fuzz_app: FastAPI) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)
    modes = [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE]
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 13
    failures: list[str] = []
    unsatisfiable: list[str] = []
    for operation in operations:
        for mode in modes:

            @given(operation.as_strategy(generation_mode=mode))
            @FUZZ_SETTINGS
            def check(case: Any) -> None:
                response = case.call(headers={"Authorization": f"Bearer {TOKEN}"})
                if response.status_code >= 500 or (response.status_code >= 400 and "error" not in response.json()):
                    failures.append(f"{case.method} {case.formatted_path} {case.query} -> {response.status_code}")

            try:
                check()
            except Unsatisfiable:  # nothing invalid can be made for an operation without parameters
                assert mode == schemathesis.GenerationMode.NEGATIVE
                unsatisfiable.append(operation.label)
    assert failures == []
    assert len(unsatisfiable) < len(operations) // 2


@pytest.mark.parametrize("path", ["/api/articles", "/api/events", "/api/stories", "/api/search", "/api/network", "/"])
def test_any_query_string_gets_an_answer_below_500(fuzz_app: FastAPI, path: str) -> None:
    client = TestClient(fuzz_app, raise_server_exceptions=False)
    names = st.sampled_from(
        ["q", "limit", "offset", "topic", "actor", "plover", "date_from", "date_to", "outlet", "place"]
    )
    values = st.text(max_size=40) | st.integers(-(2**70), 2**70).map(str)

    @given(st.lists(st.tuples(names, values), max_size=4))
    @FUZZ_SETTINGS
    def check(query: list[tuple[str, str]]) -> None:
        response = client.get(path, params=query)
        assert response.status_code < 500, (path, query, response.text[:300])

    check()
