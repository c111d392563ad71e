"""An educator's QA round: text a lay reader sees says what a value can be a sign of, in plain
words, and never what it means for the person or what they must do."""

from __future__ import annotations

from typer.testing import CliRunner

from panelcli.cli import app

runner = CliRunner(env={"COLUMNS": "200"})


def _said(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())  # lines joined: the width can wrap a sentence


def test_the_storm_pattern_is_a_possible_sign_and_asks_for_a_talk_not_for_care() -> None:
    """'This pattern is seen when the immune system is in overdrive. Such a pattern needs
    prompt medical attention.' stated a meaning and came close to advice."""
    demo = _said(["demo", "cytokine-storm"])
    assert (
        "This pattern can be a sign that the immune system is in overdrive. Results like these "
        "should be talked over with a healthcare provider soon." in demo
    )
    assert "is seen when" not in demo and "prompt medical attention" not in demo
    explained = _said(["explain", "IFN-γ"])
    assert (
        "Very high levels together with very high IL-6 can be a sign that the immune system is "
        "in overdrive." in explained
    )
    assert "are seen when" not in explained


def test_the_storm_demo_says_what_a_cytokine_storm_is() -> None:
    """Its title says 'Storm-like pattern', and nothing said what a cytokine storm is."""
    assert "A 'cytokine storm' means the body makes far too many immune messengers" in _said(
        ["demo", "storm"]
    )
