"""list_inputs and read_input: paths -> Documents, and one problem per bad input."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from ceasefire.ingest import TEXT_HTML, TEXT_PLAIN, list_inputs, to_article

from .helpers import read, read_with_peak

WIRE = "IDLIB, Syria, May 4 — Shelling killed at least 12 people on Saturday, the health ministry said.\n"
PAGE = (
    "<html><head><title>Shelling in Idlib</title></head><body><article>"
    "<p>IDLIB, Syria, May 4 — Shelling killed at least 12 people in the town of Ariha on Saturday, "
    "the health ministry said. Rescue workers said the toll could rise as more bodies were recovered.</p>"
    "</article></body></html>"
)


def test_list_inputs_expands_directories_sorted_and_skips_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(WIRE)
    (tmp_path / "a.jsonl").write_text('{"id": "1", "text": "x"}\n')
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / "b" / "deep" / "three.html").write_text(PAGE)
    (tmp_path / "b" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text(WIRE)
    (tmp_path / ".hidden.txt").write_text(WIRE)
    (tmp_path / "c.warc.gz").write_bytes(b"")

    files, problems = list_inputs([tmp_path])

    assert problems == []
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "a.jsonl", "b/deep/three.html", "b/two.txt", "c.warc.gz",
    ]  # fmt: skip


def test_list_inputs_keeps_named_files_and_reports_missing_paths(tmp_path: Path) -> None:
    named = tmp_path / "notes.dat"
    named.write_text(WIRE)
    missing = tmp_path / "nowhere.txt"

    files, problems = list_inputs([named, str(missing), named])

    assert files == [named]
    assert len(problems) == 1
    assert problems[0].origin == str(missing)
    assert "no such file" in problems[0].message


def test_text_file_is_one_document_with_its_hash(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_bytes(WIRE.encode())

    docs, problems = read(path)

    assert problems == []
    assert len(docs) == 1
    assert docs[0].media_type == TEXT_PLAIN
    assert docs[0].origin == str(path)
    assert docs[0].raw == WIRE.encode()
    assert docs[0].sha256 == hashlib.sha256(WIRE.encode()).hexdigest()


def test_text_article_keeps_the_file_text_and_drops_only_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    text = "Headline\r\n\r\n" + WIRE
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())

    article = to_article(read(path)[0][0])

    assert article.id == str(path)
    assert article.text == text  # CRLF kept: offsets count in the file's own text
    assert article.title is None


def test_html_file_is_one_html_document(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(PAGE)

    docs, problems = read(path)

    assert problems == []
    assert [d.media_type for d in docs] == [TEXT_HTML]


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    jsonl = tmp_path / "export.data"
    jsonl.write_text('{"id": "a1", "text": "KABUL (AP) — Two killed."}\n{"id": "a2", "text": "More."}\n')
    html = tmp_path / "saved-page"
    html.write_text("<!DOCTYPE html>\n" + PAGE)
    text = tmp_path / "notes"
    text.write_text(WIRE)

    assert [d.origin for d in read(jsonl)[0]] == [f"{jsonl}:1", f"{jsonl}:2"]
    assert [d.media_type for d in read(html)[0]] == [TEXT_HTML]
    assert [d.media_type for d in read(text)[0]] == [TEXT_PLAIN]


def test_empty_file_is_one_problem(tmp_path: Path) -> None:
    for name in ("empty.txt", "blank.jsonl", "empty.html"):
        path = tmp_path / name
        path.write_bytes(b"" if name != "blank.jsonl" else b"\n  \n")
        docs, problems = read(path)
        assert docs == []
        assert [(p.origin, p.message) for p in problems] == [(str(path), "empty file")]


def test_file_over_the_size_limit_says_size_and_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 500)

    docs, problems = read(path, max_bytes=100)

    assert docs == []
    assert len(problems) == 1
    assert problems[0].origin == str(path)
    assert "500 bytes" in problems[0].message and "100 bytes" in problems[0].message


def test_invalid_utf8_says_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(b"GAZA CITY (AP) \xe9 two killed")

    docs, problems = read(path)

    assert docs == []
    assert len(problems) == 1
    assert problems[0].origin == str(path)
    assert "invalid UTF-8" in problems[0].message and "offset 15" in problems[0].message


def test_binary_content_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

    docs, problems = read(path)

    assert docs == []
    assert len(problems) == 1
    assert "binary" in problems[0].message


def test_unreadable_input_is_a_problem_not_an_exception(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(WIRE)

    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)  # chmod does not stop root, who runs CI
    docs, problems = read(path)

    assert docs == []
    assert [(p.origin, p.message) for p in problems] == [(str(path), "cannot read (Permission denied)")]


def test_a_directory_given_as_a_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "looks-like-a-file.txt"
    path.mkdir()

    docs, problems = read(path)

    assert docs == []
    assert [(p.origin, p.message) for p in problems] == [
        (str(path), "not a regular file (a directory); only regular files are read")
    ]


def test_html_in_a_declared_charset_is_read(tmp_path: Path) -> None:
    path = tmp_path / "latin1.html"
    page = PAGE.replace("<head>", '<head><meta charset="iso-8859-1">').replace("Ariha", "Ariha café").replace("—", "-")
    path.write_bytes(page.encode("iso-8859-1"))

    docs, problems = read(path)

    assert problems == []
    assert "Ariha café" in to_article(docs[0]).text


def _read_in_time(path: Path, max_bytes: int = 1_000_000) -> tuple[list, list]:
    """read() in a thread: a reader that blocks fails the test instead of hanging it."""
    import threading

    out: list = []
    worker = threading.Thread(target=lambda: out.append(read(path, max_bytes)), daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), f"reading {path} blocked"
    return out[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_or_found_in_a_directory_is_refused_without_blocking(tmp_path: Path) -> None:
    named = tmp_path / "pipe.jsonl"
    os.mkfifo(named)
    inside = tmp_path / "dir"
    inside.mkdir()
    (inside / "a.txt").write_text(WIRE)
    os.mkfifo(inside / "b.jsonl")

    files, listed = list_inputs([named, inside])

    assert listed == []
    assert files == [named, inside / "a.txt", inside / "b.jsonl"]
    results = [_read_in_time(f) for f in files]
    assert [len(docs) for docs, _ in results] == [0, 1, 0]
    message = "not a regular file (a FIFO); only regular files are read"
    assert [(p.origin, p.message) for _, problems in results for p in problems] == [
        (str(named), message),
        (str(inside / "b.jsonl"), message),
    ]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused_before_it_is_read() -> None:
    docs, problems = _read_in_time(Path("/dev/zero"), max_bytes=100)

    assert docs == []
    assert [(p.origin, p.message) for p in problems] == [
        ("/dev/zero", "not a regular file (a character device); only regular files are read")
    ]


def test_a_file_is_read_at_most_to_the_limit_even_when_its_size_says_less(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "growing.txt"
    path.write_bytes(WIRE.encode() * 200_000)  # ~20 MB
    real_fstat = os.fstat

    class Shrunk:  # what /proc files and files still being written report: a size below their content
        def __init__(self, st: os.stat_result) -> None:
            self.st_mode, self.st_size = st.st_mode, 10

    monkeypatch.setattr(os, "fstat", lambda fd: Shrunk(real_fstat(fd)))
    docs, problems, peak = read_with_peak(path, 5000)

    assert docs == []
    assert [(p.origin, p.message) for p in problems] == [(str(path), "file is over the limit of 5000 bytes")]
    assert peak < 1_000_000


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc here")
def test_a_proc_file_of_size_zero_is_still_held_to_the_limit() -> None:
    docs, problems = _read_in_time(Path("/proc/self/status"), max_bytes=100)

    assert docs == []
    assert [p.message for p in problems] == ["file is over the limit of 100 bytes"]


def test_a_file_name_that_is_not_utf8_is_shown_with_escapes(tmp_path: Path) -> None:
    path = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.txt"))
    path.write_text(WIRE)

    docs, problems = read(path)

    assert problems == []
    assert docs[0].origin == f"{tmp_path}/caf\\xe9.txt"
    assert to_article(docs[0]).id == docs[0].origin
    assert docs[0].meta["path"] == docs[0].origin
