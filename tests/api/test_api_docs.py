"""docs/api.md documents every endpoint of the REST API and every parameter of the incident search."""

from __future__ import annotations

from pathlib import Path

from ceasefire.api import create_app
from ceasefire.config import Settings
from ceasefire.database import Database

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_every_endpoint_and_parameter_is_in_docs_api(tmp_path: Path) -> None:
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    with Database(Settings(db_url=f"sqlite:///{tmp_path / 's.db'}")) as db:
        schema = create_app(db).openapi()
    assert len(schema["paths"]) >= 7
    for path, operations in schema["paths"].items():
        for method, op in operations.items():
            assert f"`{method.upper()} {path}`" in text, f"{method.upper()} {path} is not documented in docs/api.md"
            for param in op.get("parameters", []):
                assert f"`{param['name']}`" in text, f"parameter {param['name']} of {path} is not documented"
