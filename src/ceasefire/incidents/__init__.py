"""Incidents: mentions merged across reports, ranges by policy, flags, grades and history (pure)."""

from .build import build_incidents, incident_id
from .history import IncidentChanges, describe, diff_incidents
from .incremental import MemoryReader, MentionReader, rebuild_all, update_for
from .merge import cluster_mentions, compatible
from .ranges import derive_figures
from .roles import assign_roles

__all__ = [
    "IncidentChanges",
    "MemoryReader",
    "MentionReader",
    "assign_roles",
    "build_incidents",
    "cluster_mentions",
    "compatible",
    "derive_figures",
    "describe",
    "diff_incidents",
    "incident_id",
    "rebuild_all",
    "update_for",
]
