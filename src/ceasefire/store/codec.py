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
import functools
import types
import typing
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any, Callable, TypeVar, Union

__all__ = ["to_json", "from_json"]

T = TypeVar("T")


def to_json(obj: Any) -> Any:
    """Encode a model object (usually a dataclass, giving a dict) as JSON values."""
    if isinstance(obj, Enum):
        return obj.value
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    names = _field_names(typing.cast(Any, type(obj)))
    if names is not None:
        return {name: to_json(getattr(obj, name)) for name in names}
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


@functools.lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The fields of a dataclass type, in order (None for any other type): looked up once per type."""
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


def from_json(cls: type[T], data: Any) -> T:
    """Decode JSON values produced by :func:`to_json` into an instance of ``cls``."""
    return typing.cast(T, _decoder(typing.cast(Any, cls))(data))


@functools.lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


Decode = Callable[[Any], Any]


@functools.lru_cache(maxsize=None)
def _decoder(tp: Any) -> Decode:
    """The decoding function of a type, made once per type (the type's shape is read here, not per value)."""
    if tp is Any or tp is object:
        return _same
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        return functools.partial(_decode_union, tp, tuple(a for a in typing.get_args(tp) if a is not type(None)),
                                 type(None) in typing.get_args(tp))
    if origin is not None:
        return _not_null(tp, functools.partial(_decode_generic, tp, origin, typing.get_args(tp)))
    if isinstance(tp, type):
        if dataclasses.is_dataclass(tp):
            return _not_null(tp, _DataclassDecoder(tp))
        if issubclass(tp, Enum):
            return _not_null(tp, tp)
        for kind, parse in ((datetime, datetime.fromisoformat), (date, date.fromisoformat), (bytes, base64.b64decode)):
            if issubclass(tp, kind):
                return _not_null(tp, parse)
    if tp is type(None):
        return functools.partial(_decode_none, tp)
    return functools.partial(_decode_scalar, tp)


def _same(data: Any) -> Any:
    return data


def _not_null(tp: Any, decode: Decode) -> Decode:
    def checked(data: Any) -> Any:
        if data is None:
            raise ValueError(f"expected {_name(tp)}, got null")
        return decode(data)

    return checked


def _decode_none(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    raise ValueError(f"cannot decode {data!r} as {_name(tp)}")


def _decode_scalar(tp: Any, data: Any) -> Any:
    if data is None:
        raise ValueError(f"expected {_name(tp)}, got null")
    if tp is float and isinstance(data, (int, float)) and not isinstance(data, bool):
        return float(data)
    if tp is int and isinstance(data, bool):
        raise ValueError(f"expected int, got {data!r}")
    if tp in (bool, int, str) and isinstance(data, tp):
        return data
    raise ValueError(f"cannot decode {data!r} as {_name(tp)}")


def _decode_union(tp: Any, args: tuple[Any, ...], nullable: bool, data: Any) -> Any:
    if data is None:
        if nullable:
            return None
        raise ValueError(f"expected {_name(tp)}, got null")
    errors: list[str] = []
    for arg in args:
        try:
            return _decoder(arg)(data)
        except (ValueError, TypeError, KeyError) as exc:
            errors.append(str(exc))
    raise ValueError(f"cannot decode {data!r} as {_name(tp)}: {'; '.join(errors)}")


def _decode_generic(tp: Any, origin: Any, args: tuple[Any, ...], data: Any) -> Any:
    if origin is tuple:
        if not isinstance(data, Sequence) or isinstance(data, str):
            raise ValueError(f"expected a list for {_name(tp)}, got {data!r}")
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return tuple(item(x) for x in data)
        if not args:
            return tuple(data)
        if len(args) != len(data):
            raise ValueError(f"expected {len(args)} items for {_name(tp)}, got {len(data)}")
        return tuple(_decoder(arg)(x) for arg, x in zip(args, data, strict=True))
    if origin in (list, Sequence, typing.Sequence):
        item = _decoder(args[0] if args else Any)
        return [item(x) for x in data]
    if origin in (dict, Mapping, typing.Mapping):
        if not isinstance(data, Mapping):
            raise ValueError(f"expected an object for {_name(tp)}, got {data!r}")
        value = _decoder(args[1] if len(args) == 2 else Any)
        return {key: value(x) for key, x in data.items()}
    raise ValueError(f"cannot decode type {_name(tp)}")


class _DataclassDecoder:
    """Decodes one dataclass type; its fields' decoders are looked up at first use (a type may refer to itself)."""

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.fields: tuple[tuple[str, Decode], ...] | None = None

    def __call__(self, data: Any) -> Any:
        cls = self.cls
        if not isinstance(data, Mapping):
            raise ValueError(f"expected an object for {cls.__name__}, got {data!r}")
        if self.fields is None:
            hints = _hints(cls)
            self.fields = tuple((f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls) if f.init)
        kwargs: dict[str, Any] = {}
        for name, decode in self.fields:
            if name not in data:
                continue
            try:
                kwargs[name] = decode(data[name])
            except (ValueError, TypeError) as exc:
                raise ValueError(f"{cls.__name__}.{name}: {exc}") from exc
        return cls(**kwargs)


def _name(tp: Any) -> str:
    return getattr(tp, "__name__", None) or repr(tp)
