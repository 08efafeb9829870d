"""newscrawler: a news crawling pipeline for Indonesian news portals."""

__version__ = "0.1.0"


def open_store(*args, **kwargs):
    """Open the configured store (MongoDB when MONGODB_URI is set, else the embedded SQLite file)."""
    from newscrawler.store import open_store as _open

    return _open(*args, **kwargs)


__all__ = ["__version__", "open_store"]
