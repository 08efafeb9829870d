"""ArticleExtractor: (url, html) -> raw fields, on the golden seed and hand-written Indonesian pages."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newscrawler.extract.extractor import ArticleExtractor, NotAnArticle
from newscrawler.extract.processing import build_article
from newscrawler.sites import GenericProfile, profile_for_url
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


#: One sentence of article text: pages in these tests need enough text to be an article (60+ characters).
TEXT = "Pemerintah kota memperbaiki jalan yang rusak akibat banjir di kawasan timur sejak Senin pagi."


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
        '<div class="article-image"><h1>Judul</h1></div><article class="article-content"><p>' + TEXT + "</p></article>",
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
        f'<h1>Judul</h1><article class="article-content"><p>{TEXT}</p></article>'
    )
    assert ArticleExtractor().extract(SEED_URL, html)["paragraphs"] == [TEXT]


def test_utf8_bytes_without_charset_declaration() -> None:
    html = (
        "<html><head><title>Kafe</title></head><body><h1>Kafe “Senja” Dibuka</h1>"
        '<article class="article-content"><p>“Kami buka setiap hari sampai larut malam” — kata pemilik kafé di Bandung.'
        "</p></article></body></html>"
    ).encode()
    fields = ArticleExtractor().extract(SEED_URL, html)
    assert fields["paragraphs"] == ["“Kami buka setiap hari sampai larut malam” — kata pemilik kafé di Bandung."]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("id-ID", "id"), ("id_ID", "id"), ("ID", "id"), ("en-US", "en")],
)
def test_language_from_html_lang(lang: str, expected: str) -> None:
    html = page(f'<div class="isi"><p>{TEXT}</p></div>', lang=lang)
    fields = ArticleExtractor().extract("https://news.example.co.id/nasional/2025/03/06/isi", html)
    assert fields["language"] == expected


def test_language_falls_back_to_profile_then_none() -> None:
    # Too little text to detect a language: the page says nothing, the generic profile knows nothing.
    html = f'<html><head><title>Judul</title></head><body><div class="isi"><p>{TEXT[:70]}</p></div></body></html>'
    assert ArticleExtractor().extract("https://news.example.co.id/nasional/isi", html)["language"] is None
    assert ArticleExtractor().extract("https://www.suara.com/news/2025/03/06/080500/isi", html)["language"] == "id"


# -- failure classes seen on real portal pages (tests/fixtures/extraction) ------------------------------

EXTRACTION = FIXTURES / "extraction"
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def article(name: str, url: str) -> dict:
    """The finished Article of a fixture page, through the generic path every profile inherits."""
    profile = profile_for_url(url)
    raw = ArticleExtractor(profile).extract(url, (EXTRACTION / name).read_bytes())
    built, errors = build_article([raw], profile, now=NOW)
    assert errors == []
    return built


def test_date_line_near_the_headline_when_there_is_no_machine_date() -> None:
    a = article("date-line-no-machine-date.html",
                "https://www.kabarkota.example/metro/berita/12002/warga-bantaran-kali-ciliwung-mulai-mengungsi")
    # Not the top bar's "today" (no time, far from the headline), not the sidebar's entry time.
    assert a["published_at"] == "2016-02-15T16:15:00+07:00"
    assert a["published_at_raw"] == "Senin, 15 Februari 2016, 16:15 WIB"  # "| 998 Views" is not part of it
    assert a["authors"] == ["Rina Marlina"]
    assert a["body"].startswith("Ratusan warga yang tinggal")
    assert "Bagikan" not in a["body"] and "Telepon" not in a["body"]


def test_english_date_split_over_two_elements_without_zone_beats_day_level_meta() -> None:
    a = article("date-english-split-no-zone.html", "https://en.kabarkota.example/metro/2016/02/15/jakarta-flood-alert")
    # article:published_time and the URL give the day only; the printed line has the time, WIB by default.
    assert a["published_at"] == "2016-02-15T16:15:00+07:00"
    assert a["title"] == "Jakarta Raises Flood Alert as Rivers Swell"  # <h1> in <header> is the headline
    assert a["authors"] == ["Agus Salim"]
    assert a["language"] == "en"


def test_detik_pubdate_ending_in_z_is_wib_wall_clock() -> None:
    a = article("detik-pubdate-z.html", "https://news.detik.com/berita/d-7012345/polisi-tutup-sementara-jalan-sudirman")
    assert a["published_at"] == "2023-11-02T20:59:53+07:00"


def test_brand_prefix_and_sister_domain_suffix_are_cut_by_the_visible_headline() -> None:
    a = article("title-brand-affixes.html", "https://www.harianbaru.co.id/ekonomi/2024/01/09/harga-cabai-rawit-tembus")
    assert a["title"] == "Harga Cabai Rawit Tembus Rp100 Ribu per Kilogram"  # not the logo's <h1>


def test_brand_affixes_cut_by_comparing_metadata_titles_when_there_is_no_h1() -> None:
    a = article("title-metadata-only.html", "https://www.harianbaru.co.id/olahraga/2024/01/09/persib-kalahkan-persija")
    assert a["title"] == "Persib Bandung Kalahkan Persija di Stadion GBLA"


def test_loose_first_paragraph_before_the_first_p_is_body_text() -> None:
    a = article("body-loose-first-paragraph.html", "https://kaltimtoday.example/daerah/2019/06/12/jembatan-baru")
    assert a["dateline"] == "SAMARINDA"
    assert a["body"].split("\n\n") == [
        "Gubernur Kalimantan Timur meresmikan jembatan baru yang menghubungkan dua kecamatan di Samarinda, Rabu pagi.",
        "Jembatan sepanjang 400 meter itu dibangun selama dua tahun dengan anggaran daerah.",
        "Warga menyambut peresmian dengan pawai perahu hias di Sungai Mahakam.",
    ]  # the tag row is not text; the copyright block is not the body


def test_div_only_body_and_the_contact_footer_is_never_the_body() -> None:
    a = article("body-div-only.html", "https://www.balipost.example/bali/2021/08/03/penyu-terdampar")
    assert a["dateline"] == "KUTA"
    paragraphs = a["body"].split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[-1] == "Petugas menduga penyu tersebut terluka akibat terjerat jaring yang hanyut di laut lepas."
    assert "WhatsApp" not in a["body"] and "redaksi" not in a["body"]


def test_itemprop_article_body_span_with_breaks_and_a_glued_editor_line() -> None:
    a = article("body-itemprop-span-br.html", "https://www.medanpos.example/medan/2018/03/07/kereta-bandara")
    assert a["body"].split("\n\n") == [
        "PT Railink menambah jadwal perjalanan kereta bandara Kualanamu mulai pekan depan.",
        "Penambahan dilakukan karena jumlah penumpang naik hingga tiga puluh persen sejak awal tahun.",
        "Tiket dapat dibeli melalui aplikasi maupun loket di stasiun, katanya.",
    ]
    assert a["authors"] == ["Dewi Lestari"]
    assert a["published_at"] == "2018-03-07T09:10:00+07:00"  # "Rabu, 07 Maret 2018 - 09:10 WIB" in the byline
    assert a["link_lists"]["latest"][0]["title"] == "Bandara Kualanamu Ramai"


def test_photo_gallery_captions_are_the_text() -> None:
    a = article("photo-gallery.html", "https://www.fotonusantara.example/foto/2023/06/04/lampion-borobudur")
    paragraphs = a["body"].split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("Umat Buddha menerbangkan lampion")
    assert "Hak cipta" not in a["body"]


@pytest.mark.parametrize("name", ["encoding-declared-latin1-utf8-bytes.html", "encoding-cp1252-undeclared.html"])
def test_wrong_or_missing_charset_declaration_decodes_to_the_right_characters(name: str) -> None:
    a = article(name, "https://www.kabarbandung.example/wisata/2015/09/20/kafe-senja")
    assert a["title"] == "Kafé “Senja” di Braga Jadi Tujuan Wisata"
    assert "André Wijaya" in a["body"] and "panjang… “Kami" in a["body"]
    assert a["dateline"] == "BANDUNG"


def test_lists_without_ranks_counts_times_or_more_links_and_credits_without_editors() -> None:
    a = article("lists-and-credits.html", "https://www.wartajatim.example/jatim/2025/05/20/pemkot-surabaya-perluas-rth")
    lists = a["link_lists"]
    assert [e["title"] for e in lists["popular"]] == [
        "Banjir Rob Rendam Pesisir Gresik",
        "Rencana Kereta Cepat Surabaya Dikaji Ulang",
        "7 Fakta Malam Satu Suro di Surabaya",  # a number that is part of the headline stays
    ]
    assert [e["title"] for e in lists["latest"]] == [
        "Harga Bawang Merah Turun di Pasar Keputran", "Jembatan Suramadu Macet Jelang Libur",
    ]
    assert lists["editors_picks"] == [
        {"title": "Taman Bungkul Direnovasi, Pengunjung Diminta Bersabar",
         "url": "https://www.wartajatim.example/jatim/2025/05/19/taman-bungkul-direnovasi"}
    ]
    assert all(not e["url"].endswith(("/terpopuler", "/indeks")) for entries in lists.values() for e in entries)
    assert a["authors"] == ["Andi Wijaya", "Rina Kusuma"]  # Penulis block and Pewarta line; the editor is not one
    assert "Pilihan Editor" not in a["body"] and "Pewarta" not in a["body"]


def test_language_detected_when_undeclared_and_text_beats_a_contradicting_declaration() -> None:
    assert article("no-language-declared.html", "https://www.madura.example/ekonomi/2024/07/02/petani-garam")[
        "language"] == "id"
    english = article("english-edition-declared-id.html", "https://en.warta.example/news/2024/03/11/coal-quota")
    assert english["language"] == "en"  # lang="id" and og:locale id_ID come from the Indonesian template


def test_english_page_of_a_known_indonesian_site_says_en() -> None:
    html = (EXTRACTION / "english-edition-declared-id.html").read_bytes()
    url = "https://www.suara.com/news/2024/03/11/090000/indonesia-extends-coal-export-quota"
    assert ArticleExtractor().extract(url, html)["language"] == "en"


def test_video_page_without_text_is_not_an_article() -> None:
    with pytest.raises(NotAnArticle, match="video"):
        ArticleExtractor().extract("https://www.kabartv.example/video/2024/02/01/998877/kebakaran-pasar-senen",
                                   (EXTRACTION / "video-page.html").read_bytes())


def test_video_page_of_a_known_site_with_an_article_url_is_not_an_article() -> None:
    url = "https://www.suara.com/video/2024/02/01/080000/detik-detik-kebakaran-pasar-senen"
    with pytest.raises(NotAnArticle):
        ArticleExtractor().extract(url, (EXTRACTION / "video-page.html").read_bytes())


def test_a_page_with_a_headline_and_one_line_is_not_an_article() -> None:
    html = page('<h1>Judul Berita Hari Ini</h1><div class="isi"><p>Simak selengkapnya.</p></div>')
    with pytest.raises(NotAnArticle, match="too little text"):
        ArticleExtractor().extract("https://news.example.co.id/nasional/2025/03/06/judul", html)


def test_dateline_printed_before_the_first_paragraph_and_a_line_wrapped_by_br() -> None:
    a = article("body-dateline-before-first-p.html", "https://www.kabartani.example/berita/2024/07/10/harga-gabah-naik")
    assert a["dateline"] == "Karawang"
    assert a["body"].split("\n\n") == [
        "Harga gabah kering panen di tingkat petani Karawang naik dua hari terakhir menjelang panen raya.",
        "Ketua kelompok tani setempat menyebut kenaikan dipicu permintaan penggilingan yang tinggi, namun ia "
        "khawatir harga turun lagi saat panen serentak dimulai.",
        "Dinas Pertanian memperkirakan produksi tahun ini lebih tinggi dibanding tahun lalu karena curah hujan cukup.",
    ]


# -- quirks of real templates (2015–2024) -----------------------------------------------------------------


def test_headline_outside_h1_and_a_logo_h1_repeating_the_title() -> None:
    html = page(
        '<div class="logo-news"><h1>Ahli Gizi Ingatkan Menu Sahur :: Kabar Sehat</h1></div>'
        '<div class="abmenu"><div class="meta-post">'
        "<time class=\"tgl\">Jum'at, 19 Juni 2015 - 11:58 wib</time></div>"
        '<div class="titles"><h1>Ahli Gizi Ingatkan Menu Sahur</h1></div>'
        f'<div class="detail"><p>{TEXT}</p><p>{TEXT}</p></div></div>',
        head="<title>Ahli Gizi Ingatkan Menu Sahur :: Kabar Sehat</title>",
    )
    a = build_article([ArticleExtractor().extract("https://www.kabarsehat.example/read/2015/06/19/1/menu-sahur", html)],
                      GenericProfile(), now=NOW)[0]
    assert a["title"] == "Ahli Gizi Ingatkan Menu Sahur"
    assert a["published_at"] == "2015-06-19T11:58:00+07:00"  # the date line printed above the headline


def test_headline_printed_in_a_div_when_there_is_no_h1() -> None:
    html = page(
        '<div class="judul">Sungai Meluap, Warga Mengungsi</div><div class="tanggal">Selasa, 3 Maret 2020 | 10:10</div>'
        f'<div class="isi"><p>{TEXT}</p><p>{TEXT}</p></div>',
        head="<title>Sungai Meluap, Warga Mengungsi | Kabar Desa</title>",
    )
    fields = ArticleExtractor().extract("https://www.kabardesa.example/berita/123/sungai-meluap", html)
    assert fields["title"] == "Sungai Meluap, Warga Mengungsi"
    assert ("printed", "Selasa, 3 Maret 2020 | 10:10") in fields["date_candidates"]


def test_script_text_never_makes_an_ad_slot_the_body() -> None:
    script = "<script>googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });" + " var x = 1;" * 200
    html = page(f'<h1>Judul Berita Yang Panjang</h1><div id="div-gpt-ad-1">{script}</script></div>'
                f'<div class="isi"><p>{TEXT}</p><p>{TEXT}</p></div>')
    fields = ArticleExtractor().extract("https://www.example.co.id/berita/1/judul", html)
    assert fields["paragraphs"] == [TEXT, TEXT]


@pytest.mark.parametrize(
    "caption",
    [
        '<div class="pic_artikel"><span>Petugas memeriksa lokasi kejadian, Senin pagi. (Nama Fotografer/Kabar)'
        "</span></div>",
        '<div class="wp-caption aligncenter"><img src="/a.jpg"><p class="wp-caption-text">Petugas memeriksa lokasi '
        "kejadian, Senin pagi. (Antara Foto/Nama)</p></div>",
    ],
)
def test_picture_captions_inside_the_body_are_not_paragraphs(caption: str) -> None:
    html = page(f'<h1>Judul Berita Yang Panjang</h1><div class="isi">{caption}<p>{TEXT}</p><p>{TEXT}</p></div>')
    assert ArticleExtractor().extract("https://www.example.co.id/berita/1/judul", html)["paragraphs"] == [TEXT, TEXT]


def test_offset_followed_by_a_stray_z_and_desk_initials_as_meta_author() -> None:
    html = page(
        f'<h1>Judul Berita Yang Panjang</h1><div class="isi"><p>{TEXT}</p></div>',
        head='<title>Judul</title><meta name="date" content="2015-06-19T03:40:00+07:00Z">'
        '<meta name="author" content="bgs">',
    )
    raw = ArticleExtractor().extract("https://www.example.co.id/berita/1/judul", html)
    a = build_article([raw], GenericProfile(), now=NOW)[0]
    assert a["published_at"] == "2015-06-19T03:40:00+07:00"
    assert a["authors"] == []


# -- hostile pages (issue 7 item 5): what is sound is extracted, the rest is rejected with a reason -----------

HOSTILE = FIXTURES / "hostile"
HOSTILE_URL = "https://news.example.co.id/nasional/2025/03/06/banjir-rendam-ratusan-rumah"
HOSTILE_NOW = datetime(2026, 1, 1, tzinfo=UTC)
HOSTILE_TITLE = "Banjir Rendam Ratusan Rumah di Jakarta Timur"


def hostile_article(name: str) -> dict:
    raw = ArticleExtractor().extract(HOSTILE_URL, (HOSTILE / name).read_bytes())
    return build_article([raw], now=HOSTILE_NOW)[0]


def test_hostile_jsonld_values_of_the_wrong_type_are_skipped_not_fatal() -> None:
    # headline 5, dateModified a number, author a number / an object with an object @id, description an object
    a = hostile_article("jsonld-wrong-types.html")
    assert a["title"] == HOSTILE_TITLE  # the page's <h1>, since the JSON-LD headline is no text
    assert a["authors"] == ["Rina Sari"]  # the one author that has a name
    assert a["published_at"] == "2025-03-06T08:05:00+07:00"  # the first string of a datePublished list
    assert a["modified_at"] is None  # 12345.5 is no plausible date
    assert a["description"] is None
    assert a["tags"] == [] and a["image_url"] is None


def test_hostile_dates_out_of_range_fall_back_to_a_sound_one() -> None:
    # epoch 999999999999 (year 33658), offsets +25:00 / -24:30 / +9900, year 0000: none is taken
    a = hostile_article("dates-out-of-range.html")
    assert a["published_at"] == "2025-03-06T08:05:00+07:00"  # the RFC 2822 pubdate is re-read as printed
    assert a["modified_at"] is None


def test_hostile_deeply_nested_jsonld_loses_only_its_own_block() -> None:
    a = hostile_article("deep-jsonld.html")
    assert a["published_at"] == "2025-03-06T08:05:00+07:00"  # from the one sound block


def test_hostile_urls_are_dropped_one_by_one() -> None:
    # <base> an invalid IPv6 literal, canonical with port 99999, og:image and links with control characters
    a = hostile_article("bad-urls.html")
    assert a["url"] == HOSTILE_URL  # the broken canonical does not rename the page
    assert a["image_url"] is None
    assert a["link_lists"]["related"] == [{
        "title": "Warga Gotong Royong Bersihkan Lumpur Sisa Banjir",
        "url": "https://news.example.co.id/nasional/2025/03/05/warga-gotong-royong-bersihkan-lumpur",
    }]


def test_hostile_body_element_matching_a_drop_selector_keeps_its_text() -> None:
    a = hostile_article("body-matches-drop-selector.html")
    assert a["body"].count("Pemerintah kota memperbaiki jalan") == 4
    assert "IKLAN" not in a["body"]  # what the selector means inside the body still goes


@pytest.mark.parametrize("name", ["deep-divs-300.html", "deep-divs-3000.html"])
def test_hostile_deep_nesting_still_yields_the_body(name: str) -> None:
    # 300: past libxml2's default 256 levels (huge_tree); 3000: past its hard 2048 (wrappers flattened)
    a = hostile_article(name)
    assert a["title"] == HOSTILE_TITLE
    assert a["body"].count("Pemerintah kota memperbaiki jalan") == 4


def test_hostile_huge_attribute_and_text_node_are_parsed() -> None:
    # lxml refuses a text node or attribute over 10 MB without huge_tree
    html = page(f'<article><h1>{HOSTILE_TITLE}</h1><p class="{"x " * 6_000_000}">{TEXT * 3}</p></article>',
                head=f'<title>{HOSTILE_TITLE}</title><meta name="description" content="{"d" * 11_000_000}">')
    raw = ArticleExtractor().extract(HOSTILE_URL, html)
    assert TEXT in raw["paragraphs"][0]
    assert len(raw["description"]) == 11_000_000


def test_hostile_page_without_an_article_is_rejected_with_a_reason() -> None:
    with pytest.raises(NotAnArticle, match="no article title or body"):
        ArticleExtractor().extract(HOSTILE_URL, (HOSTILE / "no-article-deep-garbage.html").read_bytes())


def test_paragraphs_wrapped_one_per_div_add_up_to_the_body() -> None:
    blocks = "".join(
        f'<div data-block="true"><div class="public-DraftStyleDefault-block"><span><span>{TEXT} {i}</span></span>'
        "</div></div>" for i in range(4)
    )
    html = page(f'<h1>Judul Berita Yang Panjang</h1><div class="StoryRenderer"><div data-contents="true">{blocks}'
                '</div></div><div class="teasers"><article><h2>Lain</h2><p>' + TEXT + "</p></article></div>")
    fields = ArticleExtractor().extract("https://www.example.co.id/berita/1/judul", html)
    assert fields["paragraphs"] == [f"{TEXT} {i}" for i in range(4)]


def test_pages_printed_in_one_document_as_sibling_blocks_are_all_read() -> None:
    pages_html = "".join(
        f'<div class="item-page" data-page="{n}"><h2>Bagian {n}</h2><div class="item-content"><p>{TEXT} {n}</p>'
        f"<p>{TEXT} {n}b</p></div></div>" for n in (1, 2)
    )
    html = page(f'<h1>Judul Berita Yang Panjang</h1><div class="content-body">{pages_html}</div>'
                '<div class="sidebar"><div class="item-content"><p>Iklan mitra.</p></div></div>')
    fields = ArticleExtractor().extract("https://www.example.co.id/berita/1/judul", html)
    assert fields["paragraphs"] == [f"{TEXT} 1", f"{TEXT} 1b", f"{TEXT} 2", f"{TEXT} 2b"]


def test_a_utc_label_on_wib_wall_clock_is_corrected_by_the_printed_line() -> None:
    html = page(
        '<h1>Judul Berita Yang Panjang</h1><div class="read__time">Kompas.com - 05/03/2025, 11:32 WIB</div>'
        f'<div class="isi"><p>{TEXT}</p></div>',
        head='<title>Judul</title><script type="application/ld+json">{"@type": "NewsArticle", "headline": '
        '"Judul Berita Yang Panjang", "datePublished": "2025-03-05T11:32:00+00:00"}</script>',
    )
    raw = ArticleExtractor().extract("https://www.example.co.id/berita/1/judul", html)
    assert build_article([raw], GenericProfile(), now=NOW)[0]["published_at"] == "2025-03-05T11:32:00+07:00"


def test_a_comment_or_footer_block_inside_the_body_container_is_not_text() -> None:
    html = page(f'<h1>Judul Berita Yang Panjang</h1><div class="isi"><p>{TEXT}</p><p>{TEXT}</p>'
                '<div class="footer-post"><p>Hak cipta dilindungi undang-undang. Alamat redaksi di Jakarta Pusat, '
                "telepon kantor dan surel tersedia di halaman kontak kami.</p></div></div>")
    assert ArticleExtractor().extract("https://www.example.co.id/berita/1/judul", html)["paragraphs"] == [TEXT, TEXT]


def test_control_characters_from_broken_bytes_do_not_break_extraction() -> None:
    html = page(
        f'<h1>Judul Berita\x01 Yang Panjang</h1><div class="isi"><figure>x\x02</figure>\x03<p>{TEXT}\x1f</p>'
        f"<p>{TEXT}</p></div>",
        head='<title>Judul \x07Berita Yang Panjang | Kabar</title>'
        '<meta property="og:title" content="Judul\x0b Berita">',
    ).encode()
    fields = ArticleExtractor().extract("https://www.example.co.id/berita/1/judul", html)
    assert fields["paragraphs"] == [TEXT, TEXT]
    assert fields["title"] == "Judul Berita Yang Panjang"
