"""An invented news corpus for the benchmarks: distinct incidents over places and dates, several paragraphs each.

    python bench/corpus.py N OUT.jsonl [--seed S]

``articles(n, seed)`` makes ``n`` articles. Each incident (a town of 40 in 8
countries, a day in ten years, a kind of attack, a toll) is told by one to three
articles of different outlets a day or two apart, with figures that may differ by
one; each article has a dateline and a lead, then eight or nine paragraphs of two to
four sentences drawn from pools of invented ones (the scene, named witnesses quoted,
the wounded, the people displaced, responsibility, the talks, the day after, at times
an earlier attack elsewhere), in varying order, with invented names: 1,400 to 2,300
characters (about 300 words), a short wire report. Every article also carries a
``bench`` field with the facts it was made from (town, day, kind, toll, where its
lead is), so a benchmark can make its mentions without a model
(``bench/stored.py``). The same seed gives the same corpus. Nothing is read from
elsewhere.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Iterable, Iterator

# (name, country, admin1, lat, lon): the towns the invented incidents happen in
TOWNS = [
    ("Aleppo", "SY", "Aleppo", 36.20, 37.16), ("Idlib", "SY", "Idlib", 35.93, 36.63),
    ("Homs", "SY", "Homs", 34.73, 36.71), ("Daraa", "SY", "Daraa", 32.62, 36.10),
    ("Raqqa", "SY", "Raqqa", 35.95, 39.01), ("Mosul", "IQ", "Nineveh", 36.34, 43.13),
    ("Kirkuk", "IQ", "Kirkuk", 35.47, 44.39), ("Ramadi", "IQ", "Anbar", 33.42, 43.30),
    ("Basra", "IQ", "Basra", 30.51, 47.78), ("Tikrit", "IQ", "Salah ad-Din", 34.60, 43.68),
    ("Kabul", "AF", "Kabul", 34.53, 69.17), ("Kandahar", "AF", "Kandahar", 31.61, 65.71),
    ("Herat", "AF", "Herat", 34.35, 62.20), ("Kunduz", "AF", "Kunduz", 36.73, 68.86),
    ("Jalalabad", "AF", "Nangarhar", 34.43, 70.45), ("Sanaa", "YE", "Sanaa", 15.35, 44.21),
    ("Taiz", "YE", "Taiz", 13.58, 44.02), ("Aden", "YE", "Aden", 12.78, 45.04),
    ("Hodeidah", "YE", "Hodeidah", 14.80, 42.95), ("Marib", "YE", "Marib", 15.46, 45.33),
    ("Benghazi", "LY", "Benghazi", 32.12, 20.09), ("Tripoli", "LY", "Tripoli", 32.89, 13.19),
    ("Misrata", "LY", "Misrata", 32.38, 15.09), ("Sirte", "LY", "Sirte", 31.21, 16.59),
    ("Sabha", "LY", "Sabha", 27.04, 14.43), ("Maiduguri", "NG", "Borno", 11.85, 13.16),
    ("Kaduna", "NG", "Kaduna", 10.52, 7.44), ("Jos", "NG", "Plateau", 9.90, 8.86),
    ("Yola", "NG", "Adamawa", 9.21, 12.48), ("Makurdi", "NG", "Benue", 7.73, 8.52),
    ("Goma", "CD", "North Kivu", -1.68, 29.23), ("Bunia", "CD", "Ituri", 1.56, 30.25),
    ("Beni", "CD", "North Kivu", 0.49, 29.47), ("Bukavu", "CD", "South Kivu", -2.51, 28.86),
    ("Uvira", "CD", "South Kivu", -3.40, 29.14), ("Gao", "ML", "Gao", 16.27, -0.04),
    ("Mopti", "ML", "Mopti", 14.49, -4.18), ("Timbuktu", "ML", "Tombouctou", 16.77, -3.01),
    ("Kidal", "ML", "Kidal", 18.44, 1.41), ("Menaka", "ML", "Menaka", 15.92, 2.40),
]
# (lead's trigger, sub-event type, event type, leads): {t} town, {d} weekday, {k} killed, {w} wounded, {s} source
KINDS = [
    ("shells", "Shelling/artillery/missile attack", "Explosions/Remote violence", [
        "Artillery shells hit a crowded market in {t} on {d}, killing {k} people and wounding {w}, {s} said.",
        "{s} said {k} civilians were killed and {w} injured when shells landed on a residential street in {t} "
        "on {d}.",
        "At least {k} people died on {d} when mortar shells struck a bus station in {t}, according to {s}.",
    ]),
    ("gunmen", "Attack", "Violence against civilians", [
        "Gunmen on motorcycles opened fire on a village outside {t} on {d}, killing {k} people, {s} said.",
        "{k} people were shot dead and {w} wounded when gunmen stormed a wedding party near {t} on {d}, "
        "according to {s}.",
        "Armed men killed {k} farmers in fields east of {t} on {d}, {s} said, and {w} others were hurt.",
    ]),
    ("bomb", "Remote explosive/landmine/IED", "Explosions/Remote violence", [
        "A car bomb exploded near a police checkpoint in {t} on {d}, killing {k} people and wounding {w}, "
        "{s} said.",
        "{k} people were killed on {d} when a roadside bomb struck a minibus on the main road into {t}, "
        "according to {s}.",
        "A bomb hidden in a cart went off outside a mosque in {t} on {d}, killing {k} worshippers, {s} said.",
    ]),
    ("clashes", "Armed clash", "Battles", [
        "Clashes between government troops and rebel fighters on the edge of {t} on {d} left {k} combatants "
        "dead, {s} said.",
        "Fighting erupted around an army base near {t} on {d} and {k} fighters were killed, according to {s}.",
        "{k} soldiers and militants died in heavy fighting for a hilltop outside {t} on {d}, {s} said.",
    ]),
    ("air strike", "Air/drone strike", "Explosions/Remote violence", [
        "An air strike on a school building in {t} on {d} killed {k} people and wounded {w}, {s} said.",
        "Warplanes bombed a fuel depot on the outskirts of {t} on {d}, killing {k} civilians, according to {s}.",
        "{s} said a drone strike on a car in {t} on {d} killed {k} people, among them two children.",
    ]),
]
SOURCES = ["the provincial health directorate", "a local hospital director", "civil defence volunteers",
           "police", "a monitoring group", "the provincial governor", "residents", "a medical charity",
           "the interior ministry", "a spokesman for the army", "the district council", "rescue workers"]
OUTLETS = ["Northern Ledger", "Valley Post", "Coastal Wire", "Daily Meridian", "Frontier Times", "Harbour Herald",
           "Evening Courier", "Plains Observer", "River Gazette", "Summit Chronicle", "Morning Dispatch",
           "Border Review"]
SYLLABLES = ["ka", "lo", "mi", "ru", "te", "sa", "po", "ne", "vi", "da", "go", "fu", "ze", "ha", "ji", "bo", "ra",
             "we", "an", "ly", "mar", "sel", "tor", "din"]
ROLES = ["a shopkeeper", "a teacher", "a taxi driver", "a nurse", "a farmer", "a student", "a pharmacist",
         "a baker", "a mechanic", "a local councillor"]
TIMES = ["shortly after dawn", "in the early afternoon", "at around nine in the morning", "late in the evening",
         "just before midday prayers", "as schools were letting out", "in the middle of the night"]

# Paragraph pools: each paragraph is two or three sentences from one pool.
SCENE = [
    "The attack came {time}, when the streets were busy.",
    "Footage shared by residents showed burnt-out cars and a collapsed shop front.",
    "Windows were shattered across {n} blocks, and smoke could be seen from the far side of the city.",
    "Rescue crews worked through the night to pull survivors from the rubble of {n} houses.",
    "Witnesses said they heard {n} loud blasts in quick succession.",
    "Security forces sealed off the area and turned back journalists trying to reach it.",
    "Electricity was cut in several districts for hours afterwards.",
    "A water tanker and {n} market stalls were destroyed, traders said.",
    "Local radio interrupted its programmes to broadcast appeals for calm.",
    "Shopkeepers swept broken glass from the pavement while soldiers stood guard at the corners.",
    "The blast left a crater several metres wide in the middle of the road.",
    "Fire engines took more than an hour to arrive because of checkpoints on the way.",
    "Mobile phone networks went down across the area for most of the afternoon.",
]
QUOTE = [
    "\"We ran to help and found people lying in the road,\" said {name}, {role} who lives nearby.",
    "\"There was no warning at all,\" {name}, {role}, told reporters by telephone.",
    "\"My brother was on his way to work; we are still looking for him,\" said {name}, {role}.",
    "\"The hospital is full and we are running out of supplies,\" said {name}, a doctor at the main clinic.",
    "\"This neighbourhood has nothing to do with the fighting,\" said {name}, {role}.",
    "\"I closed my shop and hid in the back with my children,\" {name}, {role}, said.",
    "{name}, {role}, said the families of the victims had gathered outside the morgue before sunset.",
]
WOUNDED = [
    "Doctors at the city's two main hospitals said many of the wounded were in a serious condition.",
    "The health directorate appealed for blood donors and said {n} surgeons had been called in.",
    "Some of the injured were taken to clinics in neighbouring districts by private car.",
    "Among the wounded were {n} children, a nurse at the regional hospital said.",
    "The toll could rise, medics warned, as several people remained in intensive care.",
    "Volunteers set up a first aid post in a school yard and treated people with cuts and burns.",
    "The only ambulance service in the district has {n} vehicles left, its director said.",
    "Relatives queued outside the emergency ward for news of the injured.",
]
DISPLACED = [
    "Aid agencies say some {m} families have fled the district since the start of the year.",
    "Many residents packed their belongings onto trucks and left for villages to the south.",
    "A camp on the edge of the city already shelters about {m} people who fled earlier fighting.",
    "Schools in the area will stay closed for {n} days, the education office said.",
    "The main road to the provincial capital was closed for {n} hours after the attack.",
    "Prices of bread and fuel in the local market have risen sharply since the roads were cut.",
    "A relief convoy carrying food and medicine was turned back at a checkpoint last week.",
    "Humanitarian groups say they can reach only part of the district because of the insecurity.",
]
RESPONSIBILITY = [
    "No group had claimed responsibility by the evening.",
    "Officials blamed insurgents operating from the hills around the city, without giving evidence.",
    "The army said it had launched an operation to find those responsible.",
    "A spokesman for the armed opposition denied any involvement and called for an inquiry.",
    "The governor ordered an investigation and promised compensation to the families.",
    "Each side accused the other of targeting civilians in statements posted online.",
    "Police said they had arrested {n} suspects in raids on nearby farms.",
]
CONTEXT = [
    "The region has seen a rise in violence in recent months despite repeated calls for a truce.",
    "Talks between the warring parties stalled in the spring over the release of prisoners.",
    "Foreign diplomats condemned the attack and urged all sides to protect civilians.",
    "Monitors say the number of attacks on markets and schools has doubled over the past year.",
    "A ceasefire agreed last year has been broken repeatedly, according to observers.",
    "The United Nations envoy is expected to visit the area later this month.",
    "Neighbouring countries have closed their border crossings to all but humanitarian traffic.",
    "Both sides have reinforced their positions along the front line in recent weeks.",
    "Local elders have tried to broker a deal to reopen the roads, so far without success.",
]
EARLIER = [
    "Last month {k2} people were killed in a similar attack in {t2}, officials said at the time.",
    "In {month}, an explosion at a checkpoint near {t2} killed {k2} members of the security forces.",
    "It was the {ordinal} deadly attack in the province this year.",
]
AFTERMATH = [
    "Funerals for several of the dead were held the next morning, attended by hundreds of mourners.",
    "Traders said they would not reopen their stalls until security in the market improved.",
    "The local council declared {n} days of mourning and flags were lowered on public buildings.",
    "Engineers began inspecting damaged buildings for fear that some might collapse.",
    "Parents kept their children at home, and the streets were almost empty by nightfall.",
    "A committee of residents began compiling a list of the damaged homes to present to the authorities.",
]
# Words of the paragraphs' sentences, each replaced by one of its variants at random: two articles that draw the
# same sentence still share few runs of five words (as unrelated reports do), so copy detection is not misled.
VARIANTS = {
    "attack": ["attack", "assault", "raid", "strike"], "streets": ["streets", "roads", "lanes", "alleys"],
    "busy": ["busy", "crowded", "full", "packed"], "residents": ["residents", "locals", "neighbours", "inhabitants"],
    "shop": ["shop", "store", "bakery", "pharmacy", "workshop"], "city": ["city", "town", "district", "area"],
    "houses": ["houses", "homes", "buildings", "dwellings"], "loud": ["loud", "heavy", "deafening", "powerful"],
    "area": ["area", "zone", "quarter", "neighbourhood"], "journalists": ["journalists", "reporters", "camera crews"],
    "several": ["several", "many", "a number of", "some"], "hours": ["hours", "a long time", "much of the day"],
    "market": ["market", "bazaar", "souk", "square"], "traders": ["traders", "merchants", "vendors", "stallholders"],
    "programmes": ["programmes", "broadcasts", "shows"], "calm": ["calm", "restraint", "patience"],
    "soldiers": ["soldiers", "troops", "guards", "police officers"], "road": ["road", "street", "highway", "avenue"],
    "wounded": ["wounded", "injured", "hurt", "casualties"], "serious": ["serious", "critical", "grave", "bad"],
    "hospital": ["hospital", "clinic", "medical centre", "infirmary"], "children": ["children", "minors", "youngsters"],
    "families": ["families", "households", "people"], "villages": ["villages", "hamlets", "settlements", "towns"],
    "fighting": ["fighting", "violence", "combat", "clashes"], "food": ["food", "flour", "rice", "supplies"],
    "officials": ["officials", "authorities", "administrators"], "evidence": ["evidence", "proof", "details"],
    "statements": ["statements", "messages", "posts", "videos"], "suspects": ["suspects", "men", "people"],
    "region": ["region", "province", "governorate", "countryside"], "recent": ["recent", "past", "last few"],
    "talks": ["talks", "negotiations", "discussions"], "spring": ["spring", "summer", "autumn", "winter"],
    "diplomats": ["diplomats", "envoys", "ambassadors"], "civilians": ["civilians", "non-combatants", "bystanders"],
    "observers": ["observers", "monitors", "analysts", "rights groups"], "border": ["border", "frontier"],
    "positions": ["positions", "lines", "defences", "outposts"], "weeks": ["weeks", "days", "months"],
    "elders": ["elders", "clan leaders", "religious leaders", "notables"], "deal": ["deal", "truce", "arrangement"],
    "mourners": ["mourners", "relatives", "neighbours", "people"], "morning": ["morning", "day", "afternoon"],
    "buildings": ["buildings", "blocks", "structures", "houses"], "nightfall": ["nightfall", "dusk", "evening"],
    "committee": ["committee", "group", "council", "delegation"], "authorities": ["authorities", "governor", "state"],
    "doctors": ["doctors", "surgeons", "medics", "nurses"], "blood": ["blood", "plasma", "medicine"],
    "volunteers": ["volunteers", "scouts", "students", "neighbours"], "relatives": ["relatives", "families", "friends"],
    "convoy": ["convoy", "column", "shipment"], "prices": ["prices", "costs"], "fuel": ["fuel", "petrol", "diesel"],
    "schools": ["schools", "colleges", "classrooms"], "camp": ["camp", "tent city", "settlement", "site"],
    "inquiry": ["inquiry", "investigation", "probe"], "operation": ["operation", "campaign", "search", "hunt"],
}
_VARIED = re.compile(r"\b(" + "|".join(sorted(VARIANTS, key=len, reverse=True)) + r")\b")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
FIRST = date(2015, 1, 1)
DAYS = 3650


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}"


def _toll(rng: random.Random) -> int:
    return rng.choice([1, 2, 2, 3, 3, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 15, 17, 20, 23, 30, 45])


def _paragraph(pool: list[str], rng: random.Random, slots: dict[str, Any], count: int) -> str:
    text = " ".join(s.format(**slots) for s in rng.sample(pool, min(count, len(pool))))
    return _VARIED.sub(lambda m: rng.choice(VARIANTS[m.group(1)]), text)


def _text(rng: random.Random, town: str, day: date, lead: str, outlet: str) -> str:
    other = rng.choice(TOWNS)[0]
    slots = {"time": rng.choice(TIMES), "n": rng.randint(2, 9), "m": rng.randint(200, 9000),
             "name": _name(rng), "role": rng.choice(ROLES), "k2": _toll(rng), "t2": other,
             "month": MONTHS[(day.month - 2) % 12], "ordinal": rng.choice(["second", "third", "fourth", "fifth"])}
    pools = [(SCENE, 3, 4), (QUOTE, 1, 1), (WOUNDED, 2, 4), (DISPLACED, 2, 4), (RESPONSIBILITY, 2, 3),
             (CONTEXT, 2, 4), (AFTERMATH, 2, 3)]
    body = [_paragraph(pool, rng, slots, rng.randint(lo, hi)) for pool, lo, hi in pools]
    if rng.random() < 0.5:
        body.append(_paragraph(EARLIER, rng, slots, 1))
    slots["name"], slots["role"] = _name(rng), rng.choice(ROLES)
    body.append(_paragraph(QUOTE, rng, slots, 1))
    middle = body[1:-1]
    rng.shuffle(middle)
    paragraphs = [f"{town.upper()} ({outlet}) - {lead}", body[0], *middle, body[-1]]
    return "\n\n".join(paragraphs)


def articles(n: int, seed: int = 13, undated: float = 0.0) -> list[dict[str, Any]]:
    """``n`` invented articles (the same for the same seed); ``undated`` of them have no publication date."""
    return list(iter_articles(n, seed, undated))


def iter_articles(n: int, seed: int = 13, undated: float = 0.0, per_day: float = 0.0) -> Iterator[dict[str, Any]]:
    """The articles of :func:`articles`, made one at a time (a corpus of 100,000 is never all in memory).

    ``per_day`` 0: each incident's day is drawn from ten years, so the more articles, the
    denser the news on any day (100,000 articles are 27 a day). ``per_day`` R: a news
    stream in the order it was published, R articles a day from the first day on, so a
    day holds as much news at the end of a long corpus as at its start.
    """
    rng = random.Random(seed)
    made = 0
    event = 0
    while made < n:
        event += 1
        town = rng.choice(TOWNS)
        day = FIRST + timedelta(days=int(made / per_day) if per_day else rng.randrange(DAYS))
        trigger, sub, etype, leads = rng.choice(KINDS)
        killed = _toll(rng)
        for outlet in rng.sample(OUTLETS, min(rng.choice([1, 1, 2, 3]), n - made)):
            i = made
            said = killed + rng.choice([0, 0, 0, 1])
            published = day + timedelta(days=rng.choice([0, 1, 1, 2]))
            source = rng.choice(SOURCES)
            lead = rng.choice(leads).format(t=town[0], d=day.strftime("%A"), k=said, w=said + rng.randint(1, 40),
                                            s=source)
            lead = lead[0].upper() + lead[1:]
            row: dict[str, Any] = {
                "id": f"corpus-{i}", "outlet": outlet,
                "title": f"{said} killed in {town[0]} {trigger} attack",
                "text": _text(rng, town[0], day, lead, outlet),
                "bench": {"event": event, "town": list(town), "day": day.isoformat(), "trigger": trigger,
                          "lead": [len(f"{town[0].upper()} ({outlet}) - "), len(f"{town[0].upper()} ({outlet}) - ")
                                   + len(lead)],
                          "kind": [sub, etype], "killed": said, "source": source},
            }
            if rng.random() >= undated:
                row["publication_date"] = published.isoformat()
            made += 1
            yield row


def write(path: Path, rows: Iterable[dict[str, Any]], bench_field: bool = True) -> Path:
    """``rows`` as JSONL at ``path`` (without the ``bench`` field unless asked)."""
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row if bench_field else {k: v for k, v in row.items() if k != "bench"}) + "\n")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    write(args.out, articles(args.n, args.seed))


if __name__ == "__main__":
    main()
