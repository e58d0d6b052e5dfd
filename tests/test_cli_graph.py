"""The CLI's text, --json and --batch paths on graph problems."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from drt_agent.cli import app

runner = CliRunner()


def test_solve_text_prints_answer_steps_and_confidence():
    res = runner.invoke(app, ["solve", "A-B, B-C, C-F. Is A connected to F?"])
    assert res.exit_code == 0, res.output
    assert "answer: yes" in res.stdout and "steps used: 3" in res.stdout and "confidence:" in res.stdout


def test_solve_json_has_boolean_answer():
    res = runner.invoke(app, ["solve", "A-B, B-C, D-F. Is A connected to F?", "--json"])
    assert res.exit_code == 0
    out = json.loads(res.stdout)
    assert out["domain"] == "graph" and out["answer"] is False
    assert isinstance(out["steps_used"], int) and 0.5 <= out["confidence"] <= 1.0


def test_fixed_steps_option():
    res = runner.invoke(app, ["solve", "A-B, B-C, C-D. Is A connected to D?", "--json", "--steps", "5"])
    assert json.loads(res.stdout)["steps_used"] == 5


def test_batch_answers_every_good_line_in_order_and_reports_bad_ones(tmp_path):
    lines = [
        "A-B, B-C. Is A connected to C?",
        '{"text": "X->Y, Z->Y. Is X connected to Z?", "domain": "graph"}',
        "this line has no question",
        '{"text": 5}',
        "P-Q, Q-R, R-S, S-T. Is P connected to T?",
    ]
    f = tmp_path / "in.txt"
    f.write_text("\n".join(lines) + "\n")
    res = runner.invoke(app, ["solve", "--batch", str(f)])
    assert res.exit_code == 0
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(rows) == 5
    assert rows[0]["answer"] is True and rows[1]["answer"] is False and rows[4]["answer"] is True
    assert rows[2]["error"]["type"] == "ParseError" and rows[3]["error"]["type"] == "ParseError"


def test_batch_from_stdin():
    res = runner.invoke(app, ["solve", "--batch", "-"], input="A-B. Is A connected to B?\n")
    assert json.loads(res.stdout)["answer"] is True


def test_bad_input_is_a_clean_error_with_exit_2():
    res = runner.invoke(app, ["solve", "Is A connected to B?"])
    assert res.exit_code == 2
    assert "error:" in res.stderr and "Traceback" not in res.output


def test_bad_steps_value():
    res = runner.invoke(app, ["solve", "A-B. Is A connected to B?", "--steps", "many"])
    assert res.exit_code == 2 and "--steps" in res.stderr
