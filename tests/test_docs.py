"""Docs are part of the change: every command, option and public name is documented."""

from __future__ import annotations

from pathlib import Path

import typer.main

import ceasefire
from ceasefire.cli import app

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _commands(group, prefix=""):
    for name, cmd in group.commands.items():
        full = f"{prefix}{name}"
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, full + " ")
        else:
            yield full, cmd


def test_every_cli_command_and_option_is_in_docs_cli():
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    click_app = typer.main.get_command(app)
    for param in click_app.params:
        for opt in param.opts:
            if opt.startswith("--"):
                assert f"`{opt}" in text, f"global option {opt} is not documented"
    for name, cmd in _commands(click_app):
        assert f"## `{name}" in text, f"command {name!r} is not documented in docs/cli.md"
        for param in cmd.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert opt in text, f"option {opt} of {name!r} is not documented"


def test_every_public_name_is_in_docs_api():
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    for name in ceasefire.__all__:
        if name != "__version__":
            assert name in text, f"ceasefire.{name} is not documented in docs/api.md"


def test_readme_first_screen_gives_the_two_commands():
    first = "\n".join((DOCS.parent / "README.md").read_text(encoding="utf-8").splitlines()[:20])
    assert "make run" in first and "make test" in first
