"""Namesakes end to end: `kg run` on two articles that name two people 李强, then `kg show 李强`."""

from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app


def test_namesakes_kg_show_lists_both_people(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(
        "国务院总理李强5日在人民大会堂作政府工作报告。\n", encoding="utf-8"
    )
    (pages / "b.txt").write_text(
        "本报聊城讯 副市长、市公安局局长李强到东昌府区调研安全生产工作。\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    ran = CliRunner().invoke(app, ["run", str(pages), "--out", str(out), "--home-city", "聊城"])
    assert ran.exit_code == 0, ran.output
    shown = CliRunner().invoke(app, ["show", "李强", "--out", str(out)])
    assert "PERSON:李强（国务院总理）" in shown.output
    assert "PERSON:李强（聊城市副市长）" in shown.output
    assert "PERSON:李强 " not in shown.output  # no third node for the bare name
