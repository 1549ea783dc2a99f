"""The API against its own OpenAPI schema (schemathesis): generated requests (valid and invalid ones),
bounded in number, never a 5xx,
and answers in the documented statuses, content types and shapes.

Each operation of ``/openapi.json`` gets its own bounded, derandomized Hypothesis run
(``schemathesis.pytest.from_fixture`` does not run under this pytest, so the runs are
driven here).
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.model

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = 30  # per operation


def _operations(client: TestClient) -> dict[str, Any]:
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    ops = [result.ok() for result in schema.get_all_operations()]
    return {f"{op.method.upper()} {op.path}": op for op in ops}


WRITES = (
    "POST /api/v1/incidents/{incident_id}/confirm",
    "POST /api/v1/incidents/{incident_id}/corrections",
    "POST /api/v1/incidents/merge",
    "POST /api/v1/incidents/{incident_id}/split",
    "POST /api/v1/claims/{claim_id}/wrong",
)


def test_the_schema_lists_every_endpoint(client: TestClient) -> None:
    assert set(_operations(client)) == {
        "GET /health",
        "GET /api/v1/incidents",
        "GET /api/v1/incidents/{incident_id}",
        "GET /api/v1/incidents/{incident_id}/history",
        "GET /api/v1/timeline",
        "GET /api/v1/reports/{key}",
        "GET /api/v1/sources",
        "GET /api/v1/actors",
        "GET /api/v1/agreements",
        "GET /api/v1/agreements/{agreement_id}",
        "GET /api/v1/agreements/{agreement_id}/violations",
        *WRITES,
    }


VALID = GenerationMode.POSITIVE
INVALID = GenerationMode.NEGATIVE  # only where the schema can be broken: the typed parameters of the search


@pytest.mark.parametrize(
    "operation, mode",
    [("GET /health", VALID), ("GET /api/v1/incidents", VALID), ("GET /api/v1/incidents", INVALID),
     ("GET /api/v1/incidents/{incident_id}", VALID), ("GET /api/v1/incidents/{incident_id}/history", VALID),
     ("GET /api/v1/timeline", VALID), ("GET /api/v1/timeline", INVALID), ("GET /api/v1/reports/{key}", VALID),
     ("GET /api/v1/sources", VALID), ("GET /api/v1/actors", VALID), ("GET /api/v1/agreements", VALID),
     ("GET /api/v1/agreements/{agreement_id}", VALID), ("GET /api/v1/agreements/{agreement_id}/violations", VALID),
     *((w, VALID) for w in WRITES), *((w, INVALID) for w in WRITES)],
)
def test_generated_requests_get_documented_answers_and_never_a_5xx(
    client: TestClient, operation: str, mode: GenerationMode
) -> None:
    op = _operations(client)[operation]

    @given(case=op.as_strategy(mode))
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    def run(case: schemathesis.Case) -> None:
        case.call_and_validate(checks=CHECKS)

    run()


@pytest.mark.parametrize("operation", WRITES)
def test_writes_without_a_token_are_401s(client: TestClient, operation: str) -> None:
    """Generated write requests carry no token: every one is refused with 401 (never a 5xx, never a write)."""
    op = _operations(client)[operation]
    before = client.app.state.db.counts()["incident_versions"]  # type: ignore[attr-defined]

    @given(case=op.as_strategy(VALID))
    @settings(max_examples=10, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    def run(case: schemathesis.Case) -> None:
        response = case.call()
        assert response.status_code == 401, response.text
        assert response.json()["error"]["code"] == "unauthorized"

    run()
    assert client.app.state.db.counts()["incident_versions"] == before  # type: ignore[attr-defined]
