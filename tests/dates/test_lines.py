"""normalize_line: the core of `ceasefire dates`, reading the words around each timex."""

from datetime import date

from ceasefire.dates import normalize_line, normalize_lines

MON_19 = "2016-09-19"  # a Monday


def line(text: str, *phrases: str, dct: object = MON_19) -> dict[str, object]:
    """A line whose timexes are the first occurrence of each phrase in ``text``."""
    timexes = []
    for p in phrases:
        start = text.index(p)
        timexes.append({"start": start, "end": start + len(p), "text": p})
    return {"id": "t1", "dct": dct, "text": text, "timexes": timexes}


def values(out: dict[str, object]) -> list[object]:
    return [t["value"] for t in out["timexes"]]  # type: ignore[index,union-attr]


def test_weekday_same_day_before_and_last() -> None:
    text = "Shelling resumed on Monday. Rebels shelled the town on Saturday. The truce broke down last Monday."
    out = normalize_line(line(text, "Monday", "Saturday", "last Monday"))
    assert values(out) == ["2016-09-19", "2016-09-17", "2016-09-12"]
    assert out["timexes"][1]["basis"] == "'Saturday' = weekday before document date 2016-09-19"  # type: ignore[index]


def test_weekday_with_will_is_in_the_future() -> None:
    text = "Negotiators will meet in Geneva on Thursday to discuss the truce."
    out = normalize_line(line(text, "Thursday"))
    assert values(out) == ["2016-09-22"]
    assert "future tense: 'will'" in out["timexes"][0]["basis"]  # type: ignore[index]


def test_planned_and_scheduled_are_future_but_a_past_verb_is_not() -> None:
    text = "The convoy is scheduled to leave Aleppo Wednesday. Jets struck the base Wednesday."
    first = text.index("Wednesday")
    second = text.index("Wednesday", first + 1)
    out = normalize_line({"id": "x", "dct": MON_19, "text": text, "timexes": [
        {"start": first, "end": first + 9, "text": "Wednesday"},
        {"start": second, "end": second + 9, "text": "Wednesday"}]})
    assert values(out) == ["2016-09-21", "2016-09-14"]


def test_yesterday_last_night_and_the_night_of() -> None:
    text = ("Two soldiers died yesterday. Mortars fell last night. "
            "Fighting raged on the night of Tuesday to Wednesday.")
    out = normalize_line(line(text, "yesterday", "last night", "the night of Tuesday to Wednesday", dct="2016-09-15"))
    assert values(out) == ["2016-09-14", "2016-09-14TNI", "2016-09-13TNI"]


def test_earlier_this_month_last_week_and_explicit_formats() -> None:
    text = ("Clashes began earlier this month and worsened last week. The first strike was on 3 September 2016, "
            "the second on Sept. 10 and the third on 2016-09-12.")
    out = normalize_line(line(text, "earlier this month", "last week", "3 September 2016", "Sept. 10", "2016-09-12"))
    assert values(out) == ["2016-09", "2016-W37", "2016-09-03", "2016-09-10", "2016-09-12"]


def test_year_less_month_follows_the_tense() -> None:
    text = "In March, the army took the town. Elections will be held in March."
    first = text.index("March")
    second = text.index("March", first + 1)
    out = normalize_line({"id": "x", "dct": "2016-10-20", "text": text, "timexes": [
        {"start": first, "end": first + 5, "text": "March"},
        {"start": second, "end": second + 5, "text": "March"}]})
    assert values(out) == ["2016-03", "2017-03"]


def test_a_deadline_after_a_past_verb_stays_nearest() -> None:
    text = "The ministry extended the deadline to Nov. 20."
    assert values(normalize_line(line(text, "Nov. 20", dct="2016-11-02"))) == ["2016-11-20"]


def test_last_before_the_timex_belongs_to_it() -> None:
    text = "The militia has held the ridge since last October."
    assert values(normalize_line(line(text, "October", dct="2016-05-05"))) == ["2015-10"]


def test_year_ago_in_a_report_of_quarterly_results_is_the_quarter() -> None:
    text = ("The arms maker said third-quarter profit rose to $5 million from $3 million a year earlier. "
            "For the first nine months, sales rose 8% from a year ago. Quarter sales in the latest period rose.")
    out = normalize_line(line(text, "a year earlier", "a year ago", "the latest period", dct="2016-10-20"))
    assert values(out) == ["2015-Q3", "2015", "2016-Q3"]


def test_a_year_ago_elsewhere_is_a_year() -> None:
    text = "The town fell a year ago."
    assert values(normalize_line(line(text, "a year ago"))) == ["2015"]


def test_missing_and_bad_dct_give_null_values_with_a_reason() -> None:
    text = "Rebels attacked on Saturday."
    missing = normalize_line(line(text, "Saturday", dct=None))
    assert values(missing) == [None]
    assert "no document date" in missing["timexes"][0]["basis"]  # type: ignore[index]
    bad = normalize_line(line(text, "Saturday", dct="last Tuesday"))
    assert values(bad) == [None]
    assert "'last Tuesday' is not an ISO date" in bad["timexes"][0]["basis"]  # type: ignore[index]
    assert values(normalize_line(line(text, "Saturday", dct="2016-09-19T08:30:00Z"))) == ["2016-09-17"]


def test_bad_timexes_never_raise() -> None:
    out = normalize_line({"id": "x", "dct": MON_19, "text": "short", "timexes": [
        {"start": 50, "end": 60, "text": "yesterday"}, {"start": 0, "end": 5}, "junk", {}]})
    assert values(out) == ["2016-09-18", None, None, None]
    assert "not understood" in out["timexes"][1]["basis"]  # type: ignore[index]
    assert "not a timex object" in out["timexes"][2]["basis"]  # type: ignore[index]
    assert normalize_line({"id": "x", "dct": MON_19})["problem"] == "no 'timexes' list on the line"


def test_fields_are_kept_and_lines_stream() -> None:
    lines = [line("Fighting on Sunday.", "Sunday"), {"id": "t2", "dct": MON_19, "text": "", "timexes": []}]
    out = list(normalize_lines(iter(lines)))
    assert [o["id"] for o in out] == ["t1", "t2"]
    assert out[0]["timexes"][0]["start"] == 12  # type: ignore[index]
    assert out[0]["timexes"][0]["value"] == date(2016, 9, 18).isoformat()  # type: ignore[index]
