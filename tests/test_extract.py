"""ArticleExtractor: (url, html) -> raw fields, on the golden seed and hand-written Indonesian pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from newscrawler.extract.extractor import ArticleExtractor, NotAnArticle
from newscrawler.sites import GenericProfile
from newscrawler.sites.suara import SuaraProfile

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
SEED_HTML = HERE / "golden" / "suara.com" / "seed-article.html"
SEED_URL = (
    "https://www.suara.com/news/2025/03/06/080500/"
    "as-gelar-pembicaraan-langsung-dengan-hamas-di-doha-bahas-pembebasan-sandera"
)
SUARA_2023_URL = "https://jakarta.suara.com/read/2023/02/15/143000/pemprov-dki-tambah-armada-transjakarta"
MULTIPAGE_URL = "https://www.suara.com/bisnis/2025/03/06/101500/7-fakta-harga-emas-antam-naik-lagi"
GENERIC_URL = (
    "https://news.example.co.id/nasional/2025/03/06/banjir-rendam-ratusan-rumah-di-jakarta-timur?utm_source=twitter"
)
GENERIC_CANONICAL = "https://news.example.co.id/nasional/2025/03/06/banjir-rendam-ratusan-rumah-di-jakarta-timur"
SINDO_URL = "https://nasional.sindonews.com/read/1234567/15/pemerintah-naikkan-harga-bbm-subsidi-1741329540"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def page(body: str, head: str = "<title>Judul Berita</title>", lang: str = "id") -> str:
    return f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


# -- the golden seed (current suara.com template) -----------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> dict:
    return ArticleExtractor().extract(SEED_URL, SEED_HTML.read_bytes())


def test_seed_identity_fields(seed: dict) -> None:
    assert seed["url"] == SEED_URL
    assert seed["page_url"] == SEED_URL
    assert seed["site"] == "suara.com"
    assert seed["section"] == "news"
    assert seed["title"] == "AS Gelar Pembicaraan Langsung dengan Hamas di Doha, Bahas Pembebasan Sandera"
    assert seed["authors"] == ["Tim Redaksi Suara"]
    assert seed["image_url"] == "https://media.suara.com/pictures/970x544/2025/03/06/12345-ilustrasi-gaza.jpg"
    assert seed["language"] == "id"
    assert seed["total_pages"] == 1
    assert seed["page_urls"] == []


def test_seed_date_candidates_hold_every_source(seed: dict) -> None:
    candidates = seed["date_candidates"]
    assert ("jsonld", "2025-03-06T08:05:00+07:00") in candidates
    assert ("printed", "Kamis, 06 Maret 2025 | 08:05 WIB") in candidates
    assert ("datalayer", "2025-03-06 08:05:00") in candidates
    assert ("url", SEED_URL) in candidates
    # JSON-LD is the first evidence, as the module promises.
    assert candidates[0][0] == "jsonld"
    assert seed["modified_candidates"] == [("jsonld", "2025-03-06T08:41:12+07:00")]


def test_seed_tags_come_from_article_tags_not_meta_keywords(seed: dict) -> None:
    assert [t.lstrip("#").strip() for t in seed["tags"]] == ["Hamas", "sandera", "Gaza", "Donald Trump"]
    # "Adam Boehler" is only in <meta name="keywords">.
    assert not any("Boehler" in t for t in seed["tags"])


def test_seed_read_also_is_only_the_baca_juga_entry(seed: dict) -> None:
    assert seed["link_lists"]["read_also"] == [
        {
            "title": "Prancis, Inggris, dan Jerman Desak Israel Tak Hambat Bantuan Kemanusiaan ke Gaza",
            "url": "https://www.suara.com/news/2025/03/04/070000/"
            "prancis-inggris-dan-jerman-desak-israel-tak-hambat-bantuan-kemanusiaan-ke-gaza",
        }
    ]
    assert [len(seed["link_lists"][n]) for n in ("related", "popular", "editors_picks", "latest")] == [5, 5, 5, 10]


def test_seed_body_paragraphs_exclude_page_furniture(seed: dict) -> None:
    paragraphs = seed["paragraphs"]
    assert len(paragraphs) == 12
    assert paragraphs[0].startswith("Suara.com - Amerika Serikat telah mengadakan pembicaraan langsung")
    assert paragraphs[-1].endswith("keberadaan dan nasib Tice masih belum diketahui.")
    # The paragraph after the Baca Juga block is still there, in order.
    assert paragraphs[9].startswith("Pejabat AS umumnya dilarang")
    text = "\n".join(paragraphs)
    for noise in ("Baca 10 detik", "Witkoff akan ke kawasan", "Ilustrasi Gaza", "[Suara.com/Dok]", "ADVERTISEMENT",
                  "Baca Juga", "Tak Hambat Bantuan", "All Rights Reserved", "Terpopuler"):
        assert noise not in text, noise


def test_noise_inside_the_article_element_is_dropped() -> None:
    """The seed keeps its caption and summary outside <article>; here they sit inside it."""
    html = page(
        """<div class="article-image"><h1>Gempa Guncang Cianjur</h1><span>Senin, 03 Maret 2025 | 13:21 WIB</span></div>
        <article class="article-content">
          <div class="ten-second"><p>Gempa magnitudo 5,6 guncang Cianjur.</p></div>
          <p><strong>Suara.com - </strong>Gempa bumi mengguncang Kabupaten Cianjur, Jawa Barat, Senin siang.</p>
          <figure><img src="/foto/gempa.jpg">
            <figcaption><p>Warga mengungsi. [Suara.com/Alfian]</p></figcaption></figure>
          <div id="div-ad-inarticle-1"><p>ADVERTISEMENT</p></div>
          <div class="article-read"><ul><p>Baca Juga</p>
            <li><a href="/news/2025/03/02/100000/bmkg-catat-gempa-susulan">BMKG Catat Gempa Susulan</a></li></ul></div>
          <p>Badan Meteorologi mencatat pusat gempa berada di darat.</p>
          <div class="google-pref"><p>Ikuti Suara.com di Google News</p></div>
        </article>"""
    )
    fields = ArticleExtractor().extract("https://www.suara.com/news/2025/03/03/132100/gempa-guncang-cianjur", html)
    assert fields["paragraphs"] == [
        "Suara.com - Gempa bumi mengguncang Kabupaten Cianjur, Jawa Barat, Senin siang.",
        "Badan Meteorologi mencatat pusat gempa berada di darat.",
    ]
    assert fields["link_lists"]["read_also"] == [
        {"title": "BMKG Catat Gempa Susulan",
         "url": "https://www.suara.com/news/2025/03/02/100000/bmkg-catat-gempa-susulan"}
    ]


# -- the 2022–23 suara.com template ---------------------------------------------------------------------


def test_suara_2022_template_without_jsonld() -> None:
    fields = ArticleExtractor().extract(SUARA_2023_URL, fixture("suara-2023-template.html"))
    assert fields["url"] == SUARA_2023_URL
    assert fields["site"] == "suara.com"
    assert fields["section"] == "jakarta"  # regional host: the city is the channel
    # div.info h1, not the <title> (which carries " - Suara Jakarta" and a shorter headline).
    assert fields["title"] == "Pemprov DKI Tambah 100 Armada Transjakarta untuk Pangkas Waktu Tunggu"
    assert fields["authors"] == ["Fabiola Febrinastri"]
    assert fields["date_candidates"] == [
        ("printed", "Rabu, 15 Februari 2023 | 14:30 WIB"),
        ("url", SUARA_2023_URL),
    ]
    # div.tag-header ul.list-tag li a, not <meta name="keywords">.
    assert fields["tags"] == ["Transjakarta", "Pemprov DKI", "Dishub DKI"]
    assert fields["paragraphs"][0].startswith("SuaraJakarta.id - Pemerintah Provinsi DKI Jakarta")
    assert fields["paragraphs"][1].startswith("Penambahan armada itu")
    assert fields["paragraphs"][-1] == (
        "Kepala Dinas Perhubungan DKI Jakarta menyebut bus baru akan beroperasi mulai Maret 2023."
    )
    assert fields["link_lists"] == {
        "read_also": [
            {"title": "Tarif Transjakarta Tidak Naik Tahun Ini",
             "url": "https://jakarta.suara.com/read/2023/02/14/101010/tarif-transjakarta-tidak-naik-tahun-ini"}
        ]
    }
    assert fields["description"] == "Pemprov DKI menambah 100 armada bus Transjakarta tahun ini."


def test_title_hint_order_beats_document_order() -> None:
    html = fixture("suara-2023-template.html").replace(
        b'<a class="logo" href="/"><img src="/assets/logo-suara-jakarta.png" alt="Suara Jakarta"></a>',
        b'<h1 class="logo"><a href="/">Suara Jakarta</a></h1>',
    )
    assert b'<h1 class="logo">' in html
    fields = ArticleExtractor().extract(SUARA_2023_URL, html)
    assert fields["title"] == "Pemprov DKI Tambah 100 Armada Transjakarta untuk Pangkas Waktu Tunggu"


# -- a site without a profile: the generic profile ------------------------------------------------------


@pytest.fixture(scope="module")
def generic() -> dict:
    return ArticleExtractor().extract(GENERIC_URL, fixture("generic-graph-article.html"))


def test_unknown_site_uses_generic_profile_metadata(generic: dict) -> None:
    assert generic["url"] == GENERIC_CANONICAL  # relative canonical resolved, tracking params gone
    assert generic["page_url"] == GENERIC_URL
    assert generic["site"] == "example.co.id"
    assert generic["section"] == "nasional"
    # JSON-LD NewsArticle inside @graph beats og:title (which carries the site suffix) and the WebPage node.
    assert generic["title"] == "Banjir Rendam Ratusan Rumah di Jakarta Timur"
    assert generic["authors"] == ["Rina Marlina", "Agus Salim"]
    assert generic["date_candidates"][0] == ("jsonld", "2025-03-06T09:12:44+07:00")
    assert ("jsonld", "2025-03-06T06:00:00+07:00") not in generic["date_candidates"]
    assert generic["modified_candidates"] == [("jsonld", "2025-03-06T11:02:00+07:00")]
    assert generic["tags"] == ["banjir", "jakarta timur", "cuaca ekstrem"]
    # No description/image in JSON-LD: OpenGraph fills them.
    assert generic["description"] == (
        "Ratusan rumah di Jakarta Timur terendam banjir setinggi satu meter sejak Kamis pagi."
    )
    assert generic["image_url"] == "https://img.example.co.id/2025/03/06/banjir-jaktim.jpg"
    assert generic["language"] == "id"  # <html lang="id-ID">
    assert generic["total_pages"] == 1


def test_generic_body_is_the_densest_paragraph_block(generic: dict) -> None:
    assert generic["paragraphs"] == [
        "Jakarta - Ratusan rumah di kawasan Jakarta Timur terendam banjir setinggi satu meter sejak Kamis pagi.",
        "Petugas gabungan mengevakuasi warga lanjut usia dan anak-anak ke posko pengungsian terdekat.",
        "Badan Penanggulangan Bencana Daerah mencatat hujan deras turun selama lebih dari enam jam.",
        "Warga berharap pemerintah segera mengeruk sungai yang dangkal agar banjir tidak terulang.",
    ]


def test_generic_lists_by_heading_label_with_relative_links_resolved(generic: dict) -> None:
    assert generic["link_lists"] == {
        "related": [
            {"title": "Hujan Deras Guyur Jakarta Sore Ini",
             "url": "https://news.example.co.id/nasional/2025/03/05/hujan-deras-guyur-jakarta"},
            {"title": "BPBD Siaga Banjir", "url": "https://news.example.co.id/nasional/2025/03/04/bpbd-siaga-banjir"},
            # the partner link on another site is not an entry
        ],
        "popular": [
            {"title": "Harga Beras Turun di Pasar Induk",
             "url": "https://news.example.co.id/nasional/2025/03/05/harga-beras-turun"},
            {"title": "Jalan Tol Macet Parah", "url": "https://news.example.co.id/nasional/2025/03/05/jalan-tol-macet"},
        ],
    }


def test_generic_lists_keep_links_to_sibling_subdomains_of_the_site() -> None:
    html = page(
        """<div class="content"><p>Jakarta - Harga cabai rawit di pasar tradisional naik dua kali lipat pekan ini.</p>
        <p>Pedagang menyebut pasokan dari sentra produksi berkurang karena hujan.</p></div>
        <div class="widget"><h3>Terpopuler</h3><ol>
          <li><a href="https://www.example.co.id/ekonomi/2025/03/05/harga-beras">Harga Beras Stabil</a></li>
          <li><a href="https://bola.example.co.id/liga-1/2025/03/05/persija-menang">Persija Menang</a></li>
          <li><a href="/nasional/2025/03/05/jalan-tol-macet">Jalan Tol Macet</a></li>
        </ol></div>""",
        head="<title>Harga Cabai Naik</title>",
    )
    fields = ArticleExtractor().extract("https://news.example.co.id/ekonomi/2025/03/06/harga-cabai-naik", html)
    assert fields["site"] == "example.co.id"
    assert [e["url"] for e in fields["link_lists"]["popular"]] == [
        "https://www.example.co.id/ekonomi/2025/03/05/harga-beras",
        "https://bola.example.co.id/liga-1/2025/03/05/persija-menang",
        "https://news.example.co.id/nasional/2025/03/05/jalan-tol-macet",
    ]


# -- bodies split by <br> (sindonews) -----------------------------------------------------------------


class BrBodyProfile(GenericProfile):
    """A profile that knows where a <br>-only body sits (sindonews' .detail-desc)."""

    body_css = ".detail-desc"


SINDO_PARAGRAPHS = [
    "JAKARTA - Pemerintah resmi menaikkan harga bahan bakar minyak bersubsidi mulai pekan depan.",
    "Kenaikan itu diumumkan Menteri Energi dan Sumber Daya Mineral di Jakarta, Jumat siang.",
    "Menurut dia, subsidi untuk nelayan dan angkutan umum tetap dipertahankan.",
    "Keputusan ini diambil setelah harga minyak dunia naik tajam sejak awal tahun.",
]


def test_br_only_body_is_split_into_paragraphs() -> None:
    fields = ArticleExtractor(BrBodyProfile()).extract(SINDO_URL, fixture("sindonews-br-body.html"))
    assert fields["paragraphs"] == SINDO_PARAGRAPHS
    assert fields["site"] == "sindonews.com"
    assert fields["title"] == "Pemerintah Naikkan Harga BBM Subsidi Mulai Pekan Depan"


def test_br_only_body_source_line_wraps_are_not_paragraph_breaks() -> None:
    html = page(
        """<h1>Harga BBM Naik</h1><div class="detail-desc">
        JAKARTA - Pemerintah resmi menaikkan harga
        bahan bakar minyak bersubsidi mulai pekan depan.<br><br>
        Kenaikan itu diumumkan di Jakarta, Jumat siang.</div>"""
    )
    fields = ArticleExtractor(BrBodyProfile()).extract(SINDO_URL, html)
    assert fields["paragraphs"] == [
        "JAKARTA - Pemerintah resmi menaikkan harga bahan bakar minyak bersubsidi mulai pekan depan.",
        "Kenaikan itu diumumkan di Jakarta, Jumat siang.",
    ]


def test_br_only_body_on_a_site_without_profile() -> None:
    fields = ArticleExtractor().extract(SINDO_URL, fixture("sindonews-br-body.html"))
    assert fields["paragraphs"] == SINDO_PARAGRAPHS


# -- multi-page articles, canonical URLs, relative links ------------------------------------------------


def test_multipage_first_page_reports_pages_and_pager_links() -> None:
    fields = ArticleExtractor().extract(MULTIPAGE_URL, fixture("suara-multipage-p1.html"))
    assert fields["total_pages"] == 3  # dataLayer articleTotalPages
    assert fields["url"] == MULTIPAGE_URL
    assert set(fields["page_urls"]) == {f"{MULTIPAGE_URL}?page={n}" for n in (1, 2, 3)}
    assert fields["page_urls"][:3] == [f"{MULTIPAGE_URL}?page={n}" for n in (1, 2, 3)]  # page order
    assert fields["paragraphs"] == [
        "Suara.com - Harga emas batangan PT Aneka Tambang (Antam) kembali naik Rp 5.000 per gram pada Kamis pagi.",
        "Kenaikan ini terjadi untuk hari ketiga berturut-turut menurut laman Logam Mulia.",
    ]  # neither the pager nor the Baca Juga block
    assert fields["link_lists"]["read_also"] == [
        {"title": "Harga Emas Antam Hari Ini",
         "url": "https://www.suara.com/bisnis/2025/03/05/090000/harga-emas-antam-hari-ini"}
    ]
    assert ("datalayer", "2025-03-06 10:15:27") in fields["date_candidates"]


def test_later_page_keeps_page_one_as_canonical() -> None:
    page2 = f"{MULTIPAGE_URL}?page=2"
    fields = ArticleExtractor().extract(page2, fixture("suara-multipage-p1.html"))
    assert fields["url"] == MULTIPAGE_URL
    assert fields["page_url"] == page2


def test_total_pages_is_capped_by_the_profile() -> None:
    html = fixture("suara-multipage-p1.html").replace(b'"articleTotalPages": "3"', b'"articleTotalPages": "500"')
    assert ArticleExtractor().extract(MULTIPAGE_URL, html)["total_pages"] == SuaraProfile.max_pages


def test_canonical_pointing_to_another_site_is_ignored() -> None:
    html = fixture("suara-multipage-p1.html").replace(
        b'href="/bisnis/2025/03/06/101500/7-fakta-harga-emas-antam-naik-lagi">',
        b'href="https://www.antaranews.com/berita/4711/harga-emas-antam-naik">',
    )
    assert b"antaranews" in html
    fields = ArticleExtractor().extract(f"{MULTIPAGE_URL}?utm_source=facebook&page=2", html)
    assert fields["url"] == MULTIPAGE_URL
    assert fields["site"] == "suara.com"


def test_canonical_on_the_same_site_renames_the_page() -> None:
    html = page(
        '<div class="article-image"><h1>Judul</h1></div><article class="article-content"><p>Isi berita.</p></article>',
        head='<title>Judul</title><link rel="canonical" href="https://www.suara.com/news/2025/03/06/080500/judul-asli">',
    )
    fields = ArticleExtractor().extract("https://m.suara.com/news/2025/03/06/080500/judul-asli?amp=1", html)
    assert fields["url"] == "https://www.suara.com/news/2025/03/06/080500/judul-asli"


def test_relative_hrefs_resolve_against_the_page_url() -> None:
    html = page(
        """<h1>Pemilu Damai</h1><div class="isi"><p>Komisi Pemilihan Umum memastikan tahapan pemilu berjalan damai.</p>
        <p>Baca juga: <a href="pemilu-2024-aman">Pemilu 2024 Aman</a></p></div>
        <div><h2>Berita Terkait</h2><ul><li><a href="../politik/kpu-siap">KPU Siap</a></li>
        <li><a href="/nasional/2025/03/01/bawaslu-awasi?utm_campaign=x#top">Bawaslu Awasi</a></li>
        <li><a href="//news.example.co.id/nasional/debat-capres">Debat Capres</a></li></ul></div>"""
    )
    fields = ArticleExtractor().extract("https://news.example.co.id/nasional/2025/03/06/pemilu-damai", html)
    lists = fields["link_lists"]
    assert lists["read_also"] == [
        {"title": "Pemilu 2024 Aman", "url": "https://news.example.co.id/nasional/2025/03/06/pemilu-2024-aman"}
    ]
    assert [e["url"] for e in lists["related"]] == [
        "https://news.example.co.id/nasional/2025/03/politik/kpu-siap",
        "https://news.example.co.id/nasional/2025/03/01/bawaslu-awasi",
        "https://news.example.co.id/nasional/debat-capres",
    ]


# -- not articles, language -------------------------------------------------------------------------------


def test_index_page_is_not_an_article() -> None:
    with pytest.raises(NotAnArticle):
        ArticleExtractor().extract("https://www.suara.com/indeks?page=1", fixture("suara-index-page.html"))


def test_index_page_with_teasers_is_not_an_article() -> None:
    items = "".join(
        f'<div class="item"><h4><a href="/news/2025/03/06/0{i}0000/berita-{i}">Berita ke-{i}</a></h4>'
        f"<p>Ringkasan berita ke-{i} tentang banjir yang melanda Jakarta sejak pagi hari.</p></div>"
        for i in range(1, 6)
    )
    html = page(
        f'<h1>Indeks Berita</h1><div class="list">{items}</div>',
        head='<title>Indeks Berita Terkini - Suara.com</title><meta property="og:type" content="website">',
    )
    with pytest.raises(NotAnArticle):
        ArticleExtractor().extract("https://www.suara.com/indeks?page=1", html)


@pytest.mark.parametrize(
    "html",
    [
        pytest.param(b"", id="empty-bytes"),
        pytest.param("", id="empty-str"),
        pytest.param(b"  \n\t ", id="whitespace"),
        pytest.param(b"<html><head></head><body></body></html>", id="empty-document"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x03\x20" + bytes(range(256)), id="png"),
        pytest.param(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n", id="pdf"),
        pytest.param(b'{"status": "ok", "articles": []}', id="json"),
    ],
)
def test_not_an_article(html: str | bytes) -> None:
    with pytest.raises(NotAnArticle):
        ArticleExtractor().extract(SEED_URL, html)


def test_str_xhtml_with_xml_declaration_is_read() -> None:
    html = '<?xml version="1.0" encoding="utf-8"?>\n' + page(
        '<h1>Judul</h1><article class="article-content"><p>Isi berita yang cukup panjang.</p></article>'
    )
    assert ArticleExtractor().extract(SEED_URL, html)["paragraphs"] == ["Isi berita yang cukup panjang."]


def test_utf8_bytes_without_charset_declaration() -> None:
    html = (
        "<html><head><title>Kafe</title></head><body><h1>Kafe “Senja” Dibuka</h1>"
        '<article class="article-content"><p>“Kami buka setiap hari” — kata pemilik kafé.</p></article></body></html>'
    ).encode()
    fields = ArticleExtractor().extract(SEED_URL, html)
    assert fields["paragraphs"] == ["“Kami buka setiap hari” — kata pemilik kafé."]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("id-ID", "id"), ("id_ID", "id"), ("ID", "id"), ("en-US", "en")],
)
def test_language_from_html_lang(lang: str, expected: str) -> None:
    html = page('<div class="isi"><p>Isi berita yang cukup panjang untuk dibaca.</p></div>', lang=lang)
    fields = ArticleExtractor().extract("https://news.example.co.id/nasional/2025/03/06/isi", html)
    assert fields["language"] == expected


def test_language_falls_back_to_profile_then_none() -> None:
    html = '<html><head><title>Judul</title></head><body><div class="isi"><p>Isi berita.</p></div></body></html>'
    assert ArticleExtractor().extract("https://news.example.co.id/nasional/isi", html)["language"] is None
    assert ArticleExtractor().extract("https://www.suara.com/news/2025/03/06/080500/isi", html)["language"] == "id"
