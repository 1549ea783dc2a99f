"""Render a :class:`Brief` as HTML, Markdown or PDF (bytes), or write it to a file.

* ``html`` -- one self-contained file: the pictures inline as ``data:`` URIs, the
  stylesheet inline, no script; every stored text escaped (Jinja2 autoescape; the
  templates never mark stored text safe); only http(s) URLs become links.
* ``md`` -- GitHub-flavoured Markdown; the pictures are PNG files beside it,
  ``<stem>-map.png`` and ``<stem>-daily.png`` (:func:`write` writes them; ``render``
  names them after ``image_stem``); stored text is escaped so that it can become
  neither HTML nor Markdown markup.
* ``pdf`` -- the HTML laid out for A4 by weasyprint (the same content, and the page
  number at each page's foot). Nothing is fetched while rendering: only ``data:`` URLs load.

The output depends only on the brief: no clock is read (the one date printed that is
not the data's is ``Brief.generated_on``), and the pictures are drawn deterministically.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import ConfigError, OutputError
from .context import Brief, BriefRow
from .daily import charted, daily_figure
from .images import Image, drawing
from .jinja import html_template, markdown_template
from .mapfig import map_figure
from .style import style
from .summary import ordered
from .view import ImageRef, View, brief_colours, build_view, period_label

__all__ = ["FORMATS", "Pictures", "pictures", "view", "render", "write"]

FORMATS = ("html", "md", "pdf")


@dataclass(frozen=True)
class Pictures:
    """A brief's two PNG pictures, and the counted rows the daily chart leaves out."""

    map: Image
    daily: Image
    undated: tuple[BriefRow, ...]


def pictures(brief: Brief) -> Pictures:
    """Draw the map and the daily chart of ``brief``."""
    dpi = style().dpi
    period = period_label(brief.period_from, brief.period_to)
    numbered = list(enumerate(ordered(brief.rows), 1))
    data, w, h = drawing(lambda: map_figure(numbered, area=brief.area, title=f"Incidents, {period}"), dpi=dpi)
    mapped = sum(1 for r in brief.rows if r.place is not None and r.place.lat is not None)
    map_image = Image("map", data, w, h, f"Map of the {mapped} incidents with a known place, {period}; "
                                         "the numbers are the rows of the tables.")
    inside, outside = charted(brief.rows, brief.period_from, brief.period_to)
    colours = brief_colours(brief)
    title = "Possible violations per day, by accused party"
    data, w, h = drawing(
        lambda: daily_figure(inside, brief.parties, colours, brief.period_from, brief.period_to, title=title), dpi=dpi
    )
    daily_image = Image("daily", data, w, h, f"Chart of possible violations and unattributed incidents per day, "
                                             f"{period}, with the killed range per accused party.")
    return Pictures(map_image, daily_image, tuple(outside))


def _ref(image: Image, stem: str | None) -> ImageRef:
    src = image.data_uri if stem is None else f"{stem}-{image.name}.png"
    return ImageRef(src, image.alt, image.width, image.height)


def view(brief: Brief, pics: Pictures | None = None, *, image_stem: str | None = None) -> View:
    """The template context of ``brief``: pictures inline (``image_stem`` ``None``) or as files ``<stem>-map.png``."""
    pics = pics or pictures(brief)
    return build_view(brief, _ref(pics.map, image_stem), _ref(pics.daily, image_stem), undated=pics.undated)


def _pdf(html: str) -> bytes:
    try:
        import weasyprint
        from weasyprint.urls import URLFetcher
    except (ImportError, OSError) as exc:  # pango missing: weasyprint cannot load its libraries
        raise OutputError(
            f"cannot make a PDF: {exc}; it needs pango (Debian: apt-get install libpango-1.0-0 libpangoft2-1.0-0)"
        ) from exc
    fetcher = URLFetcher(allowed_protocols=("data",))
    document = weasyprint.HTML(string=html, url_fetcher=fetcher, base_url=None)
    return document.write_pdf(pdf_identifier=b"ceasefire-brief", uncompressed_pdf=False)  # type: ignore[no-any-return]


def _render(brief: Brief, format: str, pics: Pictures, image_stem: str) -> bytes:
    if format == "md":
        return markdown_template().render(v=view(brief, pics, image_stem=image_stem)).encode("utf-8")
    html = html_template().render(v=view(brief, pics))
    if format == "html":
        return html.encode("utf-8")
    return _pdf(html)


def _check(format: str) -> str:
    if format not in FORMATS:
        raise ConfigError(f"unknown brief format {format!r}; choose one of {', '.join(FORMATS)}")
    return format


def render(brief: Brief, format: str = "html", *, image_stem: str = "brief") -> bytes:
    """``brief`` as ``html``, ``md`` or ``pdf`` bytes (Markdown names its pictures ``<image_stem>-map.png`` ...)."""
    return _render(brief, _check(format), pictures(brief), image_stem)


def write(brief: Brief, path: str | Path, format: str | None = None) -> list[Path]:
    """Write ``brief`` to ``path`` (format from ``format``, else the file's suffix); return the files written.

    Markdown also writes its two pictures beside it: ``<stem>-map.png`` and ``<stem>-daily.png``.
    """
    target = Path(path)
    fmt = _check(format or {".htm": "html", ".markdown": "md"}.get(target.suffix, target.suffix.lstrip(".")))
    pics = pictures(brief)
    files = {target: _render(brief, fmt, pics, target.stem)}
    if fmt == "md":
        files[target.with_name(f"{target.stem}-map.png")] = pics.map.data
        files[target.with_name(f"{target.stem}-daily.png")] = pics.daily.data
    for file, data in files.items():
        try:
            file.write_bytes(data)
        except OSError as exc:  # a missing directory, a directory given, no permission, disk full
            raise OutputError(f"cannot write {file}: {exc.strerror or exc}") from exc
    return list(files)
