"""The web UI (``docs/web.md``): static pages over the REST API, mounted beside it by ``api.create_app``.

The pages are fixed HTML shells; their scripts read everything from the API's routes
and build the DOM with ``textContent`` only (stored text is attacker-controlled). The
map uses Leaflet, copied from npm into ``static/vendor/`` at build time (``make
web-assets``), over the Natural Earth outlines shipped in ``data/``: nothing is fetched
from another host unless a tile URL is configured.
"""

from __future__ import annotations

from .pages import BUILD_HINT, check_tiles, missing_assets, mount, page_policy

__all__ = ["mount", "missing_assets", "page_policy", "check_tiles", "BUILD_HINT"]
