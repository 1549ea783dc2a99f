"""A JSON codec for the frozen dataclasses of :mod:`ceasefire.model`.

``to_json(obj)`` turns a dataclass into plain JSON values (dicts, lists,
strings, numbers, booleans, ``None``); ``from_json(cls, data)`` turns them back
into an equal object. Both are driven by ``dataclasses.fields`` and the type
hints of each class, so a new model field needs no change here.

Encoding rules:

* dataclass -> ``{field name: value}`` (every field, defaults included);
* ``Enum`` -> its value; ``date``/``datetime`` -> ISO string; ``bytes`` -> base64;
* ``tuple``/``list`` -> list; ``Mapping`` -> dict with string keys;
* ``X | None`` -> ``None`` or the encoding of ``X``; ``Any`` -> kept as given.

Decoding ignores keys the class no longer has and lets missing keys take the
field's default, so stored payloads survive fields being added or dropped.
"""

from __future__ import annotations

import base64
import dataclasses
import types
import typing
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from enum import Enum
from functools import lru_cache
from typing import Any, TypeVar, Union

__all__ = ["to_json", "from_json"]

T = TypeVar("T")


def to_json(obj: Any) -> Any:
    """Encode a model object (usually a dataclass, giving a dict) as JSON values."""
    if isinstance(obj, Enum):
        return obj.value
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_json(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, datetime):
        return obj.isoformat()
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, (bytes, bytearray, memoryview)):
        return base64.b64encode(bytes(obj)).decode("ascii")
    if isinstance(obj, Mapping):
        out: dict[str, Any] = {}
        for key, value in obj.items():
            if not isinstance(key, str):
                raise TypeError(f"cannot encode a mapping key of type {type(key).__name__} as JSON")
            out[key] = to_json(value)
        return out
    if isinstance(obj, (tuple, list)):
        return [to_json(item) for item in obj]
    raise TypeError(f"cannot encode a value of type {type(obj).__name__} as JSON")


def from_json(cls: type[T], data: Any) -> T:
    """Decode JSON values produced by :func:`to_json` into an instance of ``cls``."""
    return typing.cast(T, _decode(cls, data))


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(tp: Any, data: Any) -> Any:
    if tp is Any or tp is object:
        return data
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        return _decode_union(tp, data)
    if data is None:
        if tp is type(None):
            return None
        raise ValueError(f"expected {_name(tp)}, got null")
    if origin is not None:
        return _decode_generic(tp, origin, data)
    if isinstance(tp, type):
        if dataclasses.is_dataclass(tp):
            return _decode_dataclass(tp, data)
        if issubclass(tp, Enum):
            return tp(data)
        if issubclass(tp, datetime):
            return datetime.fromisoformat(data)
        if issubclass(tp, date):
            return date.fromisoformat(data)
        if issubclass(tp, bytes):
            return base64.b64decode(data)
        if tp is float and isinstance(data, (int, float)) and not isinstance(data, bool):
            return float(data)
        if tp is int and isinstance(data, bool):
            raise ValueError(f"expected int, got {data!r}")
        if tp in (bool, int, str) and isinstance(data, tp):
            return data
    raise ValueError(f"cannot decode {data!r} as {_name(tp)}")


def _decode_union(tp: Any, data: Any) -> Any:
    args = typing.get_args(tp)
    if data is None:
        if type(None) in args:
            return None
        raise ValueError(f"expected {_name(tp)}, got null")
    errors: list[str] = []
    for arg in args:
        if arg is type(None):
            continue
        try:
            return _decode(arg, data)
        except (ValueError, TypeError, KeyError) as exc:
            errors.append(str(exc))
    raise ValueError(f"cannot decode {data!r} as {_name(tp)}: {'; '.join(errors)}")


def _decode_generic(tp: Any, origin: Any, data: Any) -> Any:
    args = typing.get_args(tp)
    if origin is tuple:
        if not isinstance(data, Sequence) or isinstance(data, str):
            raise ValueError(f"expected a list for {_name(tp)}, got {data!r}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], item) for item in data)
        if not args:
            return tuple(data)
        if len(args) != len(data):
            raise ValueError(f"expected {len(args)} items for {_name(tp)}, got {len(data)}")
        return tuple(_decode(arg, item) for arg, item in zip(args, data, strict=True))
    if origin in (list, Sequence, typing.Sequence):
        item_type = args[0] if args else Any
        return [_decode(item_type, item) for item in data]
    if origin in (dict, Mapping, typing.Mapping):
        if not isinstance(data, Mapping):
            raise ValueError(f"expected an object for {_name(tp)}, got {data!r}")
        value_type = args[1] if len(args) == 2 else Any
        return {key: _decode(value_type, value) for key, value in data.items()}
    raise ValueError(f"cannot decode type {_name(tp)}")


def _decode_dataclass(cls: type, data: Any) -> Any:
    if not isinstance(data, Mapping):
        raise ValueError(f"expected an object for {cls.__name__}, got {data!r}")
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if not f.init or f.name not in data:
            continue
        try:
            kwargs[f.name] = _decode(hints[f.name], data[f.name])
        except (ValueError, TypeError) as exc:
            raise ValueError(f"{cls.__name__}.{f.name}: {exc}") from exc
    return cls(**kwargs)


def _name(tp: Any) -> str:
    return getattr(tp, "__name__", None) or repr(tp)
