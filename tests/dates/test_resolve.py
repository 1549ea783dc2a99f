"""resolve_date: the event date of a mention, with precision and basis."""

from datetime import date

from ceasefire.dates import date_before, date_from_text, resolve_date
from ceasefire.model import DatePrecision, DateResolution, Evidence, Timex

SAT_17 = date(2016, 9, 17)
SUN_18 = date(2016, 9, 18)
MON_19 = date(2016, 9, 19)


def tx(text: str, start: int = 0) -> Timex:
    return Timex(text, Evidence("text", start, start + len(text), text))


def test_saturday_in_a_saturday_dateline_is_that_day() -> None:
    r = resolve_date([tx("on Saturday")], dateline=SAT_17, published=None)
    assert (r.start, r.end, r.precision) == (SAT_17, SAT_17, DatePrecision.DAY)
    assert r.basis == "'on Saturday' = dateline day 2016-09-17"


def test_saturday_in_a_monday_dateline_is_the_weekday_before() -> None:
    r = resolve_date([tx("on Saturday")], dateline=MON_19, published=None)
    assert r.start == r.end == SAT_17
    assert r.basis == "'on Saturday' = weekday before dateline 2016-09-19"


def test_monday_in_a_monday_report_and_last_monday() -> None:
    assert resolve_date([tx("Monday")], dateline=MON_19, published=None).start == MON_19
    r = resolve_date([tx("last Monday")], dateline=MON_19, published=None)
    assert r.start == date(2016, 9, 12)
    assert "one week before dateline" in r.basis


def test_yesterday_today_and_last_night() -> None:
    assert resolve_date([tx("yesterday")], dateline=MON_19, published=None).start == SUN_18
    assert resolve_date([tx("today")], dateline=MON_19, published=None).start == MON_19
    r = resolve_date([tx("last night")], dateline=MON_19, published=None)
    assert (r.start, r.precision) == (SUN_18, DatePrecision.DAY)
    assert "night before dateline 2016-09-19" in r.basis


def test_night_of_tuesday_to_wednesday_is_the_tuesday() -> None:
    thu_15 = date(2016, 9, 15)
    r = resolve_date([tx("on the night of Tuesday to Wednesday")], dateline=thu_15, published=None)
    assert r.start == date(2016, 9, 13)
    assert "Tuesday the night began" in r.basis


def test_earlier_this_month_has_month_precision() -> None:
    r = resolve_date([tx("earlier this month")], dateline=MON_19, published=None)
    assert (r.start, r.end, r.precision) == (date(2016, 9, 1), date(2016, 9, 30), DatePrecision.MONTH)


def test_last_week_is_the_previous_iso_week() -> None:
    r = resolve_date([tx("last week")], dateline=MON_19, published=None)
    assert (r.start, r.end, r.precision) == (date(2016, 9, 12), date(2016, 9, 18), DatePrecision.WEEK)


def test_explicit_dates_in_common_formats() -> None:
    for text in ("17 September 2016", "Sept. 17", "2016-09-17", "September 17th"):
        r = resolve_date([tx(text)], dateline=MON_19, published=None)
        assert (r.start, r.precision) == (SAT_17, DatePrecision.DAY), text
        assert r.basis.startswith("explicit date")


def test_missing_year_puts_the_date_on_or_before_the_anchor() -> None:
    r = resolve_date([tx("Dec. 30")], dateline=date(2017, 1, 3), published=None)
    assert r.start == date(2016, 12, 30)
    assert "year from dateline 2017-01-03" in r.basis


def test_durations_are_skipped_for_the_first_day_expression() -> None:
    r = resolve_date([tx("seven days"), tx("all week", 20), tx("on Saturday", 40)], dateline=MON_19, published=None)
    assert r.start == SAT_17


def test_a_day_beats_an_earlier_coarser_expression() -> None:
    r = resolve_date([tx("last week"), tx("on Saturday", 30)], dateline=MON_19, published=None)
    assert (r.start, r.precision) == (SAT_17, DatePrecision.DAY)


def test_publication_date_is_the_anchor_without_a_dateline() -> None:
    r = resolve_date([tx("yesterday")], dateline=None, published=MON_19)
    assert r.start == SUN_18
    assert "publication date 2016-09-19" in r.basis


def test_no_timex_falls_back_to_the_week_before_the_anchor_and_says_so() -> None:
    r = resolve_date([], dateline=date(2016, 9, 18), published=None)
    assert (r.start, r.end, r.precision) == (date(2016, 9, 12), date(2016, 9, 18), DatePrecision.WEEK)
    assert r.basis.startswith("no date in the text; dateline 2016-09-18")
    r = resolve_date([], dateline=None, published=MON_19)
    assert "no date in the text; publication date 2016-09-19" in r.basis


def test_only_durations_fall_back_and_name_them() -> None:
    r = resolve_date([tx("seven days")], dateline=MON_19, published=None)
    assert r.precision is DatePrecision.WEEK
    assert "'seven days'" in r.basis


def test_no_anchor_and_no_absolute_date_is_unknown() -> None:
    r = resolve_date([tx("on Saturday")], dateline=None, published=None)
    assert r.precision is DatePrecision.UNKNOWN and r.start is None
    assert "no dateline or publication date" in r.basis


def test_no_anchor_but_a_full_date_still_resolves() -> None:
    r = resolve_date([tx("17 September 2016")], dateline=None, published=None)
    assert r.start == SAT_17


def test_a_future_weekday_in_the_text_does_not_date_the_event() -> None:
    text = "Rebels shelled Idlib on Saturday; talks will resume on Wednesday."
    sat, wed = text.index("Saturday"), text.index("Wednesday")
    timexes = [tx("Wednesday", wed), tx("Saturday", sat)]
    r = resolve_date(timexes, dateline=MON_19, published=None, text=text)
    assert (r.start, r.precision) == (SAT_17, DatePrecision.DAY)
    # Without the text, the first day expression wins, read on or before the dateline.
    assert resolve_date(timexes, dateline=MON_19, published=None).start == date(2016, 9, 14)


def test_only_a_future_date_falls_back_and_says_so() -> None:
    text = "The ceasefire will take effect on Wednesday."
    r = resolve_date([tx("Wednesday", text.index("Wednesday"))], dateline=MON_19, published=None, text=text)
    assert r.precision is DatePrecision.WEEK
    assert "'Wednesday' not the date of a past event" in r.basis


def test_a_weekday_framed_by_last_week_told_before_is_that_weekday_of_last_week() -> None:
    # report of Tuesday 20 Sep: "three raids last week in A and B. / In A on Tuesday, ..."
    tue_20 = date(2016, 9, 20)
    framed = [tx("on Tuesday", 60), Timex("last week", Evidence("text", 20, 29, "last week"), frame=True)]
    r = resolve_date(framed, dateline=tue_20, published=None)
    assert (r.start, r.precision) == (date(2016, 9, 13), DatePrecision.DAY)
    assert "week told before" in r.basis
    # without the frame Tuesday is the dateline's own day; a frame alone dates nothing
    assert resolve_date([tx("on Tuesday")], dateline=tue_20, published=None).start == tue_20
    alone = resolve_date(framed[1:], dateline=tue_20, published=None)
    assert alone.precision is DatePrecision.WEEK and "no date in the text" in alone.basis


def test_overnight_spans_the_evening_before_and_the_morning_of_the_anchor() -> None:
    for words in ("overnight", "last night"):
        r = resolve_date([tx(words)], dateline=MON_19, published=None)
        assert (r.start, r.end, r.precision) == (SUN_18, MON_19, DatePrecision.DAY)


def test_a_clock_time_is_no_date() -> None:
    # "at 8:15 a.m." alone says nothing of the day: the report's week, not the day before, is the event's date
    for clock in ("at around 8:15 a.m.", "10 pm", "14:30", "0300 GMT", "9 o'clock", "5.30 p.m. local time"):
        r = resolve_date([tx(clock)], dateline=MON_19, published=None)
        assert r.precision == DatePrecision.WEEK, clock


def test_a_clock_time_beside_a_day_keeps_the_day() -> None:
    r = resolve_date([tx("8 a.m. on Saturday")], dateline=MON_19, published=None)
    assert r.start == r.end == SAT_17


def test_military_hours_beside_a_day_are_no_year() -> None:
    for words in ("at 1900 on Saturday", "on Saturday at 2300"):
        r = resolve_date([tx(words)], dateline=MON_19, published=None)
        assert r.start == r.end == SAT_17, words
    assert resolve_date([tx("at 1900")], dateline=MON_19, published=None).precision is DatePrecision.WEEK


def test_a_day_of_the_month_alone_is_the_latest_on_or_before_the_anchor() -> None:
    days = (("on the 14th", date(2016, 9, 14)), ("the 28th", date(2016, 8, 28)), ("the 2nd", date(2016, 9, 2)))
    for words, day in days:
        r = resolve_date([tx(words)], dateline=MON_19, published=None)
        assert (r.start, r.end, r.precision) == (day, day, DatePrecision.DAY), words


def test_a_week_ago_is_that_day_and_three_weeks_ago_the_week_around_it() -> None:
    r = resolve_date([tx("a week ago")], dateline=MON_19, published=None)
    assert (r.start, r.end, r.precision) == (date(2016, 9, 12), date(2016, 9, 12), DatePrecision.DAY)
    r = resolve_date([tx("three weeks ago")], dateline=MON_19, published=None)
    assert r.precision is DatePrecision.WEEK and r.start < date(2016, 8, 29) < r.end


def named(text: str, start: int = 0) -> Timex:
    return Timex(text, Evidence("text", start, start + len(text), text), named=True)


def test_a_time_naming_the_event_wins_unless_a_day_lies_inside_it() -> None:
    # "on Monday, officials raised the toll of last week's bombing": Monday dates the follow-up, not the bombing
    r = resolve_date([named("last week's", 40), tx("On Monday")], dateline=MON_19, published=None)
    assert (r.start, r.end, r.precision) == (date(2016, 9, 12), SUN_18, DatePrecision.WEEK)
    # "last week's fighting peaked on Thursday": the Thursday of that week
    r = resolve_date([named("last week's"), tx("on Thursday", 30)], dateline=MON_19, published=None)
    assert r.start == r.end == date(2016, 9, 15)


def stated(text: str, start: int = 0) -> Timex:
    return Timex(text, Evidence("text", start, start + len(text), text), statement=True)


def test_a_statement_s_day_bounds_the_event_to_the_week_up_to_it() -> None:
    # "the ministry said on Saturday that jets struck the town": the event fell on or before Saturday
    r = resolve_date([stated("on Saturday")], dateline=MON_19, published=None)
    assert (r.start, r.end, r.precision) == (date(2016, 9, 11), SAT_17, DatePrecision.WEEK)
    assert r.stated and r.day == SAT_17 and not r.inherited
    assert "'on Saturday' = weekday before dateline 2016-09-19" in r.basis


def test_the_event_s_own_time_wins_over_a_statement_s_whatever_their_order() -> None:
    r = resolve_date([stated("on Monday"), tx("last week", 30)], dateline=MON_19, published=None)
    assert r.precision is DatePrecision.WEEK and not r.stated and "'last week'" in r.basis
    r = resolve_date([stated("on Monday"), tx("Saturday", 30)], dateline=MON_19, published=None)
    assert (r.start, r.precision, r.stated) == (SAT_17, DatePrecision.DAY, False)


def test_a_statement_s_day_after_the_report_bounds_nothing() -> None:
    r = resolve_date([stated("on 21 September 2016")], dateline=MON_19, published=None)
    assert not r.stated and "not the date of a past event" in r.basis


def test_a_distance_back_dates_an_event_from_the_event_told_before() -> None:
    def offset(text: str) -> Timex:
        return Timex(text=text, evidence=Evidence("text", 0, len(text), text), offset=True)

    sunday = DateResolution(date(2022, 3, 13), date(2022, 3, 13), DatePrecision.DAY, "'on Sunday'")
    day = date_before([offset("a day after")], sunday)
    assert day is not None and (day.start, day.end, day.precision) == (date(2022, 3, 12), date(2022, 3, 12),
                                                                       DatePrecision.DAY)
    assert date_before([offset("the previous day")], sunday).start == date(2022, 3, 12)
    assert date_before([offset("the day before")], sunday).start == date(2022, 3, 12)
    assert date_before([offset("three days earlier")], sunday).start == date(2022, 3, 10)
    week = date_before([offset("a week earlier")], sunday)  # that day, not the week around it
    assert (week.start, week.end, week.precision) == (date(2022, 3, 6), date(2022, 3, 6), DatePrecision.DAY)
    weeks = date_before([offset("three weeks earlier")], sunday)  # a longer distance stays approximate
    assert weeks.precision is DatePrecision.WEEK and weeks.start <= date(2022, 2, 20) <= weeks.end
    weekend = DateResolution(date(2022, 3, 12), date(2022, 3, 13), DatePrecision.WEEK, "'the weekend'")
    moved = date_before([offset("a day earlier")], weekend)
    assert (moved.start, moved.end, moved.precision) == (date(2022, 3, 11), date(2022, 3, 12), DatePrecision.WEEK)
    assert date_before([offset("days earlier")], sunday) is None  # uncounted
    assert date_before([offset("a day after")], DateResolution.unknown("none")) is None


def test_a_distance_counts_from_the_time_of_its_sentence_when_one_is_told() -> None:
    # "troops were sent on Friday, two days after raiders shot four herders": the shooting on Wednesday
    distance = Timex("two days after", Evidence("text", 30, 44, "two days after"), offset=True)
    friday = Timex("on Friday", Evidence("text", 10, 19, "on Friday"), base=True)
    r = date_from_text([distance, friday], dateline=MON_19, published=None)
    assert r is not None and (r.start, r.end, r.precision) == (date(2016, 9, 14), date(2016, 9, 14), DatePrecision.DAY)
    assert "the time of its sentence" in r.basis


def test_an_offset_never_dates_an_event_from_the_report() -> None:
    t = Timex(text="a week earlier", evidence=Evidence("text", 0, 14, "a week earlier"), offset=True)
    assert date_from_text([t], dateline=date(2022, 3, 14), published=None) is None
