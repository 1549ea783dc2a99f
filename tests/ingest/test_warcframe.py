"""Damaged WARC archives: a damaged record is one problem with its byte offset, never a stored document.

Archives are built here byte by byte (plain and gzipped, with and without
digests), then cut, corrupted or given a wrong Content-Length.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
from pathlib import Path

import pytest

from ceasefire.ingest import to_article

from .helpers import read, read_with_peak

STORIES = [
    "Shelling killed 3 people in the town of Ariha on Sunday, the health ministry said.",
    "An air strike killed 5 fighters near Maarat on Monday, the Observatory said.",
    "Two civilians were wounded when a mortar hit a market in Saraqib on Tuesday.",
    "A car bomb killed 8 people at a checkpoint outside Azaz on Wednesday, police said.",
]


def _digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def record(n: int, *, digests: bool = False, delta: int = 0, body: bytes | None = None, kind: str = "text/html") -> bytes:
    """One response record for story ``n``; ``delta`` is added to its true Content-Length."""
    payload = body if body is not None else f"<html><body><article><p>{STORIES[n]}</p></article></body></html>".encode()
    block = f"HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\n\r\n".encode() + payload
    headers = [
        "WARC/1.0",
        "WARC-Type: response",
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000{n}>",
        f"WARC-Target-URI: https://example.org/story/{n}",
        "WARC-Date: 2024-03-18T10:00:00Z",
        "Content-Type: application/http; msgtype=response",
        f"Content-Length: {len(block) + delta}",
    ]
    if digests:
        headers += [f"WARC-Block-Digest: {_digest(block)}", f"WARC-Payload-Digest: {_digest(payload)}"]
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def rid(n: int) -> str:
    return f"urn:uuid:00000000-0000-0000-0000-00000000000{n}"


def stories(docs: list) -> list[int]:
    return [next(i for i, s in enumerate(STORIES) if s in to_article(d).text) for d in docs]


def write(tmp_path: Path, name: str, parts: list[bytes], *, gz: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes(b"".join(gzip.compress(p) for p in parts) if gz else b"".join(parts))
    return path


@pytest.mark.parametrize("gz", [False, True])
def test_a_whole_archive_reads_every_record_with_its_offset(tmp_path: Path, gz: bool) -> None:
    parts = [record(n, digests=n % 2 == 0) for n in range(4)]
    path = write(tmp_path, "whole.warc" + (".gz" if gz else ""), parts, gz=gz)

    docs, problems = read(path)

    assert problems == []
    assert stories(docs) == [0, 1, 2, 3]
    sizes = [len(gzip.compress(p)) if gz else len(p) for p in parts]
    assert [d.meta["offset"] for d in docs] == [sum(sizes[:n]) for n in range(4)]


def test_a_truncated_plain_archive_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    parts = [record(n) for n in range(3)]
    whole = b"".join(parts)
    path = tmp_path / "cut.warc"
    path.write_bytes(whole[:-60])

    docs, problems = read(path)

    assert stories(docs) == [0, 1]
    offset = len(parts[0]) + len(parts[1])
    block = len(parts[2]) - parts[2].index(b"\r\n\r\n") - 8  # the block, without header and end line
    assert [(p.origin, p.message) for p in problems] == [
        (f"{path}#{rid(2)}", f"damaged WARC record at byte offset {offset}: cut short: "
                             f"Content-Length says {block} bytes, the file ends after {block - 56}"),
    ]  # fmt: skip


def test_a_gzip_member_cut_off_is_never_stored_even_when_its_record_is_whole(tmp_path: Path) -> None:
    members = [gzip.compress(record(n)) for n in range(3)]
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(b"".join(members)[:-4])  # only the member's length check is missing

    docs, problems = read(path)

    assert stories(docs) == [0, 1]
    offset = len(members[0]) + len(members[1])
    assert [(p.origin, p.message) for p in problems] == [
        (f"{path}#{rid(2)}", f"damaged WARC record at byte offset {offset}: gzip member cut off (the file ends inside it)")
    ]


def test_a_corrupt_gzip_member_is_one_problem_and_the_members_after_it_are_read(tmp_path: Path) -> None:
    members = [gzip.compress(record(n)) for n in range(3)]
    broken = bytearray(members[1])
    broken[40] ^= 0xFF
    broken[41] ^= 0xFF
    path = tmp_path / "corrupt.warc.gz"
    path.write_bytes(members[0] + bytes(broken) + members[2])

    docs, problems = read(path)

    assert stories(docs) == [0, 2]
    assert len(problems) == 1
    assert problems[0].message.startswith(f"damaged WARC at byte offset {len(members[0])}: corrupt gzip member (")


@pytest.mark.parametrize("delta", [-7, -1, 1, 2, 3, 4, 9])
@pytest.mark.parametrize("gz", [False, True])
def test_a_wrong_content_length_in_the_middle_is_found_and_the_next_record_still_read(
    tmp_path: Path, delta: int, gz: bool
) -> None:
    parts = [record(0), record(1, delta=delta), record(2)]
    path = write(tmp_path, "wrong.warc" + (".gz" if gz else ""), parts, gz=gz)

    docs, problems = read(path)

    assert stories(docs) == [0, 2]
    offset = len(gzip.compress(parts[0])) if gz else len(parts[0])
    assert [p.origin for p in problems] == [f"{path}#{rid(1)}"]
    message = problems[0].message
    assert message.startswith(f"damaged WARC record at byte offset {offset}: ")
    assert "Content-Length" in message


@pytest.mark.parametrize("delta", [-5, -1, 1, 2, 3, 4, 6])
def test_a_wrong_content_length_on_the_last_record_is_found(tmp_path: Path, delta: int) -> None:
    parts = [record(0), record(1, delta=delta)]
    path = write(tmp_path, "last.warc", parts)

    docs, problems = read(path)

    assert stories(docs) == [0]
    assert [p.origin for p in problems] == [f"{path}#{rid(1)}"]
    assert problems[0].message.startswith(f"damaged WARC record at byte offset {len(parts[0])}: ")


def test_a_length_that_lands_on_the_next_header_end_is_caught_by_what_follows(tmp_path: Path) -> None:
    second, third = record(1), record(2)
    # record 0 claims its own block, its end line and record 1's header up to the empty line that ends it,
    # so the empty line its length points at is there: only what follows tells the length is wrong
    swallowed = 4 + second.index(b"\r\n\r\n")
    wrong = record(0, delta=swallowed)
    path = write(tmp_path, "swallow.warc", [wrong, second, third])

    docs, problems = read(path)

    assert stories(docs) == [1, 2]  # record 0 holds bytes not its own; record 1 is found again inside them
    assert [p.origin for p in problems] == [f"{path}#{rid(0)}", str(path)]
    assert problems[0].message == (
        "damaged WARC record at byte offset 0: what follows it is not a WARC record, so its Content-Length "
        "may be wrong (and it has no digest to check it)"
    )
    assert problems[1].message == (
        f"damaged WARC at byte offset {len(wrong) + swallowed}: not a WARC record (it starts 'HTTP/1.1 200 OK')"
    )


def test_a_digest_that_fails_is_a_damaged_record(tmp_path: Path) -> None:
    good = record(1, digests=True)
    bad = good.replace(b"5 fighters", b"6 fighters")  # same length, other bytes
    path = write(tmp_path, "digest.warc", [record(0, digests=True), bad, record(2, digests=True)])

    docs, problems = read(path)

    assert stories(docs) == [0, 2]
    assert [p.origin for p in problems] == [f"{path}#{rid(1)}"]
    assert "digest failed" in problems[0].message


def test_junk_between_records_is_one_problem_and_a_record_with_digests_before_it_is_kept(tmp_path: Path) -> None:
    junk = b"LEFTOVER BYTES\r\nMORE OF THEM\r\n"
    parts = [record(0, digests=True), junk, record(1, digests=True), record(2)]
    path = write(tmp_path, "junk.warc", parts)

    docs, problems = read(path)

    assert stories(docs) == [0, 1, 2]
    assert [(p.origin, p.message) for p in problems] == [
        (str(path), f"damaged WARC at byte offset {len(parts[0])}: not a WARC record (it starts 'LEFTOVER BYTES')")
    ]


def test_junk_after_the_last_gzip_member_is_one_problem(tmp_path: Path) -> None:
    members = [gzip.compress(record(n)) for n in range(2)]
    path = tmp_path / "tail.warc.gz"
    path.write_bytes(b"".join(members) + b"not gzip at all")

    docs, problems = read(path)

    assert stories(docs) == [0, 1]
    offset = len(members[0]) + len(members[1])
    assert [p.message for p in problems] == [
        f"damaged WARC at byte offset {offset}: the bytes after the gzip member before them are not a gzip member"
    ]


def test_records_in_one_gzip_member_are_read(tmp_path: Path) -> None:
    path = tmp_path / "single.warc.gz"
    path.write_bytes(gzip.compress(b"".join(record(n) for n in range(3))))

    docs, problems = read(path)

    assert problems == []
    assert stories(docs) == [0, 1, 2]


def test_a_record_over_the_limit_is_skipped_and_the_next_read(tmp_path: Path) -> None:
    big = b"<html><body><p>" + b"word " * 40_000 + b"</p></body></html>"
    parts = [record(0), record(1, body=big), record(2, body=b"\x89PNG" + bytes(300_000), kind="image/png"), record(3)]
    for gz in (False, True):
        path = write(tmp_path, "big.warc" + (".gz" if gz else ""), parts, gz=gz)

        docs, problems = read(path, max_bytes=1000)

        assert stories(docs) == [0, 3]
        assert [(p.origin, p.message) for p in problems] == [
            (f"{path}#{rid(1)}", "record payload over the limit of 1000 bytes")
        ]


def test_a_gzip_bomb_is_decompressed_in_bounded_pieces(tmp_path: Path) -> None:
    bomb_body = b"<html><body><p>" + b" " * (64 * 1024 * 1024) + b"</p></body></html>"
    header_bomb = b"WARC/1.0\r\nWARC-Type: response\r\nX-Padding: " + b"a" * (16 * 1024 * 1024) + b"\r\n\r\n"
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(
        gzip.compress(record(0))
        + gzip.compress(record(1, body=bomb_body), compresslevel=9)
        + gzip.compress(header_bomb, compresslevel=9)
        + gzip.compress(record(2))
    )
    assert path.stat().st_size < 1024 * 1024

    docs, problems, peak = read_with_peak(path, 100_000)

    assert stories(docs) == [0, 2]
    assert [p.message for p in problems] == [
        "record payload over the limit of 100000 bytes",
        f"damaged WARC record at byte offset {len(gzip.compress(record(0))) + len(gzip.compress(record(1, body=bomb_body), compresslevel=9))}: "
        "a header line is too long",
    ]
    assert peak < 8 * 1024 * 1024


def test_a_record_without_content_length_is_damaged_and_the_next_read(tmp_path: Path) -> None:
    odd = record(1).replace(b"Content-Length: ", b"Content-Size: ")
    path = write(tmp_path, "nolength.warc", [record(0), odd, record(2)])

    docs, problems = read(path)

    assert stories(docs) == [0, 2]
    assert [(p.origin, p.message) for p in problems] == [
        (f"{path}#{rid(1)}", f"damaged WARC record at byte offset {len(record(0))}: no valid Content-Length")
    ]


def test_a_damaged_gzip_header_checks_the_crc(tmp_path: Path) -> None:
    member = bytearray(gzip.compress(record(1)))
    member[-8] ^= 0x01  # the CRC32 of the member
    path = tmp_path / "crc.warc.gz"
    path.write_bytes(gzip.compress(record(0)) + bytes(member) + gzip.compress(record(2)))

    docs, problems = read(path)

    assert stories(docs) == [0, 2]
    assert len(problems) == 1 and "incorrect data check" in problems[0].message


@pytest.mark.parametrize("cut", [1, 2, 3])
def test_a_file_cut_inside_the_last_empty_line_loses_that_record_with_a_problem(tmp_path: Path, cut: int) -> None:
    parts = [record(0), record(1)]
    path = tmp_path / "end.warc"
    path.write_bytes(b"".join(parts)[:-cut])

    docs, problems = read(path)

    assert stories(docs) == [0]
    assert [p.message for p in problems] == [
        f"damaged WARC record at byte offset {len(parts[0])}: "
        "cut short: the file ends inside the empty line that closes the record"
    ]
