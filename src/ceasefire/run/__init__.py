"""The pipeline: ingest -> nlp -> dates/geo -> store -> incidents."""

from .local import IngestResult, Pipeline, ProgressCallback, ingest_documents, ingest_paths, rebuild_incidents

__all__ = ["IngestResult", "Pipeline", "ProgressCallback", "ingest_documents", "ingest_paths", "rebuild_incidents"]
