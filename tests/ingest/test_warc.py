"""WARC archives: one Document per HTML or text response, built here with warcio's writer."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ceasefire.ingest import TEXT_HTML, TEXT_PLAIN, to_article

from .helpers import read

HTML = (
    "<html><head><title>Market shelled in Ariha</title></head><body><article><p>IDLIB, Syria, March 12 — "
    "At least 12 people were killed on Saturday when shells struck the market, the health ministry said. "
    "Rescue workers said thirty people were wounded.</p></article></body></html>"
).encode()


def write_warc(path: Path, *, gzip: bool) -> None:
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)

    def response(uri: str, content_type: str, body: bytes) -> None:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=BytesIO(body), http_headers=headers))

    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    response("https://example.org/ariha", "text/html; charset=utf-8", HTML)
    response("https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00")
    request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
    writer.write_record(writer.create_warc_record("https://example.org/", "request", http_headers=request))
    response("https://example.org/wire.txt", "text/plain", "KHARKIV (AP) — Five killed.".encode())
    path.write_bytes(buffer.getvalue())


def test_warc_yields_html_and_text_responses_only(tmp_path: Path) -> None:
    for gzip, name in ((False, "crawl.warc"), (True, "crawl.warc.gz")):
        path = tmp_path / name
        write_warc(path, gzip=gzip)

        docs, problems = read(path)

        assert problems == []
        assert [d.media_type for d in docs] == [TEXT_HTML, TEXT_PLAIN]
        assert all(d.origin.startswith(f"{path}#urn:uuid:") for d in docs)
        assert docs[0].raw == HTML
        article = to_article(docs[0])
        assert article.url == "https://example.org/ariha"
        assert "At least 12 people were killed on Saturday" in article.text
        assert to_article(docs[1]).text == "KHARKIV (AP) — Five killed."


def test_warc_payload_over_the_limit_is_a_problem_for_that_record(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, gzip=False)

    docs, problems = read(path, max_bytes=100)

    assert [d.media_type for d in docs] == [TEXT_PLAIN]
    assert len(problems) == 1
    assert problems[0].origin.startswith(f"{path}#")
    assert "over the limit of 100 bytes" in problems[0].message


def test_malformed_warc_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not a web archive at all\r\n\r\n")

    docs, problems = read(path)

    assert docs == []
    assert len(problems) == 1
    assert problems[0].origin == str(path)
    assert "WARC" in problems[0].message


def test_damage_after_good_records_keeps_them_and_adds_one_problem(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc"
    write_warc(whole, gzip=False)
    damaged = tmp_path / "damaged.warc"
    damaged.write_bytes(whole.read_bytes() + b"GARBAGE AFTER THE LAST RECORD\r\n\r\n")

    docs, problems = read(damaged)

    assert [d.media_type for d in docs] == [TEXT_HTML, TEXT_PLAIN]
    assert len(problems) == 1
    assert problems[0].origin == str(damaged)
    offset = len(whole.read_bytes())
    assert problems[0].message == (
        f"damaged WARC at byte offset {offset}: not a WARC record (it starts 'GARBAGE AFTER THE LAST RECORD')"
    )


def test_record_warcio_cannot_parse_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    path = tmp_path / "odd.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99\r\n\r\nshort")

    docs, problems = read(path)

    assert docs == []
    assert [p.message for p in problems] == [
        "damaged WARC record at byte offset 0: cut short: Content-Length says 99 bytes, the file ends after 5"
    ]
