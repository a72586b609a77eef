"""`clause-analyzer audit`: usage and configuration errors in one line, exit status 2."""

from __future__ import annotations

from clause_analyzer.cli import main


def test_out_is_required(capsys) -> None:
    try:
        main(["audit", "x"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "--out" in capsys.readouterr().err


def test_bad_metadata_is_a_one_line_error_before_any_work(tmp_path, capsys) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / "m.csv").write_text("id,year\na,deux mille\n", encoding="utf-8")
    status = main(
        [
            "audit",
            str(tmp_path / "a.pdf"),
            "--out",
            str(tmp_path / "o"),
            "--metadata",
            str(tmp_path / "m.csv"),
        ]
    )
    err = capsys.readouterr().err.strip()
    assert status == 2 and "\n" not in err and "n'est pas un nombre" in err


def test_missing_path_exits_2(tmp_path, capsys) -> None:
    assert main(["audit", str(tmp_path / "absent"), "--out", str(tmp_path / "o")]) == 2
    assert "introuvable" in capsys.readouterr().err
