"""The template context: its wording, and that the templates use only its documented fields."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from jinja2 import nodes

from ceasefire.brief import context
from ceasefire.brief import view as view_module
from ceasefire.brief.jinja import _html_env, _md_env
from ceasefire.brief.render import pictures, view
from ceasefire.brief.view import View, day_label, figure_range, period_label, safe_link
from tests.brief.example import GOV, example_brief

DOCS = Path(__file__).resolve().parents[2] / "docs" / "brief.md"
NESTED = (view_module.RowView, view_module.EvidenceView, view_module.LineView, view_module.StatusCount,
          view_module.TermView, view_module.ImageRef)


def test_labels():
    assert figure_range(6, 9) == "6–9" and figure_range(3, 3) == "3" and figure_range(12, None) == "12+"
    assert figure_range(None, 9) == "up to 9" and figure_range(None, None) == "—"
    assert period_label(date(2016, 9, 12), date(2016, 9, 18)) == "12–18 September 2016"
    assert period_label(date(2016, 8, 29), date(2016, 9, 4)) == "29 August – 4 September 2016"
    assert period_label(date(2016, 12, 29), date(2017, 1, 4)) == "29 December 2016 – 4 January 2017"
    assert day_label(date(2016, 9, 13), weekday=True, short=True) == "Tue 13 Sep 2016"


def test_only_absolute_http_urls_become_links():
    assert safe_link("https://news.example/a?b=1") == "https://news.example/a?b=1"
    for bad in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", " https://x.example", "data:text/html,x", "//x.example",
                "/relative", "", None):
        assert safe_link(bad) is None, bad


def test_the_view_words_the_brief():
    b = example_brief()
    v = view(b, image_stem="brief")
    assert v.period == "12–18 September 2016" and v.previous_period == "5–11 September 2016"
    assert v.in_force == "in force from 12 September 2016, 19:00 (UTC+03:00), no end date"
    assert v.summary.startswith("6 possible violations in 12–18 September 2016, against 3 in the 7 days before.")
    gov = v.headline[0]
    assert (gov.party, gov.now, gov.before, gov.change, gov.killed_now, gov.killed_before) == (
        GOV, 4, 2, "+2", "9–12 (2 without a figure)", "7–9")
    assert [r.number for r in v.violations] == [1, 2, 3, 4, 5, 6]
    assert [r.number for r in v.unattributed] == [7, 8] and [r.number for r in v.others] == [9, 10]
    assert [t.ref for t in v.terms] == ["Art. 1", "Art. 3"]
    daraa = v.violations[1]
    assert (daraa.place, daraa.place_note, daraa.drawn) == ("Daraa, SY", "known only to its province", "area")
    week = v.unattributed[0]
    assert (week.date, week.date_note) == ("12–18 Sep 2016", "dated only to the week")
    assert v.map.src == "brief-map.png" and v.daily.src == "brief-daily.png"
    assert view(b).map.src.startswith("data:image/png;base64,")


def test_an_agreement_with_an_end_says_so_and_a_period_outside_the_chart_is_listed():
    b = example_brief()
    end = datetime(2016, 9, 19, 19, 0, tzinfo=timezone(timedelta(hours=3)))
    before = dataclasses.replace(b.rows[0], incident_id="early", when=dataclasses.replace(b.rows[0].when,
                                 start=date(2016, 9, 11), end=date(2016, 9, 11)))
    changed = dataclasses.replace(b, agreement_end=end, rows=(*b.rows, before))
    v = view(changed, pictures(changed))
    assert v.in_force.endswith("to 19 September 2016, 19:00 (UTC+03:00)")
    assert [r.row.incident_id for r in v.undated] == ["early"]


def _attributes(template_source: str, env) -> set[tuple[str, str]]:
    found = set()
    for node in env.parse(template_source).find_all(nodes.Getattr):
        if isinstance(node.node, nodes.Name):
            found.add((node.node.name, node.attr))
    return found


def test_templates_use_only_the_fields_of_the_documented_context():
    top = {f.name for f in dataclasses.fields(View)}
    nested = {f.name for cls in NESTED for f in dataclasses.fields(cls)} | {"src", "alt"}
    for env, name in ((_html_env(), "brief.html"), (_md_env(), "brief.md")):
        source = env.loader.get_source(env, name)[0]
        used = _attributes(source, env)
        assert used, name
        for var, attr in used:
            if var == "loop":
                continue
            if var == "v":
                assert attr in top, f"{name}: v.{attr} is not a field of View"
            else:
                assert attr in nested, f"{name}: {var}.{attr} is not a field of the context's types"


def test_docs_describe_every_field_of_the_input_and_of_the_template_context():
    text = DOCS.read_text(encoding="utf-8")
    for cls in (context.Brief, context.BriefRow, context.SourceFigure, context.EvidenceLine, View, *NESTED):
        assert cls.__name__ in text, f"{cls.__name__} is not in docs/brief.md"
        for f in dataclasses.fields(cls):
            assert f"`{f.name}`" in text, f"{cls.__name__}.{f.name} is not documented in docs/brief.md"
