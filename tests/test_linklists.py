"""Lists are found by the label of their heading, whatever the markup."""

from __future__ import annotations

import pytest

from newscrawler.extract.linklists import LinkListFinder, parse_html

BASE = "https://www.suara.com/news/2026/10/01/080000/page"


def links(n: int, prefix: str = "a") -> str:
    return "".join(
        f'<li><a href="/news/2026/10/0{i}/08000{i}/{prefix}-{i}">{prefix.upper()} judul {i}</a></li>'
        for i in range(1, n + 1)
    )


def find(html: str) -> dict:
    return LinkListFinder().find(parse_html(f"<html><body>{html}</body></html>"), BASE)


@pytest.mark.parametrize(
    "markup, name",
    [
        ("<h2>Terpopuler</h2><ol>{}</ol>", "popular"),
        ('<div class="box"><p class="title">TERPOPULER</p><ol>{}</ol></div>', "popular"),
        ('<div class="widget"><span class="widget-head">Pilihan</span><ul>{}</ul></div>', "editors_picks"),
        ('<div class="widget-title"><h3><a href="/indeks">Berita Terkini</a></h3></div><ul>{}</ul>', "latest"),
        ('<section><div class="hd"><div><strong>Berita Terkait</strong></div></div><ul>{}</ul></section>', "related"),
        ("<h4>Pilihan Redaksi:</h4><div><div>{}</div></div>", "editors_picks"),
        ("<div><b>Most Popular</b></div><div>{}</div>", "popular"),
    ],
)
def test_heading_label_finds_list_whatever_the_markup(markup: str, name: str) -> None:
    lists = find(markup.format(links(3)))
    assert list(lists) == [name]
    assert [e["title"] for e in lists[name]] == ["A judul 1", "A judul 2", "A judul 3"]
    assert lists[name][0]["url"] == "https://www.suara.com/news/2026/10/01/080001/a-1"


def test_lists_stop_at_the_next_heading() -> None:
    lists = find(f"<div><h2>Terpopuler</h2><ul>{links(2, 'p')}</ul><h2>Terkini</h2><ul>{links(3, 'l')}</ul></div>")
    assert [e["title"] for e in lists["popular"]] == ["P judul 1", "P judul 2"]
    assert [e["title"] for e in lists["latest"]] == ["L judul 1", "L judul 2", "L judul 3"]


def test_inline_baca_juga_paragraphs_are_collected_in_order() -> None:
    body = (
        '<article><p>Satu.</p><p>Baca Juga: <a href="/news/2026/10/02/080000/x">Judul X</a></p>'
        '<p>Dua.</p><p><strong>BACA JUGA:</strong> <a href="/news/2026/10/03/080000/y">Judul Y</a></p></article>'
    )
    lists = find(body)
    assert [e["title"] for e in lists["read_also"]] == ["Judul X", "Judul Y"]


def test_menu_items_named_like_a_list_are_not_lists() -> None:
    nav = '<nav><ul><li><a href="/terpopuler">Terpopuler</a></li><li><a href="/indeks">Terkini</a></li></ul></nav>'
    assert find(nav + "<p>Isi berita.</p>") == {}


def test_entries_are_deduplicated_absolute_and_http_only() -> None:
    html = (
        '<h2>Terpopuler</h2><ul><li><a href="/news/2026/10/01/080000/a?utm_source=x">A</a></li>'
        '<li><a href="/news/2026/10/01/080000/a">A again</a></li><li><a href="javascript:void(0)">JS</a></li>'
        '<li><a href="mailto:x@y.z">Mail</a></li></ul>'
    )
    assert find(html)["popular"] == [{"title": "A", "url": "https://www.suara.com/news/2026/10/01/080000/a"}]


def test_extra_labels_per_site() -> None:
    finder = LinkListFinder({"popular": ["Paling Banyak Dibaca"]})
    root = parse_html(f"<html><body><h2>Paling Banyak Dibaca</h2><ul>{links(1)}</ul></body></html>")
    assert len(finder.find(root, BASE)["popular"]) == 1
