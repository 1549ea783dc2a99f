"""Incidents: mentions merged across reports, ranges by policy, flags and grades (pure)."""

from .build import build_incidents, incident_id
from .merge import cluster_mentions, compatible
from .ranges import derive_figures

__all__ = ["build_incidents", "cluster_mentions", "compatible", "derive_figures", "incident_id"]
