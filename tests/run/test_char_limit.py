"""The per-article character limit: a longer text is that record's problem, one line naming its length and the
limit; the run goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ceasefire.config import MAX_CHARS, Settings
from ceasefire.errors import ConfigError
from ceasefire.run.local import Pipeline, ingest_paths
from ceasefire.store import open_store


class _NoModel(Pipeline):
    """The real reading, splitting and limit; no spaCy: every report has no mentions."""

    def mentions(self, reports):  # type: ignore[no-untyped-def]
        return [[] for _ in reports]


def test_a_text_over_the_limit_is_one_problem_and_the_rest_is_stored(db_url: str, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    texts = ["Shelling killed 3 people in Ariha on Sunday.", "x" * 120 + " killed 2.", "Four were hurt in Azaz."]
    src.write_text("".join(json.dumps({"id": f"a{n}", "text": t}) + "\n" for n, t in enumerate(texts, 1)))
    settings = Settings(db_url=db_url, max_chars=100)
    with open_store(db_url) as store:
        result = ingest_paths([src], store, settings, pipeline=_NoModel(settings))
        assert result.documents_added == 2
        assert [(p.origin, p.message) for p in result.problems] == [
            (f"{src}:2", "text of 130 characters is over the limit of 100 (CEASEFIRE_MAX_CHARS)")
        ]
        assert sorted(r.article.id for r in store.reports()) == ["a1", "a3"]


def test_the_limit_comes_from_the_environment_and_must_be_positive() -> None:
    assert Settings.from_env({}).max_chars == MAX_CHARS == 10 * 1024 * 1024
    assert Settings.from_env({"CEASEFIRE_MAX_CHARS": "5000"}).max_chars == 5000
    with pytest.raises(ConfigError):
        Settings.from_env({"CEASEFIRE_MAX_CHARS": "many"})
    with pytest.raises(ConfigError):
        Settings(max_chars=0)
