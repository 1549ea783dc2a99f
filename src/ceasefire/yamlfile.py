"""YAML configuration files read with the line of every value, for one-line errors that say where.

    >>> doc = load_yaml(Path("watch.yaml"))
    >>> doc.data["sources"][0]["interval"]
    >>> raise doc.error(("sources", 0, "interval"), "must be a positive number")
    ConfigError: watch.yaml:7: sources[0].interval: must be a positive number

Only YAML's safe subset is read (plain scalars, lists, mappings: no tags that build
objects); a key given twice in one mapping is an error, not a silent overwrite.
Shared by every YAML file ceasefire reads (``watch`` configurations and others).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

__all__ = ["YamlFile", "load_yaml", "parse_yaml", "field_name", "line_map"]

Key = tuple[str | int, ...]


def field_name(keys: Key) -> str:
    """``("sources", 2, "url")`` as ``sources[2].url``."""
    out = ""
    for k in keys:
        out += f"[{k}]" if isinstance(k, int) else (f".{k}" if out else str(k))
    return out or "(top level)"


@dataclass(frozen=True)
class YamlFile:
    """A loaded YAML document: plain Python ``data`` and the 1-based line of each value by its keys."""

    name: str
    data: Any
    lines: dict[Key, int] = field(default_factory=dict)

    def line(self, keys: Key) -> int:
        """The line of the value at ``keys``, else of its nearest enclosing value that has one."""
        keys = tuple(keys)
        while keys and keys not in self.lines:
            keys = keys[:-1]
        return self.lines.get(keys, 1)

    def where(self, keys: Key) -> str:
        return f"{self.name}:{self.line(keys)}"

    def error(self, keys: Key, message: str) -> ConfigError:
        """A one-line :class:`ConfigError`: ``file:line: field: message``."""
        return ConfigError(f"{self.where(keys)}: {field_name(tuple(keys))}: {message}")


def line_map(node: yaml.Node) -> dict[Key, int]:
    """The 1-based line of every value of a composed YAML document by its keys (an entry at its key's line)."""
    lines: dict[Key, int] = {}

    def walk(n: yaml.Node, keys: Key) -> None:
        lines[keys] = n.start_mark.line + 1
        if isinstance(n, yaml.MappingNode):
            for key_node, value_node in n.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
                walk(value_node, (*keys, key))
                lines[(*keys, key)] = key_node.start_mark.line + 1
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                walk(item, (*keys, i))

    walk(node, ())
    return lines


def _build(node: yaml.Node, keys: Key, name: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = yaml.SafeLoader.construct_scalar(_LOADER, key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                raise ConfigError(f"{name}:{key_node.start_mark.line + 1}: {field_name(keys)}: keys must be plain text")
            if key in out:
                raise ConfigError(f"{name}:{key_node.start_mark.line + 1}: {field_name((*keys, key))}: given twice")
            out[key] = _build(value_node, (*keys, key), name)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*keys, n), name) for n, item in enumerate(node.value)]
    return _LOADER.construct_object(node, deep=True)


_LOADER = yaml.SafeLoader("")


def parse_yaml(text: str, name: str) -> YamlFile:
    """Parse YAML ``text`` (``name``: the file as shown in errors)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark is not None else name
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{where}: invalid YAML ({problem})") from exc
    if node is None:
        return YamlFile(name, None, {(): 1})
    try:
        data = _build(node, (), name)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"{name}:{mark.line + 1}" if mark is not None else name
        raise ConfigError(f"{where}: {getattr(exc, 'problem', None) or exc}") from exc
    return YamlFile(name, data, line_map(node))


def load_yaml(path: Path) -> YamlFile:
    """Read and parse a YAML file; a missing or unreadable file is a one-line :class:`ConfigError`."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ConfigError(f"cannot read {path}: {reason}") from exc
    return parse_yaml(text, str(path))
