"""Services: the writes (ingest, reassemble, export), each in one transaction and re-runnable."""
