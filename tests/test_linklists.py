"""Lists are found by the label of their heading, whatever the markup."""

from __future__ import annotations

import pytest

from newscrawler.extract.html import parse_html
from newscrawler.extract.linklists import LinkListFinder, entry_title, entry_url
from newscrawler.urls import absolute_url, canonical_url

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


# -- entry titles and headings as real portals print them -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1Judul berita hari ini", "Judul berita hari ini"),
        ("#3 Judul Berita", "Judul Berita"),
        ("01. Judul Berita", "Judul Berita"),
        ("Judul beritaDibaca 12.410 kali", "Judul berita"),
        ("Judul Berita 12.410 views", "Judul Berita"),
        ("Judul Berita | 5.2rb dibaca", "Judul Berita"),
        ("Gempa Guncang Cianjur2 jam lalu", "Gempa Guncang Cianjur"),
        ("Gempa Guncang Cianjur 15 menit yang lalu", "Gempa Guncang Cianjur"),
        ("Judul | Senin, 15 Februari 2016 16:15 WIB", "Judul"),
        ("Judul Berita 16:15 WIB", "Judul Berita"),
        # numbers that belong to the headline
        ("7 Fakta Harga Emas", "7 Fakta Harga Emas"),
        ("5G Masuk Desa", "5G Masuk Desa"),
        ("Harga Naik 2 Kali", "Harga Naik 2 Kali"),
        ("Sidang Dimulai Pukul 10.00", "Sidang Dimulai Pukul 10.00"),
        ("Piala Dunia 2026", "Piala Dunia 2026"),
    ],
)
def test_entry_title_without_ranks_counts_and_times(text: str, expected: str) -> None:
    assert entry_title(text) == expected


def test_rank_count_and_time_in_their_own_elements_inside_the_link() -> None:
    html = (
        '<h2>Terpopuler</h2><ul>'
        '<li><a href="/news/2026/10/01/080000/a"><span>1</span>Banjir Rob<span>Dibaca 1.204 kali</span></a></li>'
        '<li><a href="/news/2026/10/01/080000/b"><em>2</em><span>7 Fakta Gempa</span>'
        "<small>5 menit lalu</small></a></li>"
        "</ul>"
    )
    assert [e["title"] for e in find(html)["popular"]] == ["Banjir Rob", "7 Fakta Gempa"]


def test_title_attribute_is_the_headline_when_the_text_wraps_it() -> None:
    html = (
        '<h2>Terpopuler</h2><ul><li><a href="/news/2026/10/01/080000/a" title="Banjir Rob Rendam Pesisir">'
        "Banjir Rob Rendam PesisirNasional · 12 Okt</a></li></ul>"
    )
    assert find(html)["popular"][0]["title"] == "Banjir Rob Rendam Pesisir"


@pytest.mark.parametrize(
    "box",
    [
        '<div class="title"><h3>Terpopuler</h3><a href="/terpopuler">Lihat Semua</a></div>',
        '<div class="title">Terpopuler <a href="/terpopuler">Lihat Semua »</a></div>',
        '<div class="title"><span>Terpopuler</span><a href="/indeks">Indeks</a></div>',
        '<h3>Terpopuler <a href="/terpopuler">Selengkapnya</a></h3>',
    ],
)
def test_a_headings_own_more_link_is_no_entry_and_the_list_is_still_found(box: str) -> None:
    lists = find(f'<div class="widget">{box}<ul>{links(3)}</ul></div>')
    assert [e["title"] for e in lists["popular"]] == ["A judul 1", "A judul 2", "A judul 3"]


def test_more_link_after_the_entries_is_not_an_entry() -> None:
    lists = find(f'<div><h2>Berita Terkini</h2><ul>{links(2)}</ul><a href="/indeks">Selengkapnya</a></div>')
    assert [e["title"] for e in lists["latest"]] == ["A judul 1", "A judul 2"]


def test_inline_pilihan_editor_line_is_an_editors_pick() -> None:
    body = (
        '<article><p>Satu.</p><p>Pilihan Editor: <a href="/news/2026/10/02/080000/x">Judul X</a></p>'
        '<p>Pilihan warga jatuh pada <a href="/news/2026/10/03/080000/y">calon kedua</a>.</p></article>'
    )
    assert find(body) == {
        "editors_picks": [{"title": "Judul X", "url": "https://www.suara.com/news/2026/10/02/080000/x"}]
    }


def test_labels_inside_long_containers_are_found_without_reading_them_whole() -> None:
    filler = "<p>" + "Kalimat panjang isi berita. " * 200 + "</p>"
    lists = find(f"<div>{filler}<div><h2>Terpopuler</h2><ul>{links(2)}</ul></div></div>")
    assert len(lists["popular"]) == 2


@pytest.mark.parametrize(
    "href",
    [
        "/news/2026/10/01/080000/a", "https://WWW.Suara.com/a-b_c~d.html", "https://www.suara.com", "../x/y",
        "x/./y", "/a/../b", "https://www.suara.com/a/../b", "/a?utm_source=x&id=2", "/a#top", "//news.example.co.id/x",
        "javascript:void(0)", "mailto:a@b.c", "", "  /sp ace ", "/caf%C3%A9", "/café", "https://www.suara.com:443/x",
        "/a.", "/.hidden", "http://x.com/a//b", "ftp://x/y", "?page=2", "#",
    ],
)
def test_entry_url_fast_path_agrees_with_the_general_canonicalisation(href: str) -> None:
    general = absolute_url(href, BASE)
    assert entry_url(href, BASE) == (canonical_url(general) if general else None)


def test_a_bare_plus_link_in_the_title_box_is_no_entry() -> None:
    html = f'<div class="title_lr"><span>Most Popular</span> <a href="/mostpopular">+</a></div><ul>{links(2)}</ul>'
    assert [e["title"] for e in find(html)["popular"]] == ["A judul 1", "A judul 2"]
