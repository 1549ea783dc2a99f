"""Dev texts never enter the repository: no run of 8 words from a file under ``../shared/eval/dev/``.

Every string of every dev file (article texts, titles, gold quotes, READMEs) is cut into
runs of :data:`RUN` words; no such run may appear in ``src/``, ``tests/``, ``bench/`` or
``scripts/``. The seed's own text is among the dev files: a test reads it from
``../shared/data/`` instead of holding it. No run is excepted, not even a long name.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from tests.needs import SHARED, shared

ROOT = Path(__file__).resolve().parents[1]
DEV = SHARED / "eval" / "dev"
SCANNED = ("src", "tests", "bench", "scripts")
BINARY = {".png", ".pdf", ".gz", ".pyc", ".db", ".sqlite", ".parquet", ".ico", ".woff", ".woff2"}
RUN = 8
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def runs(text: str) -> Iterator[str]:
    w = words(text)
    for i in range(len(w) - RUN + 1):
        yield " ".join(w[i : i + RUN])


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _dev_texts(path: Path) -> Iterator[str]:
    if path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield from _strings(json.loads(line))
    else:
        yield path.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def dev_runs() -> dict[str, str]:
    """Each run of words of the dev files, and the first file it is in."""
    out: dict[str, str] = {}
    for path in sorted(p for p in DEV.rglob("*") if p.is_file()):
        for text in _dev_texts(path):
            for r in runs(text):
                out.setdefault(r, str(path.relative_to(DEV)))
    return out


def repo_files() -> Iterator[Path]:
    for base in SCANNED:
        for path in sorted((ROOT / base).rglob("*")):
            if path.is_file() and path.suffix not in BINARY and "__pycache__" not in path.parts:
                yield path


def test_no_run_of_words_from_a_dev_file_is_in_the_repository() -> None:
    shared("eval", "dev")
    dev = dev_runs()
    found: list[str] = []
    for path in repo_files():
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for r in runs(text):
            if r in dev:
                found.append(f"{path.relative_to(ROOT)}: {r!r} (from {dev[r]})")
                break
    assert not found, "dev text in the repository:\n" + "\n".join(found)


def test_the_check_finds_a_run_and_only_a_whole_run() -> None:
    """The test above can fail: a dev run is found; seven of its words are not."""
    shared("eval", "dev")
    dev = dev_runs()
    some = next(iter(dev))
    assert some in set(runs(f"Prefix. {some.upper()}, suffix"))
    assert not set(runs(" ".join(some.split()[:RUN - 1]))) & dev.keys()
