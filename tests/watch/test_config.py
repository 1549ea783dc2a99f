"""The watch configuration: every mistake is one line naming the file, the line and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from ceasefire.errors import ConfigError
from ceasefire.watch import load_config, parse_config
from ceasefire.yamlfile import parse_yaml

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "watch.yaml"


def test_the_shipped_example_loads_with_a_folder_source_and_a_jsonl_channel() -> None:
    config = load_config(EXAMPLE)
    assert [s.kind for s in config.sources] == ["folder"]
    assert config.sources[0].location == str(EXAMPLE.parent / "incoming")
    assert [c.kind for c in config.channels] == ["jsonl"] and config.rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sources: []\n", "w.yaml:1: sources: must be a non-empty list"),
        ("sources:\n  - name: a\n    folder: x\n    interval: -1\n", "w.yaml:4: sources[0].interval: must be positive"),
        ("sources:\n  - name: a\n    folder: x\n    color: red\n", "w.yaml:4: sources[0].color: unknown field"),
        ("sources:\n  - name: a\n    feed: ftp://x\n", "w.yaml:3: sources[0].feed: must be an http:// or https:// URL"),
        ("sources:\n  - name: a\n    folder: x\n    feed: http://x\n", "w.yaml:2: sources[0]: give exactly one of"),
        ("sources:\n  - name: a\n    folder: x\n  - name: a\n    folder: y\n",
         "w.yaml:4: sources[1].name: another source has this name"),
        ("sources:\n  - name: in\n    inbox: 127.0.0.1:8765\n", "w.yaml:2: sources[0]: an inbox needs a token"),
        ("sources:\n  - name: a\n    folder: x\nalerts:\n  - name: r\n    on: new_incident\n",
         "w.yaml:4: alerts: alert rules need at least one channel"),
        ("sources:\n  - name: a\n    folder: x\nchannels:\n  - name: f\n    jsonl: a.jsonl\n"
         "alerts:\n  - name: r\n    on: sometimes\n", "w.yaml:9: alerts[0].on: unknown 'sometimes'"),
        ("sources:\n  - name: a\n    folder: x\nchannels:\n  - name: f\n    jsonl: a.jsonl\n"
         "alerts:\n  - name: r\n    on: new_incident\n    to: [f, g]\n", "w.yaml:10: alerts[0].to[1]: no channel named 'g'"),
        ("sources:\n  - name: a\n    folder: x\nchannels:\n  - name: m\n    smtp: localhost\n",
         "w.yaml:5: channels[0]: an smtp channel needs 'to'"),
        ("sources:\n  - name: a\n    folder: x\nchannels:\n  - name: f\n    jsonl: a.jsonl\n    secret: x\n",
         "w.yaml:7: channels[0].secret: a jsonl channel has no 'secret'"),
        ("sources:\n  - name: a\n    folder: x\nhttp:\n  robots: maybe\n", "w.yaml:5: http.robots: must be true or false"),
        ("sources:\n  - name: a\n    folder: x\nsources: []\n", "w.yaml:4: sources: given twice"),
        ("sources:\n  - name: a\n    folder: [x\n", "w.yaml:4: invalid YAML"),
    ],
)
def test_a_mistake_is_one_line_with_file_line_and_field(text: str, expected: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(text, "w.yaml")
    message = str(caught.value)
    assert message.startswith(expected), message
    assert "\n" not in message


def test_possible_violation_rules_take_agreements_and_only_they_do() -> None:
    head = "sources:\n  - name: a\n    folder: x\nchannels:\n  - name: f\n    jsonl: a.jsonl\nalerts:\n  - name: r\n"
    config = parse_config(head + "    on: possible_violation\n    agreement: [syria-2016-09, minsk-ii-2015]\n", "w.yaml")
    assert config.rules[0].on == "possible_violation"
    assert config.rules[0].agreements == ("syria-2016-09", "minsk-ii-2015")
    assert parse_config(head + "    on: possible_violation\n", "w.yaml").rules[0].agreements == ()
    with pytest.raises(ConfigError, match=r"w.yaml:10: alerts\[0\].agreement: only a possible_violation rule"):
        parse_config(head + "    on: new_incident\n    agreement: syria-2016-09\n", "w.yaml")


def test_secrets_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "sources:\n  - name: in\n    inbox: 127.0.0.1:8765\n    token_env: WATCH_TEST_TOKEN\n"
    with pytest.raises(ConfigError, match=r"w.yaml:4: sources\[0\].token_env: the environment variable"):
        parse_config(text, "w.yaml")
    monkeypatch.setenv("WATCH_TEST_TOKEN", "t0ken")
    assert parse_config(text, "w.yaml").sources[0].token == "t0ken"


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read .*nope.yaml"):
        load_config(tmp_path / "nope.yaml")


def test_yaml_lines_are_kept_for_nested_values() -> None:
    doc = parse_yaml("a:\n  b:\n    - x\n    - c: 1\n", "f.yaml")
    assert doc.line(("a", "b", 1, "c")) == 4 and doc.line(("a", "b", 0)) == 3
    assert str(doc.error(("a", "b", 1, "c"), "bad")) == "f.yaml:4: a.b[1].c: bad"
