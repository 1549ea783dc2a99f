"""Live monitoring: follow folders, feeds, URL lists and an HTTP inbox; ingest new items; alert on changes.

* :func:`load_config` -- the YAML configuration (``config``; ``docs/watch.md``);
* :class:`Watcher` -- rounds of polling, ingesting, deciding and delivering alerts (``runner``);
* ``items`` (what a source lists), ``http`` (polite fetching: robots.txt, per-host pace,
  conditional requests), ``inbox`` (article JSON lines by POST), ``alerts`` (the rules,
  pure), ``deliver`` (JSON lines, webhook, SMTP), ``log`` (events), ``status``.

The watcher's state lives in the store (``store.watch``), so it can be stopped, killed
and restarted without losing or doubling anything.
"""

from .config import WatchConfig, load_config, parse_config
from .log import EventLog
from .runner import RoundReport, Watcher
from .status import watch_lag, watch_status

__all__ = [
    "WatchConfig",
    "load_config",
    "parse_config",
    "EventLog",
    "RoundReport",
    "Watcher",
    "watch_lag",
    "watch_status",
]
