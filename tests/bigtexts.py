"""Invented conflict-news prose of any size, for the big-text tests and ``bench/bigtext.py``.

A seeded generator strings together varied sentences (tolls with figures, places,
weekdays and dates, attributions, quotes, background) into paragraphs, or into one
run of text without a single line break. Every name here is made up or a common
place name; nothing is read from elsewhere.
"""

from __future__ import annotations

import random

__all__ = ["prose"]

PLACES = ["Aleppo", "Idlib", "Homs", "Daraa", "Mosul", "Kirkuk", "Kandahar", "Herat", "Sanaa", "Taiz", "Aden",
          "Benghazi", "Misrata", "Gao", "Timbuktu", "Mogadishu", "Kismayo", "Goma", "Bunia", "Juba"]
SOURCES = ["the provincial health directorate", "a local hospital director", "civil defence volunteers",
           "the regional governor", "a monitoring group", "residents", "the interior ministry", "medics at the scene",
           "a spokesman for the rescue service", "the city council", "police", "the army", "a UN agency"]
ACTORS = ["government forces", "rebel fighters", "an armed group", "militants", "security forces", "gunmen",
          "the air force", "insurgents"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
EVENTS = [
    "At least {k} people were killed and {w} wounded when shells struck a market in {p} on {d}, {s} said.",
    "An air strike on a village near {p} killed {k} civilians on {d}, according to {s}.",
    "{S} said {k} people died and {w} were injured in clashes between {a} and {b} in {p} on {d}.",
    "A car bomb exploded outside a police station in {p} on {m} {n}, killing {k} and wounding {w}, {s} said.",
    "{A} attacked a checkpoint on the road to {p} on {d}, killing {k} soldiers, {s} said.",
    "The death toll from {d}'s shelling of {p} rose to {k}, {s} said, with {w} wounded.",
    "Gunmen opened fire on a bus near {p} on {m} {n}, killing {k} passengers, {s} told reporters.",
    "{k} people were wounded when a roadside bomb hit a convoy outside {p} on {d}, {s} said.",
]
BACKGROUND = [
    "Witnesses described buildings in flames and {n} ambulances rushing to the scene.",
    "The market had reopened only {n} weeks earlier after months of closure.",
    "Rescue crews were still searching the rubble late in the evening, {s} said.",
    "Hospitals in {p} appealed for blood donations as the wounded arrived.",
    "No group claimed responsibility for the attack, which drew condemnation from aid agencies.",
    "\"We heard {n} explosions, then everyone was running,\" a shopkeeper in {p} said.",
    "Talks on a local truce stalled in {M}, and fighting has continued since then.",
    "Power was cut to the surrounding streets for {n} hours.",
    "The governor of {p} ordered an inquiry and promised compensation for the families.",
    "Schools near the site were closed for the rest of the week.",
    "Aid agencies said {n} families had fled {p} since the start of {M}.",
    "The road between {p} and {q} remained closed on {d}, {s} said.",
]


def _sentence(rng: random.Random) -> str:
    pool = EVENTS if rng.random() < 0.35 else BACKGROUND
    p, q = rng.sample(PLACES, 2)
    a, b = rng.sample(ACTORS, 2)
    s = rng.choice(SOURCES)
    text = rng.choice(pool).format(
        k=rng.randint(2, 60), w=rng.randint(3, 120), n=rng.randint(2, 9), p=p, q=q, a=a, b=b, A=a.capitalize(),
        s=s, S=s[0].upper() + s[1:], d=rng.choice(DAYS), m=rng.choice(MONTHS[:6]), M=rng.choice(MONTHS),
    )
    return text[0].upper() + text[1:]


def prose(chars: int, *, seed: int = 1, paragraphs: bool = True) -> str:
    """About ``chars`` characters of invented news prose (never more).

    With ``paragraphs``, sentences come in paragraphs of two to five separated by a
    blank line; without, the text is one run of sentences joined by single spaces.
    """
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while True:
        n = rng.randint(2, 5) if paragraphs else 1
        para = " ".join(_sentence(rng) for _ in range(n))
        sep = 2 if paragraphs else 1
        if size + len(para) + (sep if parts else 0) > chars:
            break
        parts.append(para)
        size += len(para) + (sep if len(parts) > 1 else 0)
    return ("\n\n" if paragraphs else " ").join(parts)
