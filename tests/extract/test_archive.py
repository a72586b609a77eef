from __future__ import annotations

import io
import zipfile

import pytest
from builders import ZipEntry, forge_declared_size, make_docx, make_zip, p

from clause_analyzer.errors import ArchiveError, ExtractionError
from clause_analyzer.extract import ArchiveLimits, iter_tender
from clause_analyzer.types import Document

CCAP = make_docx(p("CAHIER DES CLAUSES ADMINISTRATIVES PARTICULIÈRES") + p("Article 1 – Objet"))
TEXT = "Règlement de la consultation\n\nArticle 1 – Objet de la consultation.\n".encode()


def run(tmp_path, data: bytes, name: str = "DCE.zip", **kwargs):
    path = tmp_path / name
    path.write_bytes(data)
    return list(iter_tender(path, **kwargs))


def paths(items) -> list[str]:
    return [item.path for item in items]


def test_nested_folders_and_zip_in_zip_are_read_in_sorted_order(tmp_path) -> None:
    inner = make_zip([ZipEntry("CCTP lot 1.txt", b"Cahier des clauses techniques.")])
    data = make_zip(
        [
            ZipEntry("02 Techniques/annexes.zip", inner),
            ZipEntry("01 Administratif/CCAP.docx", CCAP),
            ZipEntry("01 Administratif/plan.png", b"\x89PNG..."),
            ZipEntry("__MACOSX/01 Administratif/._CCAP.docx", b"junk"),
            ZipEntry("01 Administratif/~$CCAP.docx", b"lock"),
        ]
    )
    items = run(tmp_path, data)
    assert paths(items) == [
        "DCE.zip/01 Administratif/CCAP.docx",
        "DCE.zip/02 Techniques/annexes.zip/CCTP lot 1.txt",
    ]
    assert all(isinstance(i, Document) for i in items)


def test_cp437_name_without_utf8_flag_is_decoded(tmp_path) -> None:
    data = make_zip([ZipEntry("Règlement de la consultation.txt".encode("cp437"), TEXT)])
    (item,) = run(tmp_path, data)
    assert item.path == "DCE.zip/Règlement de la consultation.txt"
    assert str(item.kind) == "RC"


def test_cp850_capital_accent_is_decoded(tmp_path) -> None:
    data = make_zip([ZipEntry("À lire - Règlement.txt".encode("cp850"), TEXT)])
    (item,) = run(tmp_path, data)
    assert item.path == "DCE.zip/À lire - Règlement.txt"


def test_utf8_name_without_flag_is_decoded(tmp_path) -> None:
    data = make_zip([ZipEntry("Pièces/CCAP.docx".encode(), CCAP)])
    (item,) = run(tmp_path, data)
    assert item.path == "DCE.zip/Pièces/CCAP.docx"


@pytest.mark.parametrize(
    ("name", "reason"),
    [("../../etc/CCAP.txt", "../"), ("/etc/CCAP.txt", "absolu"), ("C:/CCAP.txt", "absolu")],
)
def test_path_traversal_is_refused(tmp_path, name: str, reason: str) -> None:
    items = run(tmp_path, make_zip([ZipEntry(name, TEXT), ZipEntry("RC.txt", TEXT)]))
    errors = [i for i in items if isinstance(i, ArchiveError)]
    assert len(errors) == 1 and reason in errors[0].cause
    assert any(isinstance(i, Document) for i in items)


def test_symlink_member_is_refused(tmp_path) -> None:
    (item,) = run(tmp_path, make_zip([ZipEntry("CCAP.txt", b"/etc/passwd", symlink=True)]))
    assert isinstance(item, ArchiveError) and "lien symbolique" in item.cause


def test_encrypted_member_is_refused(tmp_path) -> None:
    (item,) = run(tmp_path, make_zip([ZipEntry("CCAP.txt", TEXT, encrypted_flag=True)]))
    assert isinstance(item, ArchiveError) and "mot de passe" in item.cause


def test_compression_ratio_bomb_is_refused(tmp_path) -> None:
    (item,) = run(tmp_path, make_zip([ZipEntry("CCAP.txt", b"\0" * (4 * 2**20))]))
    assert isinstance(item, ArchiveError) and "bombe" in item.cause


def test_declared_total_over_limit_is_refused(tmp_path) -> None:
    data = make_zip([ZipEntry("CCAP.txt", TEXT * 100), ZipEntry("RC.txt", TEXT * 100)])
    items = run(tmp_path, data, limits=ArchiveLimits(max_total_size=10_000))
    assert len(items) == 1 and "limite" in items[0].cause


def test_understated_size_is_caught_while_reading(tmp_path) -> None:
    data = forge_declared_size(make_zip([ZipEntry("CCAP.txt", TEXT * 50)]), "CCAP.txt", 10)
    (item,) = run(tmp_path, data)
    assert isinstance(item, ArchiveError)


def test_member_count_limit(tmp_path) -> None:
    data = make_zip([ZipEntry(f"f{i}.txt", TEXT) for i in range(6)])
    items = run(tmp_path, data, limits=ArchiveLimits(max_members=5))
    assert len(items) == 1 and "5 fichiers" in items[0].cause


def test_nesting_depth_limit(tmp_path) -> None:
    data = make_zip([ZipEntry("RC.txt", TEXT)])
    for level in range(3):
        data = make_zip([ZipEntry(f"niveau{level}.zip", data)])
    items = run(tmp_path, data, limits=ArchiveLimits(max_depth=2))
    assert len(items) == 1 and "imbriquées" in items[0].cause


def test_bad_member_does_not_stop_the_tender(tmp_path) -> None:
    data = make_zip([ZipEntry("A.pdf", b"%PDF-1.4 broken"), ZipEntry("B.docx", CCAP)])
    first, second = run(tmp_path, data)
    assert isinstance(first, ExtractionError) and isinstance(second, Document)


def test_corrupt_archive(tmp_path) -> None:
    data = make_zip([ZipEntry("RC.txt", TEXT)])
    (item,) = run(tmp_path, data[:-30])
    assert isinstance(item, ExtractionError)


def test_folder_is_walked_recursively_and_sorted(tmp_path) -> None:
    root = tmp_path / "DCE"
    (root / "b").mkdir(parents=True)
    (root / "b" / "CCTP.txt").write_bytes(b"Cahier des clauses techniques particulieres")
    (root / "a.txt").write_bytes(TEXT)
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (root / "dume.xml").write_bytes(b"<xml/>")
    items = list(iter_tender(root))
    assert paths(items) == ["DCE/a.txt", "DCE/b/CCTP.txt"]


def test_missing_path_is_an_error_not_an_exception(tmp_path) -> None:
    (item,) = list(iter_tender(tmp_path / "absent.zip"))
    assert isinstance(item, ExtractionError)


def test_xlsx_price_schedule_is_read_as_rows(tmp_path) -> None:
    buffer = io.BytesIO()
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr(
            "xl/workbook.xml",
            f"<workbook {ns} {rel}><sheets>"
            '<sheet name="BPU" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        zf.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
            "</Relationships>",
        )
        zf.writestr("xl/sharedStrings.xml", f"<sst {ns}><si><t>Tri des déchets</t></si></sst>")
        zf.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet {ns}><sheetData><row r="1">'
            '<c r="A1" t="s"><v>0</v></c><c r="B1"><v>12.5</v></c></row>'
            "</sheetData></worksheet>",
        )
    (item,) = run(tmp_path, buffer.getvalue(), name="DPGF lot 1.xlsx")
    assert [b.text for b in item.blocks] == ["Tri des déchets | 12.5"]
    assert str(item.kind) == "BPU"
