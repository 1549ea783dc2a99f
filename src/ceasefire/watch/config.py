"""The watch configuration (``watch.yaml``): sources, HTTP manners, alert rules and channels.

Read once with :func:`load_config`; every mistake is one :class:`ConfigError` line naming
the file, the line and the field (``watch.yaml:12: sources[1].interval: must be a
positive number``). The format is documented in ``docs/watch.md``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..yamlfile import YamlFile, load_yaml, parse_yaml

__all__ = [
    "WatchConfig",
    "SourceConfig",
    "HttpConfig",
    "RuleConfig",
    "ChannelConfig",
    "SOURCE_KINDS",
    "RULE_KINDS",
    "load_config",
    "parse_config",
]

SOURCE_KINDS = ("folder", "feed", "urls", "inbox")
RULE_KINDS = ("new_incident", "incident_change", "count_disagreement", "possible_violation")
CHANNEL_KINDS = ("jsonl", "webhook", "smtp")
DEFAULT_USER_AGENT = "ceasefire-watch/0.1"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


@dataclass(frozen=True)
class SourceConfig:
    """One source: ``kind`` (folder, feed, urls, inbox), where it is, and how often it is polled (seconds)."""

    name: str
    kind: str
    location: str  # a folder path, a feed or URL-list URL, or host:port of the inbox
    interval: float
    spool: Path | None = None  # inbox: the folder accepted posts are written to
    token: str | None = None  # inbox: the bearer token posts must carry
    fetch_pages: bool = True  # feed: fetch each item's page (else ingest the item's own text)


@dataclass(frozen=True)
class HttpConfig:
    user_agent: str = DEFAULT_USER_AGENT
    per_host_interval: float = 1.0  # seconds between two requests to one host
    timeout: float = 20.0
    robots: bool = True
    max_bytes: int = 10 * 1024 * 1024


@dataclass(frozen=True)
class RuleConfig:
    """An alert rule: when it fires (``on``), for which incidents (the filter), and where it goes."""

    name: str
    on: str
    countries: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    killed_min: int | None = None
    channels: tuple[str, ...] = ()  # empty: every channel
    agreements: tuple[str, ...] = ()  # possible_violation: the agreements it watches (empty: all)


@dataclass(frozen=True)
class ChannelConfig:
    """Where alerts go: ``jsonl`` (a file, or ``-`` for stdout), ``webhook`` or ``smtp``."""

    name: str
    kind: str
    target: str  # the file, the webhook URL, or the SMTP host:port
    secret: str | None = None  # webhook: the HMAC-SHA256 key
    attempts: int = 5  # webhook and smtp: failures before an alert goes to the dead-letter file
    dead_letter: Path | None = None
    sender: str = "ceasefire@localhost"
    recipients: tuple[str, ...] = ()
    digest: float = 0.0  # smtp: seconds alerts are gathered for one mail (0: one mail per alert)
    starttls: bool = False


@dataclass(frozen=True)
class WatchConfig:
    sources: tuple[SourceConfig, ...]
    http: HttpConfig = HttpConfig()
    rules: tuple[RuleConfig, ...] = ()
    channels: tuple[ChannelConfig, ...] = ()
    backoff_max: float = 3600.0  # the longest wait after repeated errors (seconds)
    item_attempts: int = 5  # fetches of one item's page before it is given up
    alerts_from: str = "now"  # "now": alert on changes after the first run; "start": on every stored version
    incident_url: str | None = None  # e.g. https://monitor.example.org/incidents/{id}
    base: Path = field(default_factory=Path.cwd)


class _Reader:
    """Typed access to one YAML mapping, every error naming its line and field."""

    def __init__(self, doc: YamlFile, keys: tuple[str | int, ...], data: Any, known: tuple[str, ...]) -> None:
        if not isinstance(data, dict):
            raise doc.error(keys, "must be a mapping (key: value lines)")
        self.doc, self.keys, self.data = doc, keys, data
        for key in data:
            if key not in known:
                raise doc.error((*keys, key), f"unknown field; expected one of {', '.join(known)}")

    def err(self, key: str, message: str) -> ConfigError:
        return self.doc.error((*self.keys, key), message)

    def text(self, key: str, default: str | None = None, *, required: bool = False) -> str | None:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.doc.error(self.keys, f"missing field {key!r}")
            return default
        if not isinstance(value, (str, int, float)) or isinstance(value, bool) or not str(value).strip():
            raise self.err(key, "must be a non-empty text")
        return str(value).strip()

    def number(self, key: str, default: float, *, minimum: float = 0.0, strict: bool = True) -> float:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.err(key, "must be a number (seconds)" if strict else "must be a number")
        if value < minimum or (strict and value <= 0):
            raise self.err(key, f"must be {'positive' if strict else f'at least {minimum:g}'}")
        return float(value)

    def integer(self, key: str, default: int | None, *, minimum: int = 0) -> int | None:
        value = self.data.get(key, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self.err(key, f"must be a whole number, at least {minimum}")
        return value

    def flag(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self.err(key, "must be true or false")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        items = value if isinstance(value, list) else [value]
        out = []
        for n, item in enumerate(items):
            if isinstance(item, bool) or not isinstance(item, (str, int)) or not str(item).strip():
                raise self.doc.error((*self.keys, key, n) if isinstance(value, list) else (*self.keys, key),
                                     "must be a non-empty text (or a list of them)")
            out.append(str(item).strip())
        return tuple(out)

    def secret(self, key: str) -> str | None:
        """A secret given directly (``key``) or by the name of an environment variable (``key_env``)."""
        direct = self.text(key)
        env = self.text(f"{key}_env")
        if direct and env:
            raise self.err(f"{key}_env", f"give either {key} or {key}_env, not both")
        if env:
            value = os.environ.get(env)
            if not value:
                raise self.err(f"{key}_env", f"the environment variable {env} is not set")
            return value
        return direct


def _name(r: _Reader, seen: set[str], what: str) -> str:
    name = r.text("name", required=True)
    assert name is not None
    if not _NAME.match(name):
        raise r.err("name", "letters, digits, '.', '_' or '-' only (at most 64)")
    if name in seen:
        raise r.err("name", f"another {what} has this name")
    seen.add(name)
    return name


def _path(base: Path, value: str) -> Path:
    path = Path(os.path.expanduser(value))
    return path if path.is_absolute() else base / path


_SOURCE_FIELDS = ("name", *SOURCE_KINDS, "interval", "spool", "token", "token_env", "fetch_pages")


def _source(doc: YamlFile, n: int, data: Any, base: Path, seen: set[str]) -> SourceConfig:
    r = _Reader(doc, ("sources", n), data, _SOURCE_FIELDS)
    name = _name(r, seen, "source")
    kinds = [k for k in SOURCE_KINDS if k in r.data]
    if len(kinds) != 1:
        raise doc.error(("sources", n), f"give exactly one of {', '.join(SOURCE_KINDS)}")
    kind = kinds[0]
    location = r.text(kind, required=True)
    assert location is not None
    default_interval = {"folder": 1.0, "inbox": 1.0, "feed": 300.0, "urls": 900.0}[kind]
    interval = r.number("interval", default_interval)
    spool = token = None
    if kind in ("feed", "urls") and not re.match(r"^https?://", location):
        raise r.err(kind, "must be an http:// or https:// URL")
    if kind == "folder":
        location = str(_path(base, location))
    if kind == "inbox":
        if not re.match(r"^[^:\s]+:\d{1,5}$", location):
            raise r.err(kind, "must be host:port, e.g. 127.0.0.1:8765")
        token = r.secret("token")
        if not token:
            raise doc.error(("sources", n), "an inbox needs a token (token_env: NAME of an environment variable)")
        spool = _path(base, r.text("spool", f"inbox-{name}") or f"inbox-{name}")
    elif any(k in r.data for k in ("spool", "token", "token_env")):
        raise r.err(next(k for k in ("spool", "token", "token_env") if k in r.data), "only an inbox source has it")
    if "fetch_pages" in r.data and kind != "feed":
        raise r.err("fetch_pages", "only a feed source has it")
    return SourceConfig(name, kind, location, interval, spool, token, r.flag("fetch_pages", True))


_RULE_FIELDS = ("name", "on", "country", "type", "actor", "killed_min", "to", "agreement")


def _rule(doc: YamlFile, n: int, data: Any, seen: set[str], channels: set[str]) -> RuleConfig:
    r = _Reader(doc, ("alerts", n), data, _RULE_FIELDS)
    name = _name(r, seen, "alert rule")
    on = r.text("on", required=True)
    if on not in RULE_KINDS:
        raise r.err("on", f"unknown {on!r}; choose one of {', '.join(RULE_KINDS)}")
    to = r.texts("to")
    for k, channel in enumerate(to):
        if channel not in channels:
            raise doc.error(("alerts", n, "to", k) if isinstance(r.data["to"], list) else ("alerts", n, "to"),
                            f"no channel named {channel!r}")
    agreements = r.texts("agreement")
    if agreements and on != "possible_violation":
        raise r.err("agreement", "only a possible_violation rule has it")
    return RuleConfig(
        name=name,
        on=on,
        countries=tuple(c.upper() for c in r.texts("country")),
        types=r.texts("type"),
        actors=r.texts("actor"),
        killed_min=r.integer("killed_min", None),
        channels=to,
        agreements=agreements,
    )


_CHANNEL_FIELDS = ("name", *CHANNEL_KINDS, "secret", "secret_env", "attempts", "dead_letter", "from", "to",
                   "digest", "starttls")


def _channel(doc: YamlFile, n: int, data: Any, base: Path, seen: set[str]) -> ChannelConfig:
    r = _Reader(doc, ("channels", n), data, _CHANNEL_FIELDS)
    name = _name(r, seen, "channel")
    kinds = [k for k in CHANNEL_KINDS if k in r.data]
    if len(kinds) != 1:
        raise doc.error(("channels", n), f"give exactly one of {', '.join(CHANNEL_KINDS)}")
    kind = kinds[0]
    target = r.text(kind, required=True)
    assert target is not None
    if kind == "jsonl" and target != "-":
        target = str(_path(base, target))
    if kind == "webhook" and not re.match(r"^https?://", target):
        raise r.err(kind, "must be an http:// or https:// URL")
    if kind == "smtp" and not re.match(r"^[^:\s]+(:\d{1,5})?$", target):
        raise r.err(kind, "must be host or host:port")
    own = {"jsonl": (), "webhook": ("secret", "secret_env", "attempts", "dead_letter"),
           "smtp": ("attempts", "dead_letter", "from", "to", "digest", "starttls")}[kind]
    for key in r.data:
        if key not in ("name", kind, *own):
            raise r.err(key, f"a {kind} channel has no {key!r}")
    recipients = r.texts("to")
    if kind == "smtp" and not recipients:
        raise doc.error(("channels", n), "an smtp channel needs 'to' (one address or a list)")
    dead = r.text("dead_letter")
    return ChannelConfig(
        name=name,
        kind=kind,
        target=target,
        secret=r.secret("secret") if kind == "webhook" else None,
        attempts=int(r.integer("attempts", 5, minimum=1) or 5),
        dead_letter=_path(base, dead) if dead else None,
        sender=r.text("from", "ceasefire@localhost") or "ceasefire@localhost",
        recipients=recipients,
        digest=r.number("digest", 0.0, strict=False),
        starttls=r.flag("starttls", False),
    )


_TOP = ("sources", "alerts", "channels", "http", "backoff_max", "item_attempts", "alerts_from", "incident_url")
_HTTP = ("user_agent", "per_host_interval", "timeout", "robots", "max_bytes")


def _list(doc: YamlFile, key: str, *, required: bool = False) -> list[Any]:
    value = doc.data.get(key)
    if value is None:
        if required:
            raise doc.error((), f"missing {key!r} (a list)")
        return []
    if not isinstance(value, list) or (required and not value):
        raise doc.error((key,), "must be a non-empty list" if required else "must be a list")
    return value


def config_from(doc: YamlFile, base: Path) -> WatchConfig:
    """The configuration in a parsed YAML document (relative paths are taken from ``base``)."""
    top = _Reader(doc, (), doc.data if doc.data is not None else {}, _TOP)
    seen: set[str] = set()
    sources = tuple(_source(doc, n, s, base, seen) for n, s in enumerate(_list(doc, "sources", required=True)))
    channel_names: set[str] = set()
    channels = tuple(_channel(doc, n, c, base, channel_names) for n, c in enumerate(_list(doc, "channels")))
    rule_names: set[str] = set()
    rules = tuple(_rule(doc, n, a, rule_names, channel_names) for n, a in enumerate(_list(doc, "alerts")))
    if rules and not channels:
        raise doc.error(("alerts",), "alert rules need at least one channel (channels: ...)")
    h = _Reader(doc, ("http",), doc.data.get("http") or {}, _HTTP)
    http = HttpConfig(
        user_agent=h.text("user_agent", DEFAULT_USER_AGENT) or DEFAULT_USER_AGENT,
        per_host_interval=h.number("per_host_interval", 1.0, strict=False),
        timeout=h.number("timeout", 20.0),
        robots=h.flag("robots", True),
        max_bytes=int(h.integer("max_bytes", 10 * 1024 * 1024, minimum=1024) or 0),
    )
    alerts_from = top.text("alerts_from", "now")
    if alerts_from not in ("now", "start"):
        raise top.err("alerts_from", "must be 'now' or 'start'")
    url = top.text("incident_url")
    if url is not None and "{id}" not in url:
        raise top.err("incident_url", "must contain {id}")
    return WatchConfig(
        sources=sources,
        http=http,
        rules=rules,
        channels=channels,
        backoff_max=top.number("backoff_max", 3600.0),
        item_attempts=int(top.integer("item_attempts", 5, minimum=1) or 5),
        alerts_from=alerts_from or "now",
        incident_url=url,
        base=base,
    )


def load_config(path: str | Path) -> WatchConfig:
    """Read and check a watch configuration; relative paths in it are relative to its folder."""
    path = Path(path)
    return config_from(load_yaml(path), path.resolve().parent)


def parse_config(text: str, name: str = "watch.yaml", base: Path | None = None) -> WatchConfig:
    return config_from(parse_yaml(text, name), base or Path.cwd())
