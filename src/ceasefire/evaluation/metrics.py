"""Metrics of ``shared/spec/gold-format.md`` over gold articles and an incident JSON export (pure).

Written from the spec's definitions:

* claims are counted per article, whatever incident they sit in. A gold claim
  yields one figure per kind it fills (killed, wounded, casualties). A
  predicted claim matches a figure of the same article with the same kind, min
  and max (``figure``); ``attributed`` also needs the same claimant (content-word
  overlap; the outlet's own voice matches a gold "the article itself" or
  "headline"); ``evidenced`` also needs the quote to overlap the gold sentence.
  Each predicted claim matches at most one gold figure; the strictest matches
  are made first.
* gold incidents (main and secondary; background and aggregate ones are
  neither required nor held against us) are paired one to one with predicted
  incidents that list the article, when country, date (within a day), place
  (50 km, or the same admin1) and type allow it, best-scoring pairs first.
* date / place / country / type accuracies are read off the paired incidents;
  ``claim_placement`` is the share of matched gold claims whose predicted claim
  sits in the incident paired with the claim's gold incident; ``merge_links``
  are pairs of gold incidents in different articles that share a ``group_id``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from typing import Any, Iterable, Mapping, Sequence

from ..model import km_between

__all__ = ["evaluate_export", "PRF", "Metrics", "GOLD_TYPE"]

_KINDS = ("killed", "wounded", "casualties")


def _load_gold_types() -> dict[str, str]:
    text = resources.files("ceasefire").joinpath("data/taxonomy.json").read_text(encoding="utf-8")
    table = json.loads(text)["sub_event_types"]
    return {name.lower(): row["gold"] for name, row in table.items()}


GOLD_TYPE = _load_gold_types()

def _stem(w: str) -> str:
    """A word without its plural ``s`` ("sources" -> "source"; not "press", nor a word of three letters)."""
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


_FILLER = frozenset(_stem(w) for w in
    """the a an of in at for and or to on by with from as is are was were has had have that this which who s
    said says say told tell according citing cited cite quoted quoting reported reporting reports report
    statement its their his her also figure figures toll tally count number headline""".split()
)
_GENERIC = frozenset(_stem(w) for w in
    """official officials spokesman spokeswoman spokesperson source sources people person authorities
    authority government ministry agency group local""".split()
)
_OWN_VOICE = ("", "headline", "standfirst", "the article itself", "article itself", "reports", "media reports")


@dataclass(frozen=True)
class PRF:
    tp: int
    pred: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "pred": self.pred, "gold": self.gold}


@dataclass
class _Acc:
    ok: int = 0
    n: int = 0

    def add(self, good: bool) -> None:
        self.n += 1
        self.ok += bool(good)

    def as_dict(self) -> dict[str, float | int | None]:
        return {"accuracy": round(self.ok / self.n, 4) if self.n else None, "n": self.n}


@dataclass
class Metrics:
    articles: int = 0
    articles_with_output: int = 0
    unknown_report_ids: list[str] = field(default_factory=list)
    claims: dict[str, PRF] = field(default_factory=dict)
    incidents: PRF = PRF(0, 0, 0)
    merge_links: PRF = PRF(0, 0, 0)
    accuracies: dict[str, _Acc] = field(default_factory=dict)
    missed: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"articles": self.articles, "articles_with_output": self.articles_with_output,
                               "unknown_report_ids": self.unknown_report_ids}
        for k, v in self.claims.items():
            out[f"claims_{k}"] = v.as_dict()
        out["incidents"] = self.incidents.as_dict()
        out["merge_links"] = self.merge_links.as_dict()
        for k, a in self.accuracies.items():
            out[k] = a.as_dict()
        out["missed_claims"] = self.missed
        return out


# ------------------------------------------------------------------ text helpers

def _fold(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    return "".join(c for c in s if not unicodedata.combining(c)).lower().replace("defence", "defense")


def _words(s: str | None) -> set[str]:
    out = set()
    for w in re.findall(r"[a-z0-9]+", _fold(s)):
        w = _stem(w)
        if w not in _FILLER:
            out.add(w)
    return out


def _same_name(gold: set[str], pred: set[str]) -> bool:
    shared = gold & pred
    if not gold or not pred or not shared:
        return False
    if not shared - _GENERIC:
        return not (gold - _GENERIC) and not (pred - _GENERIC)
    return len(shared) * 2 > min(len(gold), len(pred))


def _is_own_voice(gold_source: str | None) -> bool:
    base = re.sub(r"\([^)]*\)", " ", gold_source or "")
    b = _fold(base).strip()
    return b in _OWN_VOICE or b.startswith("the article itself") or b.startswith("article itself")


def source_matches(gold_source: str | None, claim: Mapping[str, Any], outlet: str | None) -> bool:
    pred = claim.get("source")
    if _is_own_voice(gold_source):
        pw = _words(pred)
        if not pw or _fold(pred).startswith("the article itself") or claim.get("source_type") in ("outlet", "self"):
            return True  # no source, or the outlet's own voice
        return bool(pw & (_words(outlet) | _words(claim.get("carried_by"))))
    # the name outside brackets, and everything in brackets as one name ("Ministry (Health Ministry)")
    names = [re.sub(r"\([^)]*\)", " ", gold_source or ""), " ".join(re.findall(r"\(([^)]*)\)", gold_source or ""))]
    pw = _words(re.sub(r"\([^)]*\)", " ", str(pred or ""))) or _words(pred)
    return any(_same_name(_words(n) - {"headline", "standfirst"}, pw) for n in names if n.strip())


def quote_matches(gold_quote: str | None, pred_quote: str | None) -> bool:
    if not gold_quote or not pred_quote:
        return False
    g = " ".join(_fold(gold_quote).split())
    p = " ".join(_fold(pred_quote).split())
    if g in p or (p in g and len(p) * 2 >= len(g)):
        return True
    gw, pw = _words(g), _words(p)
    return bool(gw and pw) and len(gw & pw) * 2 >= len(gw | pw)


# ------------------------------------------------------------------ figures, dates, places

def _int(x: Any) -> int | None:
    try:
        return None if x is None else int(x)
    except (TypeError, ValueError):
        return None


def _gold_figures(claim: Mapping[str, Any]) -> list[tuple[str, int | None, int | None]]:
    out = []
    for k in _KINDS:
        lo, hi = _int(claim.get(f"{k}_min")), _int(claim.get(f"{k}_max"))
        if lo is not None or hi is not None:
            out.append((k, lo, hi))
    return out


def _pred_figure(c: Mapping[str, Any]) -> tuple[str, int | None, int | None]:
    return (str(c.get("kind") or "").lower(), _int(c.get("min")), _int(c.get("max")))


def _day(s: Any) -> date | None:
    if not isinstance(s, str) or len(s) < 10:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None



def _admin_key(s: str | None) -> str:
    s = re.sub(r"\b(governorate|province|oblast|region|state|district|prefecture|county|city|of|the)\b", " ", _fold(s))
    s = re.sub(r"\b(al|el|ad|ar|as|ash|az|ez|ed|an|at)[- ]", "", s)
    return re.sub(r"[^a-z0-9]", "", s)


def _countries(g: Mapping[str, Any]) -> set[str]:
    return {str(c).upper() for c in [g.get("country"), *(g.get("country_alternatives") or [])] if c}


def _type_ok(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    pt = GOLD_TYPE.get(str(p.get("sub_event_type") or "").lower(), "other")
    return pt == g.get("event_type") or pt in (g.get("event_type_alternatives") or [])


def _dist(g: Mapping[str, Any], loc: Mapping[str, Any]) -> float | None:
    if g.get("lat") is None or loc.get("lat") is None or loc.get("lon") is None:
        return None
    return km_between(float(g["lat"]), float(g["lon"]), float(loc["lat"]), float(loc["lon"]))


Figure = tuple[str, int | None, int | None]


def _pair_score(g: Mapping[str, Any], p: Mapping[str, Any], figs: set[Figure]) -> float | None:
    """How well a predicted incident fits a gold one, or None when they cannot be the same."""
    loc = p.get("location") or {}
    if g.get("country") and loc.get("country") and str(loc["country"]).upper() not in _countries(g):
        return None
    score = 0.0
    gd = _day(g.get("incident_date")) if g.get("date_precision") in ("day", None) else None
    pdate = p.get("date") or {}
    ps, pe = _day(pdate.get("start")), _day(pdate.get("end") or pdate.get("start"))
    if gd and ps and pe:
        if not ps - timedelta(days=1) <= gd <= pe + timedelta(days=1):
            return None
        score += 1
    d = _dist(g, loc)
    if d is not None:
        if d > 400:
            return None
        score += 2 if d <= 50 else 0
    elif g.get("admin1") and loc.get("admin1") and _admin_key(g["admin1"]) == _admin_key(loc["admin1"]):
        score += 1
    if _type_ok(g, p):
        score += 1
    score += 2 * len({f for c in g.get("claims") or [] for f in _gold_figures(c)} & figs)
    return score if score >= 2 else None


# ------------------------------------------------------------------ the evaluation

def evaluate_export(gold_articles: Sequence[Mapping[str, Any]], export: Mapping[str, Any]) -> Metrics:
    """All metrics of the spec for one gold file and one incident JSON export."""
    incidents = list(export.get("incidents") or [])
    listed: dict[str, list[int]] = defaultdict(list)
    claims_of: dict[str, list[tuple[int, Mapping[str, Any]]]] = defaultdict(list)
    for i, inc in enumerate(incidents):
        for rid in dict.fromkeys(str(r) for r in inc.get("reports") or []):
            listed[rid].append(i)
        for c in inc.get("claims") or []:
            claims_of[str(c.get("report_id"))].append((i, c))

    gold_ids = {str(a["id"]) for a in gold_articles}
    m = Metrics(articles=len(gold_articles), articles_with_output=sum(bool(listed.get(a)) for a in gold_ids),
                unknown_report_ids=sorted(set(listed) - gold_ids)[:10])
    tp = {"figure": 0, "attributed": 0, "evidenced": 0, "lenient": 0}
    n_gold = n_pred = 0
    inc_tp = inc_gold = inc_pred = 0
    acc = {k: _Acc() for k in ("incident_date", "incident_location_25km", "incident_country", "incident_type",
                               "claim_placement")}
    paired: dict[str, int] = {}
    group: dict[str, str] = {}
    article_of: dict[str, str] = {}

    for art in gold_articles:
        aid = str(art["id"])
        golds = list(art.get("gold") or [])
        for g in golds:
            group[g["incident_id"]] = g.get("group_id") or g["incident_id"]
            article_of[g["incident_id"]] = aid
        preds = claims_of.get(aid, [])
        n_pred += len(preds)
        figures = [(g, c, f) for g in golds for c in g.get("claims") or [] for f in _gold_figures(c)]
        n_gold += len(figures)
        taken: set[int] = set()
        placed_in: dict[int, int] = {}
        for level in ("evidenced", "attributed", "figure"):
            for gi, (_g, c, f) in enumerate(figures):
                if gi in placed_in:
                    continue
                for pi, (inc_i, pc) in enumerate(preds):
                    if pi in taken or _pred_figure(pc) != f:
                        continue
                    s_ok = source_matches(c.get("source"), pc, art.get("outlet"))
                    q_ok = quote_matches(c.get("quote"), pc.get("quote"))
                    if (level == "evidenced" and not (s_ok and q_ok)) or (level == "attributed" and not s_ok):
                        continue
                    taken.add(pi)
                    placed_in[gi] = inc_i
                    tp["figure"] += 1
                    tp["attributed"] += s_ok
                    tp["evidenced"] += s_ok and q_ok
                    break
        tp["lenient"] += _lenient_matches(figures, preds)
        for gi, (g, c, f) in enumerate(figures):
            if gi not in placed_in:
                m.missed.append({"article": aid, "incident": g["incident_id"], "figure": list(f),
                                 "source": c.get("source"), "quote": (c.get("quote") or "")[:200]})

        cands = listed.get(aid, [])
        figs_of = {i: {_pred_figure(c) for c in incidents[i].get("claims") or [] if str(c.get("report_id")) == aid}
                   for i in cands}
        options = []
        for g in golds:
            for i in cands:
                s = _pair_score(g, incidents[i], figs_of[i])
                if s is not None:
                    options.append((-s, g["incident_id"], i))
        used_g: set[str] = set()
        used_p: set[int] = set()
        for _s, gid, i in sorted(options):
            if gid not in used_g and i not in used_p:
                used_g.add(gid)
                used_p.add(i)
                paired[gid] = i
        counted = [g for g in golds if g.get("role") != "background" and not g.get("aggregate")]
        excused = {paired[g["incident_id"]] for g in golds if g["incident_id"] in paired and g not in counted}
        inc_gold += len(counted)
        inc_tp += sum(g["incident_id"] in paired for g in counted)
        inc_pred += sum(i not in excused for i in cands)
        for g in counted:
            if g["incident_id"] not in paired:
                continue
            p = incidents[paired[g["incident_id"]]]
            loc = p.get("location") or {}
            gd = _day(g.get("incident_date"))
            if gd and g.get("date_precision") == "day":
                pd = p.get("date") or {}
                ps, pe = _day(pd.get("start")), _day(pd.get("end") or pd.get("start"))
                acc["incident_date"].add(bool(ps and pe and ps <= gd <= pe and (pe - ps).days <= 1))
            if g.get("country"):
                acc["incident_country"].add(str(loc.get("country") or "").upper() in _countries(g))
            if g.get("lat") is not None:
                d = _dist(g, loc)
                if g.get("coord_precision") == "admin1":
                    ok = (d is not None and d <= 100) or (
                        bool(loc.get("admin1")) and _admin_key(g.get("admin1")) == _admin_key(loc.get("admin1")))
                else:
                    ok = d is not None and d <= 25
                acc["incident_location_25km"].add(ok)
            acc["incident_type"].add(_type_ok(g, p))
        for gi, (g, _c, _f) in enumerate(figures):
            if gi in placed_in and g["incident_id"] in paired:
                acc["claim_placement"].add(placed_in[gi] == paired[g["incident_id"]])

    m.claims = {k: PRF(v, n_pred, n_gold) for k, v in tp.items()}
    m.incidents = PRF(inc_tp, inc_pred, inc_gold)
    m.merge_links = _merge_links(group, article_of, paired)
    m.accuracies = acc
    return m


def _principal(low: int | None, high: int | None) -> int | None:
    """The number a figure is told by: its low end, else its high end ("at least 12" -> 12, "up to 30" -> 30)."""
    return low if low is not None else high


def _lenient_matches(figures: Sequence[tuple[Any, Any, Figure]], preds: Sequence[tuple[int, Mapping[str, Any]]]) -> int:
    """Gold figures met by a predicted claim of the same kind whose principal number is within 1 (each claim once)."""
    used: set[int] = set()
    found = 0
    for _g, _c, (kind, low, high) in figures:
        n = _principal(low, high)
        if n is None:
            continue
        for pi, (_i, pc) in enumerate(preds):
            pk, plo, phi = _pred_figure(pc)
            pn = _principal(plo, phi)
            if pi not in used and pk == kind and pn is not None and abs(pn - n) <= 1:
                used.add(pi)
                found += 1
                break
    return found


def _merge_links(group: Mapping[str, str], article_of: Mapping[str, str], paired: Mapping[str, int]) -> PRF:
    def pairs(ids: Iterable[str]) -> Iterable[tuple[str, str]]:
        ids = sorted(ids)
        for a_i, x in enumerate(ids):
            for y in ids[a_i + 1:]:
                if article_of[x] != article_of[y]:
                    yield x, y

    by_group: dict[str, list[str]] = defaultdict(list)
    for gid, grp in group.items():
        by_group[grp].append(gid)
    gold_links = {p for ids in by_group.values() for p in pairs(ids)}
    found = sum(1 for x, y in gold_links if x in paired and y in paired and paired[x] == paired[y])
    by_pred: dict[int, list[str]] = defaultdict(list)
    for gid, i in paired.items():
        by_pred[i].append(gid)
    predicted = [p for ids in by_pred.values() for p in pairs(ids)]
    correct = sum(group[x] == group[y] for x, y in predicted)
    # recall counts gold links found; precision counts predicted links that are right
    return _LinkPRF(found, len(predicted), len(gold_links), correct)


@dataclass(frozen=True)
class _LinkPRF(PRF):
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.pred if self.pred else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {**super().as_dict(), "precision_tp": self.correct}
