"""The README is tested against the code: every command it shows exists, and so does every option."""
import re

from typer.testing import CliRunner

from eventwire.cli.main import app

from .conftest import ROOT

runner = CliRunner()
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands():
    for line in README.splitlines():
        m = re.match(r"\s*eventwire ((?:resolve )?[a-z-]+)(.*)", line)
        if m:
            yield m.group(1).split(), re.findall(r"(--[a-z][a-z-]+)", m.group(2))


def test_readme_shows_the_two_setup_commands_first():
    setup = README.index("make demo")
    assert setup < README.index("make test") < README.index("eventwire code")


def test_every_readme_command_and_option_exists():
    seen = 0
    for words, options in _commands():
        result = runner.invoke(app, [*words, "--help"])
        assert result.exit_code == 0, (words, result.output)
        flat = " ".join(result.output.split())
        for opt in options:
            assert opt in flat, (words, opt)
        seen += 1
    assert seen >= 12
