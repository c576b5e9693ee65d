"""Every sentence a user reads, in Bahasa Indonesia and English.

Messages are looked up by key and filled with named fields. The language is
Indonesian unless :func:`set_language` or the environment variable
``MINILAB_BAHASA`` says ``"en"``.

>>> text("region.not_found", teks="Halmahera Baratt", saran="Halmahera Barat")[:29]
'Wilayah "Halmahera Baratt" ti'
>>> text("region.not_found", bahasa="en", teks="X", saran="-")[:22]
'Region "X" was not fou'
"""

from __future__ import annotations

import os

__all__ = ["LANGUAGES", "MESSAGES", "language", "set_language", "text"]

LANGUAGES = ("id", "en")

_language: str | None = None

MESSAGES: dict[str, dict[str, str]] = {
    # Regions
    "region.not_found": {
        "id": 'Wilayah "{teks}" tidak dikenal. Yang paling mirip: {saran}. '
        "Periksa ejaan, atau pakai kode Kemendagri bertitik (mis. 82.03).",
        "en": 'Region "{teks}" was not found. Closest matches: {saran}. '
        "Check the spelling, or use a dotted Kemendagri code (e.g. 82.03).",
    },
    "region.ambiguous_name": {
        "id": '"{teks}" bisa berarti beberapa wilayah: {pilihan}. '
        "Tulis nama lengkap atau kode Kemendagri bertitik.",
        "en": '"{teks}" can mean several regions: {pilihan}. '
        "Write the full name or the dotted Kemendagri code.",
    },
    "region.ambiguous_code": {
        "id": 'Kode "{teks}" berarti {kemendagri} menurut Kemendagri ({kode}), tetapi '
        "{bps} menurut BPS. Tulis kode Kemendagri bertitik, atau sebutkan "
        'skemanya: scheme="kemendagri" atau scheme="bps" (di minilab: --skema).',
        "en": 'Code "{teks}" means {kemendagri} in the Kemendagri scheme ({kode}) but '
        "{bps} in the BPS scheme. Write the dotted Kemendagri code, or name the "
        'scheme: scheme="kemendagri" or scheme="bps" (in minilab: --skema).',
    },
    "region.empty": {
        "id": "Nama atau kode wilayah kosong. Isi, misalnya, 82 (provinsi) atau 82.03.",
        "en": "The region name or code is empty. Fill it in, e.g. 82 (province) or "
        "82.03.",
    },
    "region.no_suggestion": {
        "id": "tidak ada yang mirip",
        "en": "none is similar",
    },
    "region.dotted_bps": {
        "id": 'Kode bertitik "{teks}" adalah kode Kemendagri, bukan kode BPS. Tulis '
        'kode BPS tanpa titik (mis. 8205), atau pakai scheme="kemendagri".',
        "en": 'The dotted code "{teks}" is a Kemendagri code, not a BPS code. Write '
        'the BPS code without dots (e.g. 8205), or use scheme="kemendagri".',
    },
    "region.bad_scheme": {
        "id": 'Skema kode "{scheme}" tidak dikenal. Pilih "kemendagri" atau "bps".',
        "en": 'Unknown code scheme "{scheme}". Choose "kemendagri" or "bps".',
    },
    "region.code_not_found": {
        "id": 'Kode "{teks}" tidak ada dalam skema {scheme} untuk Maluku Utara. '
        "Kode Kemendagri memakai titik (82.03); kode BPS tidak (8205).",
        "en": 'Code "{teks}" does not exist in the {scheme} scheme for North Maluku. '
        "Kemendagri codes are dotted (82.03); BPS codes are not (8205).",
    },
    "region.wrong_level": {
        "id": '"{teks}" adalah {tingkat} ({nama}). Di sini diperlukan provinsi atau '
        "kabupaten/kota, misalnya 82 atau 82.03.",
        "en": '"{teks}" is a {tingkat} ({nama}). A province or kabupaten/kota is '
        "needed here, e.g. 82 or 82.03.",
    },
    # Command line
    "cli.error": {"id": "Galat", "en": "Error"},
    "cli.seconds": {"id": "dtk", "en": "s"},
    "cli.yes": {"id": "ya", "en": "yes"},
    "cli.no": {"id": "tidak", "en": "no"},
    "cli.datasets_title": {"id": "Katalog MARIMOI", "en": "MARIMOI catalog"},
    "cli.datasets_columns": {
        "id": "dataset|judul|produsen data|baris|tahun|sintetis",
        "en": "dataset|title|data producer|rows|years|synthetic",
    },
    # Catalog and data
    "catalog.missing": {
        "id": "Katalog data tidak ditemukan di {path}. Jika data MARIMOI disimpan di "
        "tempat lain, arahkan MINILAB_CATALOG ke file katalognya.",
        "en": "The data catalog was not found at {path}. If the MARIMOI data live "
        "elsewhere, point MINILAB_CATALOG at the catalog file.",
    },
    "catalog.bad_yaml": {
        "id": "Katalog {path} tidak bisa dibaca sebagai katalog Intake 2: {detail}. "
        "Periksa format YAML-nya (lihat catalogs/marimoi.yaml sebagai contoh).",
        "en": "Catalog {path} cannot be read as an Intake 2 catalog: {detail}. "
        "Check its YAML (see catalogs/marimoi.yaml for the layout).",
    },
    "catalog.no_data_root": {
        "id": "Katalog {path} tidak menyebut folder datanya. Tambahkan "
        "`user_parameters: {{data_root: <folder>}}`, atau atur MINILAB_DATA.",
        "en": "Catalog {path} does not name its data folder. Add "
        "`user_parameters: {{data_root: <folder>}}`, or set MINILAB_DATA.",
    },
    "data.root_missing": {
        "id": "Folder data {path} tidak ada. Periksa variabel MINILAB_DATA "
        "(sekarang: {env}), atau kosongkan agar contoh data bawaan dipakai.",
        "en": "Data folder {path} does not exist. Check the MINILAB_DATA variable "
        "(now: {env}), or unset it to use the bundled sample data.",
    },
    "data.root_is_file": {
        "id": "MINILAB_DATA menunjuk ke sebuah file ({path}), bukan folder. Arahkan "
        "ke folder yang berisi file-file data.",
        "en": "MINILAB_DATA points at a file ({path}), not a folder. Point it at the "
        "folder that holds the data files.",
    },
    "data.no_schema": {
        "id": 'Dataset "{dataset}" tidak punya skema di lab_lib.schemas, jadi tidak '
        "bisa diperiksa. Tambahkan skemanya, atau pakai nama dataset MARIMOI baku.",
        "en": 'Dataset "{dataset}" has no schema in lab_lib.schemas, so it cannot be '
        "checked. Add its schema, or use a standard MARIMOI dataset name.",
    },
    "data.unreadable": {
        "id": 'File data "{dataset}" ({path}) tidak bisa dibaca: {sebab}. Simpan '
        "ulang sebagai CSV UTF-8 berpemisah koma atau GeoJSON yang sah.",
        "en": 'The data file of "{dataset}" ({path}) cannot be read: {sebab}. Save it '
        "again as comma-separated UTF-8 CSV or as valid GeoJSON.",
    },
    "data.empty": {
        "id": 'File data "{dataset}" ({path}) tidak berisi satu baris data pun. '
        "Periksa apakah ekspornya lengkap.",
        "en": 'The data file of "{dataset}" ({path}) holds no rows. Check that the '
        "export is complete.",
    },
    "data.no_region_column": {
        "id": 'Dataset "{dataset}" tidak bisa disaring per wilayah (tidak ada kolom '
        "kode wilayah). Saring dengan kolom lain, mis. id_proyek.",
        "en": 'Dataset "{dataset}" cannot be filtered by region (it has no region code '
        "column). Filter on another column, e.g. id_proyek.",
    },
    "data.bad_filter_value": {
        "id": 'Nilai saringan {kolom} = {nilai!r} untuk "{dataset}" harus bilangan '
        "bulat, mis. 2024.",
        "en": 'Filter value {kolom} = {nilai!r} for "{dataset}" must be a whole '
        "number, e.g. 2024.",
    },
    "data.file_missing": {
        "id": 'File data untuk "{dataset}" tidak ada: {path}. Salin ekspor MARIMOI '
        "dengan nama file yang sama ke folder data, atau periksa MINILAB_DATA.",
        "en": 'The data file for "{dataset}" is missing: {path}. Copy the MARIMOI '
        "export with the same file name into the data folder, or check MINILAB_DATA.",
    },
    "data.unknown_dataset": {
        "id": 'Dataset "{dataset}" tidak ada di katalog. Dataset yang tersedia: '
        "{tersedia}.",
        "en": 'Dataset "{dataset}" is not in the catalog. Available datasets: '
        "{tersedia}.",
    },
    "data.unknown_filter": {
        "id": 'Dataset "{dataset}" tidak punya kolom "{kolom}" untuk disaring. '
        "Kolom yang bisa dipakai: {tersedia}.",
        "en": 'Dataset "{dataset}" has no column "{kolom}" to filter on. '
        "Columns you can use: {tersedia}.",
    },
    "data.no_rows": {
        "id": 'Dataset "{dataset}" tidak punya data untuk {saringan}. '
        "Nilai {kolom} yang tersedia: {tersedia}.",
        "en": 'Dataset "{dataset}" has no data for {saringan}. '
        "Available values of {kolom}: {tersedia}.",
    },
    "data.schema": {
        "id": 'Dataset "{dataset}" ({path}) tidak lolos pemeriksaan skema:\n{rincian}\n'
        "Perbaiki nilai-nilai ini di sumber datanya, lalu muat ulang.",
        "en": 'Dataset "{dataset}" ({path}) failed its schema check:\n{rincian}\n'
        "Fix these values in the source data, then load again.",
    },
    "data.schema_line": {
        "id": '  - kolom "{kolom}", baris {baris}: {masalah} (nilai: {nilai})',
        "en": '  - column "{kolom}", rows {baris}: {masalah} (values: {nilai})',
    },
    "data.schema_rows": {
        "id": "  - baris {baris}: {masalah}",
        "en": "  - rows {baris}: {masalah}",
    },
    "data.schema_allowed": {
        "id": "; yang sah: {pilihan}",
        "en": "; allowed: {pilihan}",
    },
    "data.schema_bps_code": {
        "id": "{bps} adalah kode BPS; kode Kemendagri-nya {kode}",
        "en": "{bps} is a BPS code; its Kemendagri code is {kode}",
    },
    "data.schema_missing_column": {
        "id": '  - kolom "{kolom}" tidak ada; tambahkan kolom ini ke data',
        "en": '  - column "{kolom}" is missing; add it to the data',
    },
    # Briefs
    "paper.unknown_theme": {
        "id": 'Tema "{tema}" tidak ada. Tema yang tersedia: {tersedia}.',
        "en": 'Theme "{tema}" does not exist. Available themes: {tersedia}.',
    },
    "paper.not_writable": {
        "id": "Brief tidak bisa ditulis ke folder {folder} ({sebab}). Pilih folder "
        "lain dengan --out, atau periksa izin tulisnya.",
        "en": "Briefs cannot be written to folder {folder} ({sebab}). Choose another "
        "folder with --out, or check its permissions.",
    },
    "paper.not_a_folder": {
        "id": "{path} adalah file, bukan folder",
        "en": "{path} is a file, not a folder",
    },
    "paper.no_permission": {
        "id": "tidak ada izin menulis di {path}",
        "en": "no permission to write in {path}",
    },
    "paper.failed": {
        "id": 'Brief "{tema}" untuk {wilayah} {tahun} gagal dibuat: {sebab}',
        "en": 'Brief "{tema}" for {wilayah} {tahun} failed: {sebab}',
    },
    "language.unsupported": {
        "id": 'Bahasa "{kode}" tidak didukung. Pilih "id" atau "en".',
        "en": 'Language "{kode}" is not supported. Choose "id" or "en".',
    },
    "brief.figure": {"id": "Gambar", "en": "Figure"},
    "brief.table": {"id": "Tabel", "en": "Table"},
    "brief.data_source": {"id": "Sumber data", "en": "Data source"},
    "brief.evidence": {"id": "bukti", "en": "evidence"},
    "brief.data": {"id": "data", "en": "data"},
    "brief.appendix_title": {
        "id": "Lampiran: data yang dipakai",
        "en": "Appendix: data used",
    },
    "brief.appendix_columns": {
        "id": "Dataset|Judul|Produsen data|Lisensi|Baris|SHA-256 (12 digit awal)",
        "en": "Dataset|Title|Data producer|License|Rows|SHA-256 (first 12 digits)",
    },
    "brief.synthetic": {
        "id": "contoh sintetis, bukan data resmi",
        "en": "synthetic example, not official data",
    },
    "brief.no_datasets": {
        "id": 'Gambar atau tabel "{keterangan}" tidak menyebut dataset asalnya. '
        'Tambahkan datasets=["..."] dengan nama dataset katalog.',
        "en": 'Figure or table "{keterangan}" names no source dataset. Add '
        'datasets=["..."] with the catalog names.',
    },
    "brief.unread_dataset": {
        "id": 'Gambar atau tabel "{keterangan}" menyebut dataset "{dataset}", tetapi '
        'brief ini belum membacanya. Baca dulu dengan catalog.load("{dataset}").',
        "en": 'Figure or table "{keterangan}" names dataset "{dataset}", but this '
        'brief has not read it. Read it first with catalog.load("{dataset}").',
    },
    "brief.no_evidence": {
        "id": 'Rekomendasi "{teks}" tidak menyebut bukti. Setiap rekomendasi harus '
        "merujuk ke gambar atau tabel di brief ini (evidence=[...]).",
        "en": 'Recommendation "{teks}" cites no evidence. Every recommendation must '
        "point to a figure or table in this brief (evidence=[...]).",
    },
    "brief.unknown_evidence": {
        "id": 'Rekomendasi "{teks}" merujuk ke bukti yang tidak ada di brief ini: '
        "{bukti}. Tampilkan dulu gambar atau tabelnya dengan brief.figure/table.",
        "en": 'Recommendation "{teks}" cites evidence that is not in this brief: '
        "{bukti}. Show the figure or table first with brief.figure/table.",
    },
    # Recommendation rules
    "rules.missing": {
        "id": 'Aturan rekomendasi tema "{tema}" tidak ditemukan di {path}. Buat file '
        "itu (contoh: notebooks/themes/aturan/kondisi_jalan.yaml).",
        "en": 'The recommendation rules of theme "{tema}" are not at {path}. Create '
        "that file (see notebooks/themes/aturan/kondisi_jalan.yaml).",
    },
    "rules.bad_file": {
        "id": "File aturan {path} bukan YAML yang sah: {detail}",
        "en": "Rules file {path} is not valid YAML: {detail}",
    },
    "rules.incomplete": {
        "id": 'Aturan "{aturan}" di {path} belum lengkap: {kunci} belum diisi.',
        "en": 'Rule "{aturan}" in {path} is incomplete: {kunci} missing.',
    },
    "rules.bad_condition": {
        "id": 'Syarat "{syarat}" pada aturan "{aturan}" ({path}) tidak bisa dibaca. '
        "Tulis seperti: selisih < 0, atau kemantapan >= ambang dan menurun == benar.",
        "en": 'Condition "{syarat}" of rule "{aturan}" ({path}) cannot be read. '
        "Write it like: selisih < 0, or kemantapan >= ambang dan menurun == benar.",
    },
    "rules.unknown_name": {
        "id": 'Aturan "{aturan}" ({path}) memakai nama "{nama}" yang tidak ada. '
        "Nama yang tersedia: {tersedia}.",
        "en": 'Rule "{aturan}" ({path}) uses the name "{nama}", which does not exist. '
        "Available names: {tersedia}.",
    },
    "rules.unknown_evidence": {
        "id": 'Aturan "{aturan}" ({path}) merujuk bukti "{nama}" yang tidak ada di '
        "brief. Bukti yang tersedia: {tersedia}.",
        "en": 'Rule "{aturan}" ({path}) cites evidence "{nama}" that is not in the '
        "brief. Available evidence: {tersedia}.",
    },
    # Maps
    "map.unknown_column": {
        "id": 'Kolom "{kolom}" tidak ada di data peta. Kolom yang tersedia: '
        "{tersedia}.",
        "en": 'Column "{kolom}" is not in the map data. Available columns: {tersedia}.',
    },
    "map.unknown_scheme": {
        "id": 'Skema klasifikasi "{scheme}" tidak dikenal. Pilih salah satu: '
        "{pilihan}.",
        "en": 'Unknown classification scheme "{scheme}". Choose one of: {pilihan}.',
    },
    "map.bins_needed": {
        "id": 'Skema "manual" memerlukan batas atas tiap kelas, naik berurutan, '
        "mis. bins=[10, 20, 40]. Diberikan: {bins}.",
        "en": 'The "manual" scheme needs the upper edge of each class, in '
        "increasing order, e.g. bins=[10, 20, 40]. Given: {bins}.",
    },
    "map.not_numeric": {
        "id": 'Kolom "{kolom}" tidak berisi angka. Untuk kategori (mis. kondisi '
        'jalan) pakai scheme="categories".',
        "en": 'Column "{kolom}" does not hold numbers. For categories (e.g. road '
        'condition) use scheme="categories".',
    },
    "map.no_values": {
        "id": 'Kolom "{kolom}" tidak punya nilai untuk dipetakan.',
        "en": 'Column "{kolom}" has no values to map.',
    },
    "map.unknown_palette": {
        "id": 'Palet warna "{palette}" tidak dikenal atau tidak aman bagi pembaca '
        "buta warna. Pilih salah satu: {pilihan}.",
        "en": 'Colour palette "{palette}" is unknown or not safe for colour-blind '
        "readers. Choose one of: {pilihan}.",
    },
    "map.too_many_categories": {
        "id": 'Kolom "{kolom}" punya {jumlah} kategori, sedangkan palet "{palette}" '
        "hanya punya {maks} warna. Gabungkan beberapa kategori.",
        "en": 'Column "{kolom}" has {jumlah} categories, but palette "{palette}" '
        "has only {maks} colours. Merge some categories.",
    },
    "map.no_data": {"id": "Tidak ada data", "en": "No data"},
    "map.source": {"id": "Sumber: {sumber}", "en": "Source: {sumber}"},
    "map.boundary_note": {
        "id": "Batas wilayah generalisasi, bukan batas resmi",
        "en": "Generalized boundaries, not official",
    },
    "map.north": {"id": "U", "en": "N"},
    "map.region": {"id": "Wilayah", "en": "Region"},
    # Offline maps
    "offline.version_mismatch": {
        "id": "{pustaka} terpasang versi {terpasang}, tetapi folium {folium} memakai "
        "versi {diharapkan}. Pasang {paket}=={diharapkan}.* agar peta bisa dibuka "
        "tanpa internet.",
        "en": "{pustaka} {terpasang} is installed, but folium {folium} uses version "
        "{diharapkan}. Install {paket}=={diharapkan}.* so that maps open without "
        "internet.",
    },
    "offline.unknown_asset": {
        "id": "Folium {folium} memuat {pustaka} dari alamat yang tidak dikenali: "
        "{url}. Versi folium ini belum didukung untuk peta offline.",
        "en": "Folium {folium} loads {pustaka} from an unrecognised address: {url}. "
        "This folium version is not yet supported for offline maps.",
    },
    "offline.external_asset": {
        "id": "Peta memerlukan berkas dari internet yang tidak bisa disertakan: "
        "{url}. Hapus plugin atau ikon yang memerlukannya.",
        "en": "The map needs a file from the internet that cannot be bundled: "
        "{url}. Remove the plugin or icon that needs it.",
    },
    # Brief export
    "export.agency": {
        "id": "Bappeda Provinsi Maluku Utara",
        "en": "Bappeda Provinsi Maluku Utara (North Maluku Regional Planning Agency)",
    },
    "export.sample_banner": {
        "id": "Data sampel — bukan data resmi MARIMOI",
        "en": "Sample data — not official MARIMOI data",
    },
    "export.sample_detail": {
        "id": "Angka, tabel dan peta dalam brief ini hanya contoh dan tidak boleh "
        "dikutip sebagai data resmi.",
        "en": "The figures, tables and maps in this brief are examples and must not "
        "be quoted as official data.",
    },
    "export.external_loads": {
        "id": "Brief tidak bisa dibuka tanpa internet karena memuat berkas dari "
        "luar: {alamat}. Sertakan isinya di dalam notebook, atau hapus.",
        "en": "The brief cannot be opened offline because it loads outside files: "
        "{alamat}. Embed their content in the notebook, or remove them.",
    },
}


def set_language(bahasa: str | None) -> None:
    """Choose the language of messages for this process (``"id"`` or ``"en"``)."""
    global _language
    if bahasa is not None and bahasa not in LANGUAGES:
        raise ValueError(text("language.unsupported", kode=bahasa))
    _language = bahasa


def language() -> str:
    """The language in force: set explicitly, else ``MINILAB_BAHASA``, else id."""
    chosen = _language or os.environ.get("MINILAB_BAHASA", "id")
    return chosen if chosen in LANGUAGES else "id"


def text(key: str, bahasa: str | None = None, **fields: object) -> str:
    """The message ``key`` in ``bahasa`` (default: :func:`language`), filled in."""
    return MESSAGES[key][bahasa or language()].format(**fields)
