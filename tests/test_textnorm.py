import re

import pytest

from newscrawler.extract.textnorm import TextNormalizer


@pytest.fixture
def tn() -> TextNormalizer:
    return TextNormalizer()


# -- clean_text --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Harga\xa0BBM  naik ", "Harga BBM naik"),
        ("Harga&nbsp;BBM", "Harga BBM"),
        ("Harga&#160;BBM", "Harga BBM"),
        ("Ha\u200brga B\u00adBM\ufeff", "Harga BBM"),
        ("Harga\u200d \u2060BBM", "Harga BBM"),
        ("baris\nbaru\t\tdan\r\nspasi", "baris baru dan spasi"),
        ("Cafe\u0301", "Café"),  # NFC
        ("“Kami siap,” katanya. ‘Ya’", "“Kami siap,” katanya. ‘Ya’"),  # typographic quotes kept
        ("R&amp;D", "R&amp;D"),  # other entities are not rewritten
        ("", ""),
        (None, ""),
    ],
)
def test_clean_text(tn, raw, expected):
    assert tn.clean_text(raw) == expected


# -- titles ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Harga BBM Naik Lagi - Suara.com", "Harga BBM Naik Lagi"),
        ("Harga BBM Naik Lagi | Tempo Gaya", "Harga BBM Naik Lagi"),
        ("Harga BBM Naik Lagi - detikNews", "Harga BBM Naik Lagi"),
        ("Harga BBM Naik Lagi - detikFinance", "Harga BBM Naik Lagi"),
        ("Harga BBM Naik Lagi | Republika Online", "Harga BBM Naik Lagi"),
        ("Harga BBM Naik Lagi - Kompas.com", "Harga BBM Naik Lagi"),
        ("Harga BBM Naik Lagi - ANTARA News", "Harga BBM Naik Lagi"),
        ("Harga BBM Naik Lagi — CNN Indonesia", "Harga BBM Naik Lagi"),
        ("Harga BBM Naik Lagi - CNBC Indonesia", "Harga BBM Naik Lagi"),
        ("Harga BBM Naik Lagi - Tribunnews.com", "Harga BBM Naik Lagi"),
        ("Harga BBM Naik Lagi - Liputan6.com", "Harga BBM Naik Lagi"),
        (
            "Harga BBM Naik Lagi : Okezone Economy",
            "Harga BBM Naik Lagi : Okezone Economy",
        ),  # ':' is no separator
        ("Harga BBM Naik Lagi - Okezone Economy", "Harga BBM Naik Lagi"),
        ("Harga BBM Naik Lagi - SINDOnews", "Harga BBM Naik Lagi"),
        ("Harga BBM Naik Lagi | kumparan.com", "Harga BBM Naik Lagi"),
        ("Harga BBM Naik Lagi | merdeka.com", "Harga BBM Naik Lagi"),
        ("Harga BBM Naik Lagi - VIVA", "Harga BBM Naik Lagi"),
        ("Harga BBM Naik Lagi – Suara Jakarta", "Harga BBM Naik Lagi"),
        ("Harga BBM Naik Lagi - Halaman 2 - Tribunnews.com", "Harga BBM Naik Lagi - Halaman 2"),
        ("Harga BBM - Naik Lagi - Suara.com - Suara.com", "Harga BBM - Naik Lagi"),
        # negatives: a dash inside the headline is not a suffix
        ("Timnas Indonesia vs Lebanon - Analisis", "Timnas Indonesia vs Lebanon - Analisis"),
        ("Film Baru - Antara Cinta dan Benci", "Film Baru - Antara Cinta dan Benci"),  # 'antara' = between
        ("Jokowi: Indonesia Harus Merdeka - dari Impor", "Jokowi: Indonesia Harus Merdeka - dari Impor"),
        ("Suara.com", "Suara.com"),  # nothing left to keep
        ("  Judul\xa0Berita  ", "Judul Berita"),
    ],
)
def test_clean_title(tn, title, expected):
    assert tn.clean_title(title) == expected


def test_clean_title_site_names(tn):
    assert tn.clean_title("Judul - Harian Contoh", site_names=["Harian Contoh"]) == "Judul"
    assert tn.clean_title("Judul - HARIAN CONTOH Online", site_names=["harian contoh"]) == "Judul"
    assert tn.clean_title("Judul - Analisis", site_names=["Harian Contoh"]) == "Judul - Analisis"


# -- datelines ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "dateline", "rest"),
    [
        (
            "Suara.com - Amerika Serikat menyatakan dukungan.",
            "Suara.com",
            "Amerika Serikat menyatakan dukungan.",
        ),
        (
            "JAKARTA, KOMPAS.com - Pemerintah menaikkan harga.",
            "JAKARTA, KOMPAS.com",
            "Pemerintah menaikkan harga.",
        ),
        (
            "JAKARTA, KOMPAS.com – Pemerintah menaikkan harga.",
            "JAKARTA, KOMPAS.com",
            "Pemerintah menaikkan harga.",
        ),
        (
            "Makassar (ANTARA) - Gubernur Sulsel meresmikan.",
            "Makassar (ANTARA)",
            "Gubernur Sulsel meresmikan.",
        ),
        ("Jakarta - Polisi menangkap dua orang.", "Jakarta", "Polisi menangkap dua orang."),
        ("Jakarta, CNN Indonesia -- Presiden berpidato.", "Jakarta, CNN Indonesia", "Presiden berpidato."),
        ("Liputan6.com, Jakarta - Harga emas turun.", "Liputan6.com, Jakarta", "Harga emas turun."),
        ("TEMPO.CO, Jakarta - Harga emas turun.", "TEMPO.CO, Jakarta", "Harga emas turun."),
        ("Jakarta, CNBC Indonesia - IHSG menguat.", "Jakarta, CNBC Indonesia", "IHSG menguat."),
        ("Bandar Lampung - Banjir merendam rumah.", "Bandar Lampung", "Banjir merendam rumah."),
        ("Suara.com\xa0- Teks.", "Suara.com", "Teks."),
        ("JAKARTA, KOMPAS.com -", "JAKARTA, KOMPAS.com", ""),
    ],
)
def test_split_dateline(tn, paragraph, dateline, rest):
    assert tn.split_dateline(paragraph) == (dateline, rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Pemerintah menaikkan harga BBM pada 2025 - 2026, kata menteri.",
        "Presiden Joko Widodo - yang akrab disapa Jokowi - mengatakan hal itu.",
        "Menteri Keuangan - Sri Mulyani - menyebut anggaran cukup.",
        "Dia bilang: ya - tidak ada masalah.",
        "Harga naik. Jakarta - kota besar - terdampak.",
        "Jakarta - kota besar - terdampak banjir.",  # an aside closed by a second dash
        "Polisi menangkap dua orang di Jakarta.",
        "Kalimat panjang sekali tanpa tanda baca apa pun sampai lewat enam puluh huruf - lalu",
    ],
)
def test_split_dateline_negative(tn, paragraph):
    assert tn.split_dateline(paragraph) == (None, paragraph)


def test_split_dateline_site_pattern():
    tn = TextNormalizer(credit_patterns=[r"(?P<dateline>[A-Z]+, Harian Contoh)\s*/\s*"])
    assert tn.split_dateline("BOGOR, Harian Contoh / Isi berita.") == ("BOGOR, Harian Contoh", "Isi berita.")
    compiled = TextNormalizer(credit_patterns=[re.compile(r"CONTOH\s*:\s*")])
    assert compiled.split_dateline("CONTOH: Isi berita.") == ("CONTOH", "Isi berita.")
    # the generic rules still apply when the site pattern does not match
    assert compiled.split_dateline("Jakarta - Isi.") == ("Jakarta", "Isi.")


# -- boilerplate -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        "Baca Juga: Harga BBM Naik",
        "Baca juga: Harga BBM Naik",
        "BACA JUGA: Harga BBM Naik",
        "Baca Juga",
        "Lihat Juga: Video Banjir",
        "Simak juga Video: Banjir Jakarta",
        'Simak Video "Banjir Jakarta"',
        "Tonton juga video berikut",
        "Saksikan video di bawah ini:",
        "ADVERTISEMENT",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Scroll ke bawah untuk melanjutkan membaca",
        "Baca 10 detik",
        "Pilihan Editor: Harga BBM Naik",
        "Ringkasan Berita: harga naik",
        "Selanjutnya: Harga BBM Naik",
        "Pewarta: Budi Santoso",
        "Editor: Ani",
        "Copyright © ANTARA 2026",
        "Copyright (c) 2026 Contoh",
        "© 2026 Suara.com",
        "[Suara.com/Alfian Winanto]",
        "(Foto: ANTARA/Budi)",
        "(Dok. Humas Polri)",
        "Foto: Ilustrasi banjir (ANTARA)",
        "[Gambas:Video CNN]",
        "\u200b\xa0",
        "",
    ],
)
def test_is_boilerplate(tn, paragraph):
    assert tn.is_boilerplate(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Harga BBM naik lagi pekan ini.",
        "Dia membaca juga buku itu.",  # 'baca juga' not at the start
        "Editor majalah itu mengundurkan diri.",  # no label colon
        "Advertisement agency itu tumbuh pesat.",
        "[Catatan redaksi] Artikel ini telah diperbarui.",
        "Selanjutnya, polisi memeriksa saksi.",
    ],
)
def test_is_not_boilerplate(tn, paragraph):
    assert not tn.is_boilerplate(paragraph)


def test_site_boilerplate_patterns():
    tn = TextNormalizer(boilerplate_patterns=[r"^Dapatkan update berita", re.compile(r"^KLIK DI SINI$")])
    assert tn.is_boilerplate("Dapatkan update berita pilihan setiap hari")
    assert tn.is_boilerplate("KLIK DI SINI")
    assert not tn.is_boilerplate("Berita biasa.")


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Satu.", "Dua. (fas/idn)"], ["Satu.", "Dua."]),
        (["Satu.", "Dua.(lau/pta)"], ["Satu.", "Dua."]),
        (["Satu.", "Dua. (fyk/ash)"], ["Satu.", "Dua."]),
        (["Satu.", "Dua. (abc/de/fgh)"], ["Satu.", "Dua."]),
        (["Satu.", "Dua. (*)"], ["Satu.", "Dua."]),
        (["Satu.", "(lau/pta)"], ["Satu."]),  # sign-off alone: paragraph dropped
        (["Satu. (fas/idn)", "Dua."], ["Satu. (fas/idn)", "Dua."]),  # only the last paragraph
        (["Satu.", "Koalisi (PDIP/PKB)"], ["Satu.", "Koalisi (PDIP/PKB)"]),  # not a desk code
        (["Satu.", "Dua. (fas/idn)", "Baca Juga: X"], ["Satu.", "Dua."]),  # after boilerplate removal
        (["Teks [Gambas:Video CNN] lanjut.", "[Gambas:Youtube]"], ["Teks lanjut."]),
        (["", "  ", None, "Isi\xa0berita."], ["Isi berita."]),
        ([], []),
    ],
)
def test_clean_paragraphs(tn, paragraphs, expected):
    assert tn.clean_paragraphs(paragraphs) == expected


def test_join_body(tn):
    assert tn.join_body(["Satu.", "Dua."]) == "Satu.\n\nDua."


# -- whole article -----------------------------------------------------------------------------------


def test_normalize_article(tn):
    fields = {
        "title": "Harga BBM Naik - Suara.com",
        "paragraphs": [
            "ADVERTISEMENT",
            "Suara.com - Harga BBM naik.",
            "Baca Juga: Harga Emas Turun",
            "Menurut menteri - yang baru dilantik - harga wajar.",
            "Selesai. (fas/idn)",
        ],
        "description": "  Harga\xa0BBM naik ",
        "authors": ["Budi Santoso - detikNews", "Rep: Ani / Red: Citra", "", "budi santoso", None],
        "tags": ["# Politik", "politik", "#Ekonomi", " ", "Harga BBM"],
    }
    assert tn.normalize_article(fields, site_names=["Suara.com", "suara.com"]) == {
        "title": "Harga BBM Naik",
        "dateline": "Suara.com",
        "body": "Harga BBM naik.\n\nMenurut menteri - yang baru dilantik - harga wajar.\n\nSelesai.",
        "description": "Harga BBM naik",
        "authors": ["Budi Santoso", "Ani", "Citra"],
        "tags": ["Politik", "Ekonomi", "Harga BBM"],
    }


def test_normalize_article_dateline_only_first_paragraph(tn):
    result = tn.normalize_article({"title": "T", "paragraphs": ["Isi pertama.", "Jakarta - Isi kedua."]})
    assert result["dateline"] is None
    assert result["body"] == "Isi pertama.\n\nJakarta - Isi kedua."


def test_normalize_article_dateline_own_paragraph(tn):
    result = tn.normalize_article({"title": "T", "paragraphs": ["JAKARTA, KOMPAS.com -", "Isi."]})
    assert (result["dateline"], result["body"]) == ("JAKARTA, KOMPAS.com", "Isi.")


def test_normalize_article_empty(tn):
    result = tn.normalize_article({"title": None, "paragraphs": []})
    assert result == {"title": "", "dateline": None, "body": "", "description": "", "authors": [], "tags": []}


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        (["Rep: Ani / Red: Citra"], ["Ani", "Citra"]),
        (["Reporter: Ani", "Editor: Citra"], ["Ani", "Citra"]),
        (["Penulis: Ani"], ["Ani"]),
        (["Oleh: Ani"], ["Ani"]),
        (["Ani - detikNews", "Ani"], ["Ani"]),
        (["Ani | Suara.com"], ["Ani"]),
        ("Ani", ["Ani"]),
        (["Ani", "ANI", "Citra"], ["Ani", "Citra"]),
    ],
)
def test_clean_authors(tn, authors, expected):
    assert tn.clean_authors(authors, site_names=["Suara.com"]) == expected


def test_place_datelines_can_be_switched_off_for_branded_sites() -> None:
    branded_only = TextNormalizer(place_datelines=False)
    assert branded_only.split_dateline("Timnas Indonesia - Analisis laga semalam.") == (
        None, "Timnas Indonesia - Analisis laga semalam.")
    assert branded_only.split_dateline("Suara.com - Hujan deras turun.") == ("Suara.com", "Hujan deras turun.")
    assert TextNormalizer().split_dateline("Jakarta - Hujan deras turun.") == ("Jakarta", "Hujan deras turun.")


# -- real-page title and trailer classes -------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Harianbaru.co.id: Harga Cabai Naik", "Harga Cabai Naik"),  # a domain and a colon lead the title
        ("Harga Cabai Naik | pasarpagi.co.id", "Harga Cabai Naik"),  # a sister domain as the suffix
        ("Harga Cabai Naik - www.pasarpagi.com", "Harga Cabai Naik"),
        ("Jokowi: Harga Cabai Naik", "Jokowi: Harga Cabai Naik"),  # a speaker, not a domain
        ("Harga Cabai Naik - Pasar Pagi", "Harga Cabai Naik - Pasar Pagi"),
    ],
)
def test_clean_title_domain_prefixes_and_suffixes(tn, title, expected):
    assert tn.clean_title(title) == expected


def test_clean_title_suffix_spelling_the_sites_domain(tn):
    names = ["kabarkota.example"]
    assert tn.clean_title("Banjir Datang - Kabar Kota English", site_names=names) == "Banjir Datang"
    assert tn.clean_title("Banjir Datang | KabarKota", site_names=names) == "Banjir Datang"
    # The label followed by other words is part of the headline.
    assert tn.clean_title("Warga Bangun - Kabar Kota Baru", site_names=names) == "Warga Bangun - Kabar Kota Baru"


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Satu.", "Tiket dijual, katanya.Editor: Budi Hartono"], ["Satu.", "Tiket dijual, katanya."]),
        (["Satu.", "Dua.Pewarta: Rina Kusuma"], ["Satu.", "Dua."]),
        (["Satu.", "Dua. COPYRIGHT © ANTARA 2026"], ["Satu.", "Dua."]),
        (["Satu.", "Dua.© 2026 Kabar Kota"], ["Satu.", "Dua."]),
        (["Satu.", "“Kami siap,” ujarnya.Baca juga: Harga Naik"], ["Satu.", "“Kami siap,” ujarnya."]),
        (["Editor majalah itu mundur. Editor baru dilantik."], ["Editor majalah itu mundur. Editor baru dilantik."]),
        (["Dua. (fas/idn)Editor: Ani"], ["Dua."]),
    ],
)
def test_trailer_lines_glued_to_the_last_sentence_are_cut(tn, paragraphs, expected):
    assert tn.clean_paragraphs(paragraphs) == expected


@pytest.mark.parametrize("paragraph", ["Penulis: Andi Wijaya", "Reporter: Rina", "Redaktur: Sri Wahyuni"])
def test_credit_lines_are_boilerplate(tn, paragraph):
    assert tn.is_boilerplate(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Baca: Pedagang Pasar Dapat Masker Gratis",
        "Baca berita tanpa iklan. Gabung Kompas.com+",
        "Simak breaking news dan berita pilihan kami langsung di ponselmu.",
        "Ikuti kami di Google News",
        "Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis tanpa izin tertulis.",
        "(Tribunjateng.com/Eka Yulianti)",
    ],
)
def test_portal_promotions_rights_notices_and_photo_credits_are_boilerplate(tn, paragraph):
    assert tn.is_boilerplate(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    ["Bacaan doa itu dibacakan bersama.", "Ikuti perkembangan kasus ini, kata polisi, warga diminta tenang.",
     "Dilarang merokok di area itu sejak 2020, kata petugas."],
)
def test_sentences_that_open_like_promotions_are_kept(tn, paragraph):
    assert not tn.is_boilerplate(paragraph)
