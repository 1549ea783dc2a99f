"""Alert delivery: JSON lines (a file or stdout), an HTTP webhook, SMTP e-mail.

A channel takes the alerts due from the outbox and sends them in groups: one alert
at a time, except an SMTP channel with a ``digest``, which holds alerts until the
oldest has waited that long and then sends them in one mail. A failed send raises
:class:`DeliveryError`; the runner counts the attempt, retries later with backoff,
and after ``attempts`` failures writes the alert to the channel's dead-letter file.

A webhook POSTs the alert as JSON with two headers: ``X-Ceasefire-Alert`` (the
alert's id: a receiver may drop an id it has seen, should a send whose reply was
lost be repeated) and ``X-Ceasefire-Signature: sha256=<hex>``, the HMAC-SHA256 of
the body under the channel's secret.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import smtplib
import sys
from collections.abc import Sequence
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx

from ..errors import CeasefireError
from ..store.watch import OutboxEntry
from .config import ChannelConfig

__all__ = ["Channel", "DeliveryError", "make_channel", "signature", "write_lines", "SIGNATURE_HEADER", "ID_HEADER"]

SIGNATURE_HEADER = "X-Ceasefire-Signature"
ID_HEADER = "X-Ceasefire-Alert"


class DeliveryError(CeasefireError):
    """An alert could not be delivered (one line: the channel and why)."""


def signature(secret: str, body: bytes) -> str:
    """The webhook signature header's value: ``sha256=`` and the hex HMAC-SHA256 of ``body``."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def _line(entry: OutboxEntry) -> str:
    return json.dumps(dict(entry.payload), sort_keys=True, ensure_ascii=False)


def write_lines(path: Path, lines: Sequence[str]) -> None:
    """Append lines to ``path`` and make them durable (fsync) before returning.

    A last line left unfinished (a crash while writing) is ended first, so it stays one bad line.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+b") as fh:
        cut = fh.tell() > 0 and (fh.seek(fh.tell() - 1) >= 0 and fh.read(1) != b"\n")
        fh.seek(0, os.SEEK_END)
        fh.write(((b"\n" if cut else b"") + "".join(line + "\n" for line in lines).encode("utf-8")))
        fh.flush()
        os.fsync(fh.fileno())


class Channel:
    """One configured channel; :meth:`groups` says what to send now, :meth:`send` sends one group."""

    def __init__(self, config: ChannelConfig) -> None:
        self.config = config

    @property
    def name(self) -> str:
        return self.config.name

    def groups(self, due: Sequence[OutboxEntry], now: datetime) -> list[list[OutboxEntry]]:
        return [[e] for e in due]

    def send(self, group: Sequence[OutboxEntry]) -> None:
        raise NotImplementedError

    def delivered(self, entries: Sequence[OutboxEntry]) -> set[str]:
        """Which of ``entries`` (marked ``sending`` when a round was killed) are known to have arrived.

        A file can be read back; a webhook or a mail cannot, so they are sent again
        (with the same alert id, by which a receiver can drop the repeat).
        """
        return set()

    def close(self) -> None:
        """Release what the channel holds open (an HTTP client)."""


class JsonlChannel(Channel):
    def delivered(self, entries: Sequence[OutboxEntry]) -> set[str]:
        if self.config.target == "-":
            return set()
        wanted = {str(e.payload.get("alert")): e.key for e in entries}
        found: set[str] = set()
        try:
            with Path(self.config.target).open(encoding="utf-8") as fh:
                for line in fh:
                    try:
                        alert = json.loads(line).get("alert")
                    except (ValueError, AttributeError):
                        continue  # a line cut short by the crash
                    if alert in wanted:
                        found.add(wanted[alert])
        except FileNotFoundError:
            return set()
        except OSError as exc:
            raise DeliveryError(f"{self.name}: cannot read {self.config.target} ({exc.strerror or exc})") from exc
        return found

    def groups(self, due: Sequence[OutboxEntry], now: datetime) -> list[list[OutboxEntry]]:
        return [list(due)] if due else []

    def send(self, group: Sequence[OutboxEntry]) -> None:
        lines = [_line(e) for e in group]
        try:
            if self.config.target == "-":
                sys.stdout.write("".join(line + "\n" for line in lines))
                sys.stdout.flush()
            else:
                write_lines(Path(self.config.target), lines)
        except OSError as exc:
            raise DeliveryError(f"{self.name}: cannot write {self.config.target} ({exc.strerror or exc})") from exc


class WebhookChannel(Channel):
    def __init__(self, config: ChannelConfig, *, user_agent: str, timeout: float,
                 transport: httpx.BaseTransport | None = None) -> None:
        super().__init__(config)
        self._client = httpx.Client(headers={"User-Agent": user_agent}, timeout=timeout, transport=transport)

    def send(self, group: Sequence[OutboxEntry]) -> None:
        for entry in group:
            body = _line(entry).encode("utf-8")
            headers = {"Content-Type": "application/json", ID_HEADER: str(entry.payload.get("alert", entry.key))}
            if self.config.secret:
                headers[SIGNATURE_HEADER] = signature(self.config.secret, body)
            try:
                response = self._client.post(self.config.target, content=body, headers=headers)
            except httpx.HTTPError as exc:
                raise DeliveryError(f"{self.name}: cannot POST to {self.config.target} ({exc})") from exc
            if not 200 <= response.status_code < 300:
                raise DeliveryError(f"{self.name}: {self.config.target} answered HTTP {response.status_code}")

    def close(self) -> None:
        self._client.close()


class SmtpChannel(Channel):
    def __init__(self, config: ChannelConfig, *, timeout: float) -> None:
        super().__init__(config)
        self.timeout = timeout

    def groups(self, due: Sequence[OutboxEntry], now: datetime) -> list[list[OutboxEntry]]:
        if not self.config.digest:
            return [[e] for e in due]
        oldest = min((e.created_at or now for e in due), default=now)
        if not due or now - oldest < timedelta(seconds=self.config.digest):
            return []
        return [list(due)]

    def send(self, group: Sequence[OutboxEntry]) -> None:
        host, _, port = self.config.target.partition(":")
        message = mail(group, sender=self.config.sender, recipients=self.config.recipients)
        try:
            with smtplib.SMTP(host, int(port or 25), timeout=self.timeout) as smtp:
                if self.config.starttls:
                    smtp.starttls()
                smtp.send_message(message)
        except (OSError, smtplib.SMTPException) as exc:
            raise DeliveryError(f"{self.name}: cannot send mail via {self.config.target} ({exc})") from exc


def _text(payload: dict[str, Any]) -> str:
    lines = [f"{payload.get('rule')}: incident {payload.get('incident')} (version {payload.get('version')})"]
    if payload.get("url"):
        lines.append(str(payload["url"]))
    lines += [f"  - {c}" for c in payload.get("changes", [])]
    s = payload.get("summary") or {}
    killed = (s.get("figures") or {}).get("killed")
    where = ", ".join(x for x in (s.get("place"), s.get("country")) if x)
    lines.append(f"  {s.get('sub_event_type') or s.get('event_type') or 'event'}; {where or 'place unknown'}; "
                 f"{(s.get('date') or {}).get('start') or 'date unknown'}"
                 + (f"; killed {killed.get('low')}-{killed.get('high')}" if killed else ""))
    for v in payload.get("violations") or []:
        term = v.get("term") or {}
        lines.append(f"  possible violation of {v.get('agreement_name') or v.get('agreement')}"
                     + (f", {term.get('ref')}" if term.get("ref") else "")
                     + f"; accused: {v.get('accused') or 'unknown'}"
                     + (f"; accusers: {', '.join(v['accusers'])}" if v.get("accusers") else ""))
    return "\n".join(lines)


def mail(group: Sequence[OutboxEntry], *, sender: str, recipients: Sequence[str]) -> EmailMessage:
    """One e-mail for a group of alerts (a digest when there are several)."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    if len(group) == 1:
        p = dict(group[0].payload)
        first = (p.get("changes") or ["changed"])[0]
        message["Subject"] = f"ceasefire alert: {p.get('rule')}: {p.get('incident')}: {first}"
    else:
        message["Subject"] = f"ceasefire: {len(group)} alerts"
    message.set_content("\n\n".join(_text(dict(e.payload)) for e in group) + "\n")
    return message


def make_channel(config: ChannelConfig, *, user_agent: str, timeout: float,
                 transport: httpx.BaseTransport | None = None) -> Channel:
    if config.kind == "webhook":
        return WebhookChannel(config, user_agent=user_agent, timeout=timeout, transport=transport)
    if config.kind == "smtp":
        return SmtpChannel(config, timeout=timeout)
    return JsonlChannel(config)
