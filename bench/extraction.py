"""Extraction speed per site: newscrawler against trafilatura on the same golden pages.

    .venv/bin/python bench/extraction.py [--rounds N] [--page-kb KB] [GOLDEN_DIR]

For every site folder of tests/golden/ (or GOLDEN_DIR), prints the median time per page of newscrawler's
extraction + processing (ArticleExtractor.extract + build_article, what `newscrawler extract` runs) and of
trafilatura's `bare_extraction` with metadata on the same bytes, and their ratio (CPU time of the process).
A second table does the same on the pages padded to --page-kb (60 KB, the size of a real article page) with
script and menu weight, as bench/loopback_site.py serves them (0 skips it).
`run()` returns the rows of both tables. Numbers only; nothing is asserted. trafilatura is a benchmark-only
tool, not a dependency of newscrawler (`make bench` installs it):

    .venv/bin/pip install -r bench/requirements.txt
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newscrawler.extract.extractor import ArticleExtractor, NotAnArticle  # noqa: E402
from newscrawler.extract.processing import InvalidArticle, build_article  # noqa: E402
from newscrawler.sites import profile_for_url  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"
sys.path.insert(0, str(ROOT / "bench"))

from loopback_site import _padding  # noqa: E402


def load_trafilatura() -> Callable | None:
    try:
        from trafilatura import bare_extraction
    except ImportError:
        return None
    return bare_extraction


def pages(site_dir: Path) -> list[tuple[str, bytes]]:
    """(url, html bytes) of every golden pair in a site folder."""
    found = []
    for expected in sorted(site_dir.glob("*.expected.json")):
        html = expected.with_name(expected.name.replace(".expected.json", ".html"))
        if html.exists():
            found.append((json.loads(expected.read_text(encoding="utf-8"))["url"], html.read_bytes()))
    return found


def _menu(rng: random.Random, links: int) -> str:
    """A portal's kanal menu and footer: links that every step walks past but none may take."""
    items = "".join(f'<li><a href="/kanal-{rng.randrange(10**4)}">Kanal {i}</a></li>' for i in range(links))
    return f"<nav><ul>{items}</ul></nav>", f"<footer><ul>{items}</ul></footer>"


def padded(site_pages: list[tuple[str, bytes]], size: int, seed: int = 20261127) -> list[tuple[str, bytes]]:
    """The pages grown to `size` bytes: a menu after <body>, a footer and script weight before </body>."""
    rng = random.Random(seed)
    out = []
    for url, html in site_pages:
        text = html.decode("utf-8", errors="surrogateescape")
        nav, footer = _menu(rng, 60)
        head, sep, rest = text.partition("<body")
        if sep:
            tag_end = rest.find(">") + 1
            text = head + sep + rest[:tag_end] + nav + rest[tag_end:]
        script = _padding(rng, max(0, size - len(text.encode("utf-8", errors="surrogateescape")) - len(footer)))
        tail = footer + script + "\n"
        text = text.replace("</body>", tail + "</body>", 1) if "</body>" in text else text + tail
        out.append((url, text.encode("utf-8", errors="surrogateescape")))
    return out


def ours(url: str, html: bytes) -> None:
    profile = profile_for_url(url)
    try:
        build_article([ArticleExtractor(profile).extract(url, html)], profile)
    except (NotAnArticle, InvalidArticle):
        pass  # a rejected page costs what it costs


def round_ms(fn: Callable[[str, bytes], object], site_pages: list[tuple[str, bytes]]) -> float:
    """The mean CPU time per page of one pass, in milliseconds. CPU time of this process, not wall time: both
    extractors are single-threaded, and the machine may be busy with other work."""
    start = time.process_time()
    for url, html in site_pages:
        fn(url, html)
    return (time.process_time() - start) / len(site_pages) * 1000


def run(argv: list[str] | None = None) -> dict:
    """Both tables printed; returns their rows (what bench/run.py summarises)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("golden", nargs="?", type=Path, default=GOLDEN, help="folder of site folders")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--page-kb", type=int, default=60, help="size of the padded pages; 0 = golden pages only")
    args = parser.parse_args(argv)
    bare_extraction = load_trafilatura()
    if bare_extraction is None:
        print("trafilatura is not installed; for this benchmark only: .venv/bin/pip install -r bench/requirements.txt",
              file=sys.stderr)

    def theirs(url: str, html: bytes) -> None:
        bare_extraction(html, url=url, with_metadata=True, include_comments=False)

    sites = [(d.name, pages(d)) for d in sorted(p for p in args.golden.iterdir() if p.is_dir())]
    sites = [(name, found) for name, found in sites if found]
    every = [page for _, found in sites for page in found]
    if not every:
        raise SystemExit(f"no golden pages under {args.golden}")
    # Warm-up: imports, the language model, lxml and dateparser caches are one-off costs, not per page.
    for url, html in every[:3]:
        ours(url, html)
        if bare_extraction:
            theirs(url, html)

    result: dict = {"rounds": args.rounds, "page_kb": args.page_kb, "trafilatura": bare_extraction is not None}
    result["golden"] = table([*sites, ("all", every)], "golden pages as saved", args.rounds,
                             theirs if bare_extraction else None)
    if args.page_kb:
        grown = [(name, padded(found, args.page_kb * 1000)) for name, found in sites]
        every_grown = [page for _, found in grown for page in found]
        result["padded"] = table([*grown, ("all", every_grown)], f"golden pages padded to {args.page_kb} KB",
                                 args.rounds, theirs if bare_extraction else None)
    print(f"\nratio = newscrawler time / trafilatura time per page (median of {args.rounds} rounds; min–max of the "
          "per-round ratios)")
    return result


def main(argv: list[str] | None = None) -> int:
    run(argv)
    return 0


def table(sites: list[tuple[str, list[tuple[str, bytes]]]], title: str, rounds: int,
          theirs: Callable[[str, bytes], object] | None) -> list[dict]:
    """One row per site: our and trafilatura's CPU ms per page, and the ratio. Each round runs ours and then
    theirs over the site's pages, so a busy moment of the machine hits both alike."""
    kb = statistics.mean(len(html) for _, found in sites for _, html in found) / 1000
    print(f"\n{title} (mean {kb:.0f} KB)")
    print(f"{'site':<22} {'pages':>5} {'newscrawler ms':>15} {'trafilatura ms':>15} {'ratio':>7} {'min–max':>11}")
    rows = []
    for name, found in sites:
        mine_rounds, other_rounds = [], []
        for _ in range(rounds):
            mine_rounds.append(round_ms(ours, found))
            if theirs:
                other_rounds.append(round_ms(theirs, found))
        mine = statistics.median(mine_rounds)
        row: dict = {"site": name, "pages": len(found), "kb": kb, "newscrawler_ms": mine, "trafilatura_ms": None,
                     "ratio": None, "ratio_min": None, "ratio_max": None}
        if other_rounds:
            ratios = [m / o for m, o in zip(mine_rounds, other_rounds, strict=True) if o > 0]
            other = statistics.median(other_rounds)
            row.update(trafilatura_ms=other, ratio=mine / other if other else None,
                       ratio_min=min(ratios, default=None), ratio_max=max(ratios, default=None))
        rows.append(row)
        other_text = f"{row['trafilatura_ms']:15.2f}" if row["trafilatura_ms"] is not None else f"{'-':>15}"
        ratio = f"{row['ratio']:7.2f}" if row["ratio"] is not None else f"{'-':>7}"
        spread = (f"{row['ratio_min']:5.2f}–{row['ratio_max']:<5.2f}" if row["ratio_min"] is not None
                  else f"{'-':>11}")
        print(f"{name:<22} {len(found):>5} {mine:15.2f} {other_text} {ratio} {spread}")
    return rows


if __name__ == "__main__":
    raise SystemExit(main())
