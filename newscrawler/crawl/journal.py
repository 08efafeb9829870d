"""The resumable state of a `--jobdir` crawl: which article requests were made, and which are finished.

Scrapy keeps its own JOBDIR state (the request queue and the `requests.seen` fingerprints), but only a
clean shutdown leaves it consistent: after SIGKILL the queue's index is never written, so the queued
requests are gone while their fingerprints stay "seen", and a resumed run fetches nothing. Here every
article request is appended to a journal when the spider makes it ("S") and when it is finished ("D":
stored, dropped, or lost for good). Appends are single ``write`` calls on an O_APPEND file, so a killed
process leaves at most one torn last line, which is ignored.

On every start with a jobdir, Scrapy's request state is discarded before its scheduler opens; the crawl
rediscovers from its entry points, re-requests the articles that were made but not finished, and skips
the finished ones, so it fetches exactly what the previous run had not.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

logger = logging.getLogger(__name__)

#: Scrapy's own request state in a JOBDIR (scheduler queue and dupefilter fingerprints).
SCRAPY_REQUEST_STATE = ("requests.queue", "requests.seen")


class CrawlJournal:
    FILE = "newscrawler-journal.txt"
    RUNNING = "newscrawler-running"

    def __init__(self, jobdir: str | os.PathLike):
        self.jobdir = Path(jobdir)
        self.path = self.jobdir / self.FILE
        self.scheduled: dict[str, int] = {}  # url -> related-link depth
        self.done: set[str] = set()
        self.interrupted = False
        self._fd: int | None = None

    def open(self) -> None:
        """Read what earlier runs did, forget Scrapy's request state, and mark this run as running."""
        self.jobdir.mkdir(parents=True, exist_ok=True)
        self.interrupted = (self.jobdir / self.RUNNING).exists()
        self._load()
        for name in SCRAPY_REQUEST_STATE:
            path = self.jobdir / name
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            elif path.exists():
                path.unlink()
        (self.jobdir / self.RUNNING).write_text(str(os.getpid()))
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        if self._torn():
            # End the torn line as one that never parses (its URL may be cut short), or the next entry
            # would be glued to it.
            os.write(self._fd, b"\t#torn\n")
        if self.scheduled:
            logger.info("resuming %s: %d articles finished, %d to fetch%s", self.jobdir, len(self.done),
                        len(self.pending()), " (the previous run was killed)" if self.interrupted else "")

    def _load(self) -> None:
        if not self.path.exists():
            return
        with open(self.path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if not line.endswith("\n"):
                    break  # torn by a kill mid-write
                parts = line.rstrip("\n").split("\t")
                if parts[0] == "S" and len(parts) == 3 and parts[1].isdigit():
                    self.scheduled.setdefault(parts[2], int(parts[1]))
                elif parts[0] == "D" and len(parts) == 2:
                    self.done.add(parts[1])

    def _torn(self) -> bool:
        with open(self.path, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            if handle.tell() == 0:
                return False
            handle.seek(-1, os.SEEK_END)
            return handle.read(1) != b"\n"

    def pending(self) -> list[tuple[str, int]]:
        """Article requests made and never finished, in the order they were made."""
        return [(url, depth) for url, depth in self.scheduled.items() if url not in self.done]

    def mark_scheduled(self, url: str, depth: int) -> None:
        if url not in self.scheduled:
            self.scheduled[url] = depth
            self._append(f"S\t{depth}\t{url}\n")

    def mark_done(self, url: str) -> None:
        if url not in self.done:
            self.done.add(url)
            self._append(f"D\t{url}\n")

    def _append(self, line: str) -> None:
        if self._fd is None or "\n" in line[:-1] or "\t" in line.split("\t")[-1]:
            return
        os.write(self._fd, line.encode("utf-8"))

    def close(self) -> None:
        """A clean end (finished, or stopped with Ctrl-C): the journal is complete."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        (self.jobdir / self.RUNNING).unlink(missing_ok=True)
