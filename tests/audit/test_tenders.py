"""Discovery and grouping of tenders, and their content hash."""

from __future__ import annotations

import pytest

from clause_analyzer.audit.tenders import content_hash, discover
from clause_analyzer.errors import ConfigError


@pytest.fixture
def archive(tmp_path):
    root = tmp_path / "archives"
    (root / "DCE_1" / "sub").mkdir(parents=True)
    (root / "DCE_1" / "CCAP.pdf").write_bytes(b"a")
    (root / "DCE_1" / "sub" / "CCTP.pdf").write_bytes(b"b")
    (root / "DCE_2.zip").write_bytes(b"zip")
    (root / "RC_seul.docx").write_bytes(b"c")
    (root / ".DS_Store").write_bytes(b"junk")
    return root


def test_auto_groups_each_zip_subfolder_and_direct_file(archive) -> None:
    keys = [t.key for t in discover([archive])]
    assert keys == ["archives/DCE_1", "archives/DCE_2.zip", "archives/RC_seul.docx"]


def test_a_file_given_alone_is_one_tender(archive) -> None:
    assert [t.key for t in discover([archive / "DCE_2.zip"])] == ["DCE_2.zip"]


def test_group_by_path_makes_the_folder_one_tender(archive) -> None:
    assert [t.key for t in discover([archive / "DCE_1"], "path")] == ["DCE_1"]


def test_group_by_file_makes_every_file_a_tender(archive) -> None:
    assert len(discover([archive], "file")) == 4


def test_overlapping_paths_give_each_tender_once(archive) -> None:
    assert len(discover([archive, archive / "DCE_2.zip"])) == 3


def test_hash_follows_content_not_name(archive, tmp_path) -> None:
    copy = tmp_path / "copie"
    copy.mkdir()
    (copy / "renamed.zip").write_bytes(b"zip")
    assert content_hash(copy / "renamed.zip") == content_hash(archive / "DCE_2.zip")
    before = content_hash(archive / "DCE_1")
    (archive / "DCE_1" / "sub" / "CCTP.pdf").write_bytes(b"changed")
    assert content_hash(archive / "DCE_1") != before


def test_missing_path_is_a_config_error(tmp_path) -> None:
    with pytest.raises(ConfigError, match="introuvable"):
        discover([tmp_path / "absent"])
