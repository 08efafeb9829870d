"""Web layer: read-only views of a store."""
