"""Polite fetching against a local site: robots.txt verdicts, Last-Modified, the per-host pace, the size limit."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ceasefire.errors import FetchError
from ceasefire.watch.config import HttpConfig
from ceasefire.watch.http import Fetcher
from tests.watch.fakes import Route, Site

MODIFIED = "Sun, 02 May 2021 10:00:00 GMT"


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    yield s
    s.close()


def test_robots_txt_404_allows_all_and_500_allows_nothing(site: Site) -> None:
    site.routes["/a"] = Route(body=b"<p>a</p>")
    with Fetcher(HttpConfig(per_host_interval=0)) as fetcher:
        assert fetcher.get(f"{site.base}/a").status == 200  # no robots.txt: a 404
    site.routes["/robots.txt"] = Route(status=500, body=b"down")
    with Fetcher(HttpConfig(per_host_interval=0)) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(f"{site.base}/a")
    assert caught.value.permanent and "robots.txt" in str(caught.value)
    with Fetcher(HttpConfig(per_host_interval=0, robots=False)) as fetcher:
        assert fetcher.get(f"{site.base}/a").status == 200


def test_last_modified_is_sent_back_and_a_304_has_no_body(site: Site) -> None:
    site.routes["/feed"] = Route(body=b"<rss/>", last_modified=MODIFIED)
    with Fetcher(HttpConfig(per_host_interval=0)) as fetcher:
        first = fetcher.get(f"{site.base}/feed")
        assert first.last_modified == MODIFIED and first.body == b"<rss/>"
        again = fetcher.get(f"{site.base}/feed", last_modified=first.last_modified)
    assert again.not_modified and again.body == b"" and site.conditional["/feed"] == 1


def test_two_requests_to_one_host_keep_the_pace_and_a_big_body_is_refused(site: Site) -> None:
    site.routes["/a"] = Route(body=b"x" * 5000)
    now = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    config = HttpConfig(per_host_interval=2.5, robots=False, max_bytes=4096)
    with Fetcher(config, clock=lambda: now[0], sleep=sleep) as fetcher:
        with pytest.raises(FetchError, match="over the limit of 4096 bytes"):
            fetcher.get(f"{site.base}/a")
        now[0] += 1.0
        with pytest.raises(FetchError):
            fetcher.get(f"{site.base}/a")
    assert waits == [1.5]
