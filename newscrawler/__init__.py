"""newscrawler: a news crawling pipeline for Indonesian news portals."""

__version__ = "0.1.0"


def open_store(*args, **kwargs):
    """Open a store to read: `open_store("data/newscrawler.db")`, `open_store("mongodb://...")`, or the
    configured one; see newscrawler.store.open_store."""
    from newscrawler.store import open_store as _open

    return _open(*args, **kwargs)


__all__ = ["__version__", "open_store"]
