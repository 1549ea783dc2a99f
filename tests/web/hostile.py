"""An invented article whose title, outlet, URL and text carry markup and script: the web UI must show it as text."""

from __future__ import annotations

HOSTILE = {
    "id": "hostile-1",
    "outlet": "<b onmouseover=\"window.__pwned='outlet'\">Night Owl Wire</b>",
    "url": "javascript:window.__pwned='url'",
    "publication_date": "2016-09-16",
    "title": "<script>window.__pwned='title'</script>Shelling kills nine in Homs <img src=x onerror=\"window.__pwned='img'\">",
    "text": "HOMS, Syria, Sept 16 (Night Owl Wire) - Shelling killed nine people in a market in Homs on Thursday "
            "<img src=x onerror=\"window.__pwned='text-img'\">, the health ministry said."
            "<script>window.__pwned='text-script'</script>\n\n"
            "Residents said <a href=\"javascript:window.__pwned='text-link'\">the shells</a> fell after noon.",
}
