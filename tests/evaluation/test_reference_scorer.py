"""Our source matching is the reference scorer's, on every gold source of the dev sets.

The whole-set comparison (``tests/quality/test_dev_gate.py``) takes minutes on MUC-4;
this one compares the one rule where the two scorers most easily drift apart -- does a
predicted source name the gold source? -- on many pairs in a second. The reference
scorer is read from ``../shared/eval/score.py`` (never copied here).
"""

from __future__ import annotations

import importlib.util
import json
import random
from types import ModuleType

from tests.needs import SHARED, shared

from ceasefire.evaluation.metrics import source_matches

EVAL = SHARED / "eval"
INVENTED = ["", None, "s", "the article itself", "Ministry's spokesman", "authorities", "local officials",
            "headline", "the police (headline)", "Harbour Police (HP)", "a Vale Times reporter", "Vale Times"]
OUTLETS = [None, "Vale Times", "Coast Radio"]
TYPES = ["outlet", "self", "official", "monitor", "unknown", None]


def _reference() -> ModuleType:
    path = shared("eval", "score.py")
    spec = importlib.util.spec_from_file_location("reference_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gold_sources() -> list[str | None]:
    out: set[str | None] = set()
    for path in sorted((EVAL / "dev").glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                for g in json.loads(line).get("gold") or []:
                    out.update(c.get("source") for c in g.get("claims") or [])
    return sorted(out, key=str)


def test_source_matching_agrees_with_the_reference_scorer() -> None:
    reference = _reference()
    golds = _gold_sources()
    assert golds, "no gold sources found"
    preds = [g for g in golds if g] + INVENTED
    rng = random.Random(7)
    differ = []
    for _ in range(20_000):
        gold, outlet = rng.choice(golds), rng.choice(OUTLETS)
        claim = {"source": rng.choice(preds), "source_type": rng.choice(TYPES), "carried_by": rng.choice(OUTLETS)}
        want = reference.source_match(gold, claim, outlet)
        if source_matches(gold, claim, outlet) != want:
            differ.append((gold, claim, outlet, want))
    assert not differ, f"{len(differ)} pairs differ, e.g. {differ[:3]}"
