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
    "targets.trend_year_past": {
        "id": "trend_year = {tahun_tren} sudah lewat dari current_year = "
        "{tahun_kini}, padahal target belum tercapai: tahun-tahunnya tidak cocok. "
        "Hitung trend_year dengan year_reached dari data yang sama.",
        "en": "trend_year = {tahun_tren} lies before current_year = {tahun_kini}, "
        "yet the target is not met: the years do not match. Compute trend_year "
        "with year_reached from the same data.",
    },
    # Agency (OPD) submissions
    "submission.file_missing": {
        "id": "Berkas {path} tidak ditemukan. Periksa nama dan foldernya.",
        "en": "The file {path} was not found. Check its name and folder.",
    },
    "submission.bad_format": {
        "id": 'Berkas {path} berformat "{akhiran}", yang tidak bisa dibaca di sini. '
        "Simpan ulang dari Excel sebagai .xlsx atau .csv.",
        "en": 'The file {path} has the format "{akhiran}", which cannot be read here. '
        "Save it again from Excel as .xlsx or .csv.",
    },
    "submission.unreadable": {
        "id": "Berkas {path} tidak bisa dibuka ({sebab}). Buka di Excel, simpan "
        "ulang sebagai .xlsx, lalu coba lagi.",
        "en": "The file {path} cannot be opened ({sebab}). Open it in Excel, save "
        "it again as .xlsx and try again.",
    },
    "submission.bad_encoding": {
        "id": "Berkas CSV {path} bukan UTF-8 maupun Windows-1252. Simpan ulang dari "
        'Excel sebagai "CSV UTF-8 (Comma delimited)".',
        "en": "The CSV file {path} is neither UTF-8 nor Windows-1252. Save it again "
        'from Excel as "CSV UTF-8 (Comma delimited)".',
    },
    "submission.unknown_sheet": {
        "id": 'Lembar "{lembar}" tidak ada di {path}. Lembar yang ada: {ada}.',
        "en": 'There is no sheet "{lembar}" in {path}. Its sheets: {ada}.',
    },
    "submission.no_table": {
        "id": "Tidak ada tabel yang terbaca di {path} ({lembar}): tidak ditemukan "
        "baris judul kolom dengan sedikitnya dua kolom. Periksa lembarnya, atau "
        "sebutkan jumlah baris judul kolom dengan header_rows=.",
        "en": "No table could be read in {path} ({lembar}): no header row with at "
        "least two columns was found. Check the sheet, or give the number of "
        "header rows with header_rows=.",
    },
    "submission.no_column": {
        "id": 'Kolom "{kolom}" tidak ada di tabel. Kolom yang ada: {ada}.',
        "en": 'The table has no column "{kolom}". Its columns: {ada}.',
    },
    "submission.not_numbers": {
        "id": 'Kolom "{kolom}": {jumlah} nilai tidak terbaca sebagai angka: {daftar}. '
        "Perbaiki sel itu di file (angka saja, mis. 1.234,5 atau 12,5), atau "
        "kosongkan bila datanya memang tidak ada.",
        "en": 'Column "{kolom}": {jumlah} values cannot be read as numbers: {daftar}. '
        "Correct those cells in the file (a number only, e.g. 1.234,5 or 12,5), "
        "or leave them empty where there is no figure.",
    },
    "submission.row_value": {
        "id": 'baris {baris} ("{nilai}")',
        "en": 'row {baris} ("{nilai}")',
    },
    "submission.region_row": {
        "id": "Baris {baris}: {pesan}",
        "en": "Row {baris}: {pesan}",
    },
    "submission.region_empty": {
        "id": "Baris {baris}: nama dan kode wilayah sama-sama kosong. Isi salah "
        "satunya, atau hapus baris itu bila memang bukan data.",
        "en": "Row {baris}: both the region name and code are empty. Fill in one of "
        "them, or delete the row if it holds no data.",
    },
    "submission.ambiguous_code": {
        "id": 'Baris {baris}: kode "{teks}" berarti {kemendagri} menurut Kemendagri, '
        "tetapi {bps} menurut BPS. Isi juga nama wilayahnya, atau sebutkan skema "
        'kodenya: scheme="kemendagri" atau scheme="bps".',
        "en": 'Row {baris}: code "{teks}" means {kemendagri} in the Kemendagri '
        "scheme but {bps} in the BPS scheme. Give the region's name as well, or "
        'name the code scheme: scheme="kemendagri" or scheme="bps".',
    },
    "submission.region_conflict": {
        "id": 'Baris {baris}: nama "{nama}" ({wilayah}) tidak cocok dengan kode '
        '"{teks}" ({arti}). Periksa mana yang benar, lalu perbaiki nama atau kodenya.',
        "en": 'Row {baris}: the name "{nama}" ({wilayah}) does not match the code '
        '"{teks}" ({arti}). Check which is right, then correct the name or the code.',
    },
    "submission.code_reading": {
        "id": "{skema}: {wilayah}",
        "en": "{skema}: {wilayah}",
    },
    "submission.many_region_problems": {
        "id": "{jumlah} baris wilayah bermasalah: {daftar}",
        "en": "{jumlah} region rows have problems: {daftar}",
    },
    "submission.uneven_columns": {
        "id": "Kolom nama dan kolom kode harus dari tabel yang sama (baris yang "
        "sama); di sini {nama} baris nama dan {kode} baris kode.",
        "en": "The name and code columns must come from the same table (the same "
        "rows); here there are {nama} name rows and {kode} code rows.",
    },
    "submission.no_regions": {
        "id": "Berikan kolom nama wilayah, kolom kode wilayah, atau keduanya.",
        "en": "Give the region name column, the region code column, or both.",
    },
    "submission.totals_dropped": {
        "id": "Baris jumlah dibuang: {baris}.",
        "en": "Totals rows dropped: {baris}.",
    },
    # Roads
    "roads.missing_columns": {
        "id": "Tabel ruas jalan tidak punya kolom {kolom}. Kolom yang ada: {ada}. "
        "Pakai dataset ruas_jalan dari katalog, atau beri nama kolom yang sama.",
        "en": "The road table has no column {kolom}. Its columns: {ada}. Use the "
        "ruas_jalan dataset of the catalog, or name the columns the same way.",
    },
    "roads.not_numeric": {
        "id": 'Kolom "{kolom}" harus angka km, tetapi baris {baris} berisi {nilai}.',
        "en": 'Column "{kolom}" must hold km as numbers, but rows {baris} hold '
        "{nilai}.",
    },
    "roads.missing_value": {
        "id": 'Kolom "{kolom}" kosong pada baris {baris}. Isi panjangnya (0 bila '
        "memang tidak ada).",
        "en": 'Column "{kolom}" is empty in rows {baris}. Fill in the length (0 if '
        "there is none).",
    },
    "roads.negative": {
        "id": 'Kolom "{kolom}" bernilai negatif pada baris {baris} ({nilai}); '
        "panjang jalan tidak boleh negatif.",
        "en": 'Column "{kolom}" is negative in rows {baris} ({nilai}); a road '
        "length cannot be negative.",
    },
    "roads.conditions_exceed": {
        "id": "Pada baris {baris}, panjang menurut kondisi (baik + sedang + rusak "
        "ringan + rusak berat) melebihi panjang_km. Periksa angka kondisinya.",
        "en": "In rows {baris}, the lengths by condition (good + fair + light + "
        "heavy damage) exceed panjang_km. Check the condition figures.",
    },
    # Years of inputs
    "years.several": {
        "id": "{argumen} memuat beberapa tahun ({tahun}) pada level indeks "
        '"tahun". Pilih satu tahun dulu, mis. data[data["tahun"] == 2024].',
        "en": '{argumen} holds several years ({tahun}) in its "tahun" index level. '
        'Pick one year first, e.g. data[data["tahun"] == 2024].',
    },
    "years.only_year": {
        "id": '{argumen} hanya berindeks "tahun"; diperlukan juga kode wilayah '
        "atau sektor di indeksnya.",
        "en": '{argumen} is indexed by "tahun" only; its index also needs the '
        "region or sector codes.",
    },
    "years.mismatch": {
        "id": "Masukan tidak untuk tahun yang sama: {daftar}. Pakai data tahun "
        "yang sama untuk semuanya.",
        "en": "The inputs are not for the same year: {daftar}. Use data of one "
        "year for all of them.",
    },
    "years.not_later": {
        "id": "Tahun akhir harus sesudah tahun awal, tetapi {awal} untuk "
        "{tahun_awal} dan {akhir} untuk {tahun_akhir}. Periksa urutan masukannya.",
        "en": "The end year must come after the start year, but {awal} is for "
        "{tahun_awal} and {akhir} for {tahun_akhir}. Check the order of the inputs.",
    },
    "years.span_mismatch": {
        "id": "years = {nilai}, tetapi data awal dan akhir berjarak {jarak} tahun "
        "({tahun_awal}–{tahun_akhir}). Samakan keduanya.",
        "en": "years = {nilai}, but the start and end data are {jarak} years apart "
        "({tahun_awal}–{tahun_akhir}). Make the two agree.",
    },
    # Command line
    "cli.error": {"id": "Galat", "en": "Error"},
    "cli.seconds": {"id": "dtk", "en": "s"},
    "cli.build_progress": {"id": "Membangun brief", "en": "Building briefs"},
    "cli.build_title": {"id": "Ringkasan pembuatan atlas", "en": "Atlas build"},
    "cli.build_columns": {"id": "Hasil|Jumlah", "en": "Outcome|Count"},
    "cli.build_built": {"id": "dibangun", "en": "built"},
    "cli.build_skipped": {
        "id": "dilewati (tidak berubah)",
        "en": "skipped (unchanged)",
    },
    "cli.build_failed": {"id": "gagal", "en": "failed"},
    "cli.build_time": {"id": "waktu", "en": "time"},
    "cli.build_index": {"id": "Indeks", "en": "Index"},
    "cli.yes": {"id": "ya", "en": "yes"},
    "cli.no": {"id": "tidak", "en": "no"},
    "cli.usage": {"id": "Cara pakai", "en": "Usage"},
    "cli.default": {"id": "bawaan", "en": "default"},
    "cli.subcommand_metavar": {
        "id": "PERINTAH [ARGUMEN]...",
        "en": "COMMAND [ARGS]...",
    },
    "cli.section_options": {"id": "Opsi", "en": "Options"},
    "cli.section_commands": {"id": "Perintah", "en": "Commands"},
    "cli.section_arguments": {"id": "Argumen", "en": "Arguments"},
    "cli.help_help": {
        "id": "Tampilkan bantuan ini lalu keluar.",
        "en": "Show this message and exit.",
    },
    "cli.version_help": {
        "id": "Tampilkan versi lalu keluar.",
        "en": "Show the version and exit.",
    },
    "cli.see_help": {
        "id": "Lihat cara pakainya: {perintah} --help",
        "en": "See how to use it: {perintah} --help",
    },
    "cli.missing_option": {
        "id": "Opsi {opsi} wajib diisi.",
        "en": "The option {opsi} is required.",
    },
    "cli.no_such_option": {
        "id": "Opsi {opsi} tidak dikenal.",
        "en": "Unknown option {opsi}.",
    },
    "cli.did_you_mean": {
        "id": "Mungkin maksudnya: {pilihan}.",
        "en": "Did you mean: {pilihan}?",
    },
    "cli.bad_value": {
        "id": "Nilai untuk {opsi} tidak sah: {sebab}",
        "en": "Invalid value for {opsi}: {sebab}",
    },
    "cli.not_an_integer": {
        "id": '"{nilai}" bukan bilangan bulat; tulis angka, mis. 2024.',
        "en": '"{nilai}" is not a whole number; write digits, e.g. 2024.',
    },
    "cli.too_small": {
        "id": "{nilai} terlalu kecil; paling sedikit {minimum}.",
        "en": "{nilai} is too small; the least allowed is {minimum}.",
    },
    "cli.not_a_choice": {
        "id": '"{nilai}" bukan pilihan yang ada; pilih salah satu: {pilihan}.',
        "en": '"{nilai}" is not one of the choices: {pilihan}.',
    },
    "cli.no_such_command": {
        "id": 'Perintah "{perintah}" tidak ada. Perintah yang ada: {tersedia}.',
        "en": 'There is no command "{perintah}". The commands are: {tersedia}.',
    },
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
        "id": "Lampiran: data dan metode",
        "en": "Appendix: data and method",
    },
    "brief.appendix_columns": {
        "id": "Dataset|Judul|Produsen data|Lisensi|Pembaruan terakhir|Baris|"
        "SHA-256 (12 digit awal)",
        "en": "Dataset|Title|Data producer|License|Last update|Rows|"
        "SHA-256 (first 12 digits)",
    },
    "brief.build_title": {
        "id": "Parameter dan pembuatan brief",
        "en": "Parameters and build",
    },
    "brief.build_columns": {"id": "Butir|Nilai", "en": "Item|Value"},
    "brief.build_rows": {
        "id": "Tema|Wilayah|Tahun|Bahasa|Versi lab_lib|Waktu pembuatan",
        "en": "Theme|Region|Year|Language|lab_lib version|Built at",
    },
    "brief.summary_plain": {
        "id": "Ringkasan brief: {angka} angka kunci, {rekomendasi} rekomendasi.",
        "en": "Brief summary: {angka} key figures, {rekomendasi} recommendations.",
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
    # Atlas
    "atlas.unknown_format": {
        "id": "Format {format} tidak dikenal. Pilih dari: {tersedia}.",
        "en": "Unknown format {format}. Choose from: {tersedia}.",
    },
    "atlas.worker_died": {
        "id": "proses pembuat brief berhenti tiba-tiba ({sebab}); jalankan lagi "
        "minilab build",
        "en": "the process building the brief stopped suddenly ({sebab}); run "
        "minilab build again",
    },
    "atlas.unexpected": {
        "id": "galat tak terduga di lab_lib: {sebab}",
        "en": "unexpected error in lab_lib: {sebab}",
    },
    "pdf.browser_missing": {
        "id": "Browser {path} (dari {env}) tidak ditemukan. Perbaiki {env}, atau "
        "hapus agar Chromium/Chrome/Edge dicari otomatis.",
        "en": "Browser {path} (from {env}) was not found. Fix {env}, or unset it "
        "so that Chromium/Chrome/Edge is looked up.",
    },
    "pdf.no_browser": {
        "id": "PDF tidak bisa dibuat: tidak ada Chromium, Chrome atau Edge yang bisa "
        "dijalankan ({sebab}). Pasang Chromium (Debian/Ubuntu: sudo apt-get install "
        "chromium) atau tunjuk browsernya dengan {env}.",
        "en": "No PDF can be made: no Chromium, Chrome or Edge could be started "
        "({sebab}). Install Chromium (Debian/Ubuntu: sudo apt-get install chromium) "
        "or point {env} at the browser.",
    },
    "pdf.failed": {
        "id": "PDF dari {path} gagal dicetak: {sebab}",
        "en": "Printing {path} to PDF failed: {sebab}",
    },
    "pdf.page": {"id": "Halaman", "en": "Page"},
    "pdf.of": {"id": "dari", "en": "of"},
    "docx.no_pandoc": {
        "id": "DOCX tidak bisa dibuat: paket pypandoc-binary belum terpasang. "
        "Jalankan: pip install pypandoc-binary",
        "en": "No DOCX can be made: the pypandoc-binary package is not installed. "
        "Run: pip install pypandoc-binary",
    },
    "docx.failed": {
        "id": "DOCX dari {path} gagal dibuat oleh pandoc: {sebab}",
        "en": "pandoc failed to make a DOCX from {path}: {sebab}",
    },
    "index.title": {"id": "Atlas brief kebijakan", "en": "Atlas of policy briefs"},
    "index.all": {"id": "semua", "en": "all"},
    "index.search": {"id": "Cari", "en": "Search"},
    "index.columns": {
        "id": "Tema|Wilayah|Tahun|Bahasa|Status|Dibuat|Lama|Berkas",
        "en": "Theme|Region|Year|Language|Status|Built|Time|Files",
    },
    "index.ok": {"id": "berhasil", "en": "built"},
    "index.failed": {"id": "gagal", "en": "failed"},
    "index.summary": {
        "id": "{jumlah} brief, {gagal} gagal pada pembuatan terakhir.",
        "en": "{jumlah} briefs, {gagal} failed in their last build.",
    },
    "index.generated": {"id": "Indeks dibuat", "en": "Index written"},
    "index.file_html": {"id": "HTML", "en": "HTML"},
    "index.file_pdf": {"id": "PDF", "en": "PDF"},
    "index.file_docx": {"id": "DOCX", "en": "DOCX"},
    "index.file_ipynb": {"id": "notebook", "en": "notebook"},
    "index.file_gagal": {"id": "notebook gagal", "en": "failed notebook"},
    "export.kind": {"id": "Brief kebijakan", "en": "Policy brief"},
    "export.cover_region": {"id": "Wilayah", "en": "Region"},
    "export.cover_year": {"id": "Tahun analisis", "en": "Year of analysis"},
    "export.cover_theme": {"id": "Tema", "en": "Theme"},
    "export.cover_date": {"id": "Tanggal", "en": "Date"},
    "export.summary_title": {"id": "Ringkasan eksekutif", "en": "Executive summary"},
    "export.summary_recommendations": {
        "id": "Rekomendasi utama",
        "en": "Main recommendations",
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
    # Disparity
    "checks.column": {
        "id": '{argumen} (kolom "{kolom}")',
        "en": '{argumen} (column "{kolom}")',
    },
    "disparity.not_one_per_region": {
        "id": "{argumen} harus berisi satu nilai per wilayah (Series, list "
        "atau array satu dimensi), bukan {tipe}.",
        "en": "{argumen} must hold one value per region (a Series, list or "
        "one-dimensional array), not {tipe}.",
    },
    "disparity.empty": {
        "id": "{argumen} kosong: tidak ada satu wilayah pun. Isi satu nilai "
        "per kabupaten/kota.",
        "en": "{argumen} is empty: it holds no region. Give one value per "
        "kabupaten/kota.",
    },
    "disparity.duplicate_labels": {
        "id": "{argumen} memuat wilayah yang sama lebih dari sekali: "
        "{baris}. Setiap wilayah harus muncul tepat satu kali.",
        "en": "{argumen} lists the same region more than once: {baris}. Each "
        "region must appear exactly once.",
    },
    "disparity.length_mismatch": {
        "id": "{argumen} berisi {jumlah} nilai, sedangkan {pembanding} "
        "berisi {jumlah_pembanding}. Berikan satu nilai per wilayah dalam "
        "urutan yang sama, atau pakai Series berindeks kode wilayah.",
        "en": "{argumen} holds {jumlah} values but {pembanding} holds "
        "{jumlah_pembanding}. Give one value per region in the same order, "
        "or use Series indexed by region code.",
    },
    "disparity.index_mismatch": {
        "id": "{argumen} dan {pembanding} tidak memuat wilayah yang sama. "
        "Hanya di {argumen}: {hanya_di_argumen}. Hanya di {pembanding}: "
        "{hanya_di_pembanding}. Samakan indeks keduanya (mis. kode wilayah).",
        "en": "{argumen} and {pembanding} do not hold the same regions. Only "
        "in {argumen}: {hanya_di_argumen}. Only in {pembanding}: "
        "{hanya_di_pembanding}. Give both the same index (e.g. region code).",
    },
    "disparity.missing": {
        "id": "{argumen} tidak punya nilai pada baris {baris}. Lengkapi "
        "nilainya, atau keluarkan wilayah itu dari semua masukan.",
        "en": "{argumen} has no value in rows {baris}. Fill them in, or "
        "leave those regions out of every input.",
    },
    "disparity.not_numeric": {
        "id": "{argumen} harus berisi angka, tetapi baris {baris} berisi "
        '{nilai}. Ubah teks menjadi angka di data sumbernya; "1.000" dalam '
        "tulisan Indonesia berarti seribu.",
        "en": "{argumen} must hold numbers, but rows {baris} hold {nilai}. "
        'Turn text into numbers in the source data; "1.000" means one '
        "thousand in Indonesian writing.",
    },
    "disparity.negative": {
        "id": "{argumen} tidak boleh negatif, tetapi baris {baris} bernilai "
        "{nilai}. Periksa data sumbernya.",
        "en": "{argumen} cannot be negative, but rows {baris} hold {nilai}. "
        "Check the source data.",
    },
    "disparity.population_not_positive": {
        "id": "Jumlah penduduk ({argumen}) harus lebih dari 0, tetapi baris "
        "{baris} bernilai {nilai}. Periksa data penduduknya.",
        "en": "Population ({argumen}) must be more than 0, but rows {baris} "
        "hold {nilai}. Check the population data.",
    },
    "disparity.zero_total": {
        "id": "Jumlah {argumen} seluruh wilayah adalah 0, sehingga indeks "
        "ketimpangan tidak terdefinisi. Periksa apakah kolomnya benar.",
        "en": "{argumen} adds up to 0 over all regions, so the inequality "
        "index is undefined. Check that the right column was used.",
    },
    "disparity.not_a_number": {
        "id": "{argumen} harus satu angka (nilai provinsi acuan), bukan {nilai}.",
        "en": "{argumen} must be one number (the reference province's "
        "value), not {nilai}.",
    },
    "disparity.reference_not_positive": {
        "id": "{argumen} harus lebih dari 0, bukan {nilai}.",
        "en": "{argumen} must be more than 0, not {nilai}.",
    },
    "disparity.growth_in_percent": {
        "id": "{argumen} tampak ditulis dalam persen ({letak}{nilai}), "
        "padahal yang diharapkan pecahan. Gunakan pecahan, mis. 0,05 untuk "
        "5%, atau tulis in_percent=True bila semua pertumbuhan dalam persen.",
        "en": "{argumen} looks like percent ({letak}{nilai}), but a fraction "
        "is expected. Use a fraction, e.g. 0.05 for 5%, or pass "
        "in_percent=True when all growth rates are in percent.",
    },
    "disparity.rows_prefix": {
        "id": "baris {baris}: ",
        "en": "rows {baris}: ",
    },
    "disparity.bad_quadrant": {
        "id": "Kuadran Klassen {kuadran} tidak ada. Pilih 1, 2, 3 atau 4.",
        "en": "Klassen quadrant {kuadran} does not exist. Choose 1, 2, 3 or 4.",
    },
    # Regional economy
    "economy.not_series": {
        "id": "{argumen} harus berupa Series berindeks lapangan usaha (mis. "
        "kode A sampai R,S,T,U), bukan {tipe}. Untuk beberapa wilayah, "
        "hitung per kolom.",
        "en": "{argumen} must be a Series indexed by sector (e.g. codes A to "
        "R,S,T,U), not {tipe}. For several regions, compute one column at a "
        "time.",
    },
    "economy.empty": {
        "id": "{argumen} kosong: tidak ada satu lapangan usaha pun.",
        "en": "{argumen} is empty: it holds no sector.",
    },
    "economy.duplicate_labels": {
        "id": "{argumen} memuat lapangan usaha yang sama lebih dari sekali: "
        "{baris}. Setiap lapangan usaha harus muncul tepat satu kali.",
        "en": "{argumen} lists the same sector more than once: {baris}. Each "
        "sector must appear exactly once.",
    },
    "economy.index_mismatch": {
        "id": "{argumen} dan {pembanding} tidak memuat lapangan usaha yang "
        "sama. Hanya di {argumen}: {hanya_di_argumen}. Hanya di "
        "{pembanding}: {hanya_di_pembanding}. Pakai daftar lapangan usaha "
        "yang sama di semua masukan.",
        "en": "{argumen} and {pembanding} do not hold the same sectors. Only "
        "in {argumen}: {hanya_di_argumen}. Only in {pembanding}: "
        "{hanya_di_pembanding}. Use the same list of sectors in every input.",
    },
    "economy.missing": {
        "id": "{argumen} tidak punya nilai pada lapangan usaha {baris}. "
        "Lengkapi nilainya (0 bila memang tidak ada kegiatan).",
        "en": "{argumen} has no value for sectors {baris}. Fill them in (0 "
        "when there is truly no activity).",
    },
    "economy.not_numeric": {
        "id": "{argumen} harus berisi angka, tetapi lapangan usaha {baris} "
        'berisi {nilai}. Ubah teks menjadi angka di data sumbernya; "1.000" '
        "dalam tulisan Indonesia berarti seribu.",
        "en": "{argumen} must hold numbers, but sectors {baris} hold "
        '{nilai}. Turn text into numbers in the source data; "1.000" means '
        "one thousand in Indonesian writing.",
    },
    "economy.negative": {
        "id": "{argumen} tidak boleh negatif, tetapi lapangan usaha {baris} "
        "bernilai {nilai}. Periksa data PDRB-nya.",
        "en": "{argumen} cannot be negative, but sectors {baris} hold "
        "{nilai}. Check the PDRB data.",
    },
    "economy.total_not_positive": {
        "id": "Jumlah {argumen} atas semua lapangan usaha adalah {nilai}; "
        "harus lebih dari 0. Periksa apakah kolom yang dipakai benar.",
        "en": "{argumen} adds up to {nilai} over all sectors; it must be "
        "more than 0. Check that the right column was used.",
    },
    "economy.zero_sector": {
        "id": "{argumen} bernilai 0 pada lapangan usaha {baris}, sehingga "
        "{ukuran} tidak terdefinisi di sana. Keluarkan lapangan usaha itu "
        "dari semua masukan.",
        "en": "{argumen} is 0 for sectors {baris}, so {ukuran} is undefined "
        "there. Leave those sectors out of every input.",
    },
    "economy.bad_years": {
        "id": "years harus jumlah tahun antara data awal dan akhir, lebih "
        "dari 0 (mis. 5 untuk 2019–2024), bukan {nilai}.",
        "en": "years must be the number of years between the start and end "
        "data, more than 0 (e.g. 5 for 2019–2024), not {nilai}.",
    },
    "economy.unknown_sector": {
        "id": 'Kode lapangan usaha "{kode}" tidak dikenal. Kode yang sah: {pilihan}.',
        "en": 'Sector code "{kode}" is unknown. Valid codes: {pilihan}.',
    },
    # Targets
    "targets.at_rows": {
        "id": " pada baris {baris}",
        "en": " in rows {baris}",
    },
    "targets.bad_direction": {
        "id": 'Arah indikator "{arah}" tidak dikenal. Pilih "naik" (makin '
        'tinggi makin baik, mis. IPM) atau "turun" (makin rendah makin baik, '
        "mis. persentase penduduk miskin).",
        "en": 'Indicator direction "{arah}" is unknown. Choose "naik" '
        '(higher is better, e.g. HDI) or "turun" (lower is better, e.g. '
        "poverty rate).",
    },
    "targets.not_a_number": {
        "id": "{argumen} harus berupa angka, bukan {nilai}.",
        "en": "{argumen} must be a number, not {nilai}.",
    },
    "targets.not_numeric": {
        "id": "{argumen} harus berisi angka, tetapi baris {baris} berisi "
        '{nilai}. Ubah teks menjadi angka di data sumbernya; "1.000" dalam '
        "tulisan Indonesia berarti seribu.",
        "en": "{argumen} must hold numbers, but rows {baris} hold {nilai}. "
        'Turn text into numbers in the source data; "1.000" means one '
        "thousand in Indonesian writing.",
    },
    "targets.missing": {
        "id": "{argumen} tidak punya nilai pada baris {baris}. Lengkapi "
        "nilainya, atau buang baris itu dulu (mis. dengan dropna()).",
        "en": "{argumen} has no value in rows {baris}. Fill them in, or drop "
        "those rows first (e.g. with dropna()).",
    },
    "targets.empty": {
        "id": "{argumen} kosong: tidak ada satu nilai pun.",
        "en": "{argumen} is empty: it holds no value.",
    },
    "targets.index_mismatch": {
        "id": "{argumen} dan {pembanding} tidak memuat baris yang sama. "
        "Hanya di {argumen}: {hanya_di_argumen}. Hanya di {pembanding}: "
        "{hanya_di_pembanding}. Samakan indeks keduanya.",
        "en": "{argumen} and {pembanding} do not hold the same rows. Only in "
        "{argumen}: {hanya_di_argumen}. Only in {pembanding}: "
        "{hanya_di_pembanding}. Give both the same index.",
    },
    "targets.length_mismatch": {
        "id": "{argumen} berisi {jumlah} nilai, sedangkan {pembanding} "
        "berisi {jumlah_pembanding}. Berikan nilai dalam urutan dan jumlah "
        "yang sama, atau pakai Series berindeks sama.",
        "en": "{argumen} holds {jumlah} values but {pembanding} holds "
        "{jumlah_pembanding}. Give the values in the same order and number, "
        "or use Series with the same index.",
    },
    "targets.cagr_start": {
        "id": "CAGR memerlukan nilai awal lebih dari 0, tetapi {argumen} "
        "bernilai {nilai}{letak}.",
        "en": "CAGR needs a start value above 0, but {argumen} is {nilai}{letak}.",
    },
    "targets.cagr_end": {
        "id": "CAGR memerlukan nilai akhir 0 atau lebih, tetapi {argumen} "
        "bernilai {nilai}{letak}.",
        "en": "CAGR needs an end value of 0 or more, but {argumen} is {nilai}{letak}.",
    },
    "targets.bad_years": {
        "id": "years harus jumlah tahun lebih dari 0 antara nilai awal dan "
        "akhir (mis. 5 untuk 2019–2024), bukan {nilai}.",
        "en": "years must be the number of years between the start and end "
        "values, more than 0 (e.g. 5 for 2019–2024), not {nilai}.",
    },
    "targets.not_series": {
        "id": "{argumen} harus berupa Series berindeks tahun (mis. "
        "df.set_index('tahun')['nilai']), bukan {tipe}.",
        "en": "{argumen} must be a Series indexed by year (e.g. "
        "df.set_index('tahun')['nilai']), not {tipe}.",
    },
    "targets.bad_year_index": {
        "id": "Indeks {argumen} harus tahun berupa bilangan bulat (mis. "
        "2024), tetapi berisi {nilai}.",
        "en": "The index of {argumen} must be whole-number years (e.g. "
        "2024), but it holds {nilai}.",
    },
    "targets.duplicate_years": {
        "id": "{argumen} memuat tahun yang sama lebih dari sekali: {baris}. "
        "Sisakan satu nilai per tahun.",
        "en": "{argumen} lists the same year more than once: {baris}. Keep "
        "one value per year.",
    },
    "targets.too_few_years": {
        "id": "Tren memerlukan paling sedikit dua tahun pengamatan, tetapi "
        "{argumen} hanya berisi {jumlah}.",
        "en": "A trend needs at least two observed years, but {argumen} "
        "holds only {jumlah}.",
    },
    "targets.bad_trend": {
        "id": 'Metode tren "{trend}" tidak dikenal. Pilih "linear" '
        '(persentase dan indeks) atau "cagr" (besaran yang tumbuh berlipat, '
        "mis. PDRB).",
        "en": 'Trend method "{trend}" is unknown. Choose "linear" '
        '(percentages and indices) or "cagr" (quantities that grow '
        "multiplicatively, e.g. GRDP).",
    },
    "targets.cagr_trend_not_positive": {
        "id": "Tren CAGR memerlukan nilai pertama dan terakhir lebih dari 0, "
        "tetapi {argumen} bernilai {nilai} pada tahun {baris}. Pakai "
        'trend="linear".',
        "en": "A CAGR trend needs first and last values above 0, but "
        '{argumen} is {nilai} in year {baris}. Use trend="linear".',
    },
    "targets.horizon_before_data": {
        "id": "horizon ({horizon}) lebih awal dari tahun data terakhir "
        "({tahun}). Pilih tahun sesudahnya, mis. 2045.",
        "en": "horizon ({horizon}) is before the last year of data "
        "({tahun}). Choose a later year, e.g. 2045.",
    },
    "targets.bad_year": {
        "id": "{argumen} harus tahun berupa bilangan bulat (mis. 2029), bukan {nilai}.",
        "en": "{argumen} must be a whole-number year (e.g. 2029), not {nilai}.",
    },
    "targets.bad_grace": {
        "id": "grace_years harus bilangan bulat 0 atau lebih, bukan {nilai}.",
        "en": "grace_years must be a whole number of 0 or more, not {nilai}.",
    },
    # Project monitoring
    "monitoring.missing_columns": {
        "id": "Tabel {tabel} tidak punya kolom {kolom}. Tambahkan kolom itu, atau "
        "muat tabelnya dengan catalog.load.",
        "en": "Table {tabel} has no column {kolom}. Add the column, or load the "
        "table with catalog.load.",
    },
    "monitoring.empty": {
        "id": "Tabel {tabel} kosong: tidak ada proyek untuk dinilai. Periksa "
        "saringan yang dipakai sebelumnya.",
        "en": "Table {tabel} is empty: there are no projects to assess. Check the "
        "filter applied before.",
    },
    "monitoring.bad_month": {
        "id": 'Bulan "{nilai}" tidak berformat YYYY-MM. Tulis, misalnya, 2024-06.',
        "en": 'Month "{nilai}" is not in the form YYYY-MM. Write, e.g., 2024-06.',
    },
    "monitoring.bad_date": {
        "id": 'Tanggal "{nilai}" tidak berformat YYYY-MM-DD. Tulis, misalnya, '
        "2024-12-31.",
        "en": 'Date "{nilai}" is not in the form YYYY-MM-DD. Write, e.g., 2024-12-31.',
    },
    "monitoring.bad_months": {
        "id": 'Kolom "bulan" di tabel {tabel} tidak berformat YYYY-MM pada baris '
        "{baris} (nilai: {nilai}). Tulis bulan seperti 2024-06.",
        "en": 'Column "bulan" of table {tabel} is not in the form YYYY-MM in rows '
        "{baris} (values: {nilai}). Write months like 2024-06.",
    },
    "monitoring.percent_out_of_range": {
        "id": 'Kolom "{kolom}" di tabel {tabel} harus berisi persen 0–100, tetapi '
        "tidak pada baris {baris} (nilai: {nilai}). Perbaiki laporan itu.",
        "en": 'Column "{kolom}" of table {tabel} must hold percentages 0–100, but '
        "does not in rows {baris} (values: {nilai}). Correct those reports.",
    },
    "monitoring.percent_not_number": {
        "id": "{nama} = {nilai} bukan angka. Tulis progres sebagai angka persen "
        "0–100, mis. 45.5.",
        "en": "{nama} = {nilai} is not a number. Give progress as a percentage "
        "0–100, e.g. 45.5.",
    },
    "monitoring.percent_value": {
        "id": "{nama} = {nilai} bukan persen 0–100.",
        "en": "{nama} = {nilai} is not a percentage 0–100.",
    },
    "monitoring.not_monotone": {
        "id": 'Kolom "{kolom}" di tabel {tabel} turun dari bulan sebelumnya pada '
        "baris {baris} (nilai: {nilai}), padahal progres kumulatif tidak boleh "
        "berkurang. Periksa laporan bulan-bulan itu.",
        "en": 'Column "{kolom}" of table {tabel} falls below an earlier month in '
        "rows {baris} (values: {nilai}), but cumulative progress cannot go down. "
        "Check the reports of those months.",
    },
    "monitoring.duplicate_months": {
        "id": "Tabel {tabel} memuat bulan yang sama lebih dari sekali untuk satu "
        "proyek pada baris {baris}. Sisakan satu laporan per proyek per bulan.",
        "en": "Table {tabel} holds the same month more than once for one project "
        "in rows {baris}. Keep one report per project per month.",
    },
    "monitoring.negative": {
        "id": 'Kolom "{kolom}" di tabel {tabel} tidak boleh negatif, tetapi '
        "negatif pada baris {baris} (nilai: {nilai}).",
        "en": 'Column "{kolom}" of table {tabel} must not be negative, but is in '
        "rows {baris} (values: {nilai}).",
    },
    "monitoring.missing_dates": {
        "id": 'Kolom "{kolom}" di tabel {tabel} kosong atau bukan tanggal pada '
        "baris {baris}. Isi tanggalnya (YYYY-MM-DD).",
        "en": 'Column "{kolom}" of table {tabel} is empty or not a date in rows '
        "{baris}. Fill in the date (YYYY-MM-DD).",
    },
    "monitoring.unknown_project": {
        "id": 'Proyek "{id_proyek}" tidak ada di kolom id_proyek tabel progres. '
        "Contoh id yang ada: {contoh}.",
        "en": 'Project "{id_proyek}" is not in column id_proyek of the progress '
        "table. Ids that exist include: {contoh}.",
    },
    "monitoring.missing_progress": {
        "id": "{jumlah} proyek tidak punya satu pun laporan di tabel progres "
        "(kolom id_proyek): {daftar}. Tambahkan laporannya, atau keluarkan "
        "proyek itu dari tabel proyek.",
        "en": "{jumlah} projects have no report at all in the progress table "
        "(column id_proyek): {daftar}. Add their reports, or drop those projects "
        "from the project table.",
    },
    "monitoring.no_reports": {
        "id": "Belum ada laporan progres pada atau sebelum {bulan}. Laporan "
        "pertama bertanggal {pertama}.",
        "en": "There is no progress report on or before {bulan}. The first "
        "report is for {pertama}.",
    },
    "monitoring.unknown_reason": {
        "id": 'Alasan kontrak kritis "{alasan}" tidak dikenal. Yang ada: {pilihan}.',
        "en": 'Unknown kontrak kritis reason "{alasan}". Known reasons: {pilihan}.',
    },
    "monitoring.reason.terlambat_tahap_awal": {
        "id": "realisasi tertinggal lebih dari {selisih} poin dari rencana, saat "
        "rencana 0–{batas}%",
        "en": "progress more than {selisih} points behind plan while the plan is "
        "at 0–{batas}%",
    },
    "monitoring.reason.terlambat_tahap_akhir": {
        "id": "realisasi tertinggal lebih dari {selisih} poin dari rencana, saat "
        "rencana di atas {batas}%",
        "en": "progress more than {selisih} points behind plan while the plan is "
        "above {batas}%",
    },
    "monitoring.reason.melewati_tahun_anggaran": {
        "id": "realisasi tertinggal hingga {selisih} poin saat rencana di atas "
        "{batas}%, dan pekerjaan akan melewati tahun anggaran",
        "en": "progress up to {selisih} points behind while the plan is above "
        "{batas}%, and the work will run past the fiscal year",
    },
    # Service centres
    "services.empty": {
        "id": "Tabel {tabel} kosong: tidak ada {isi} untuk dihitung.",
        "en": "Table {tabel} is empty: there are no {isi} to count.",
    },
    "services.missing_columns": {
        "id": "Tabel {tabel} tidak punya kolom {kolom}. Tambahkan kolom itu, atau "
        "muat tabelnya dengan catalog.load.",
        "en": "Table {tabel} has no column {kolom}. Add the column, or load the "
        "table with catalog.load.",
    },
    "services.bad_counts": {
        "id": 'Kolom "{kolom}" di tabel jumlah fasilitas harus berisi bilangan '
        "bulat 0 atau lebih, tetapi tidak pada baris {baris} (nilai: {nilai}).",
        "en": 'Column "{kolom}" of the facility counts must hold whole numbers 0 '
        "or more, but does not in rows {baris} (values: {nilai}).",
    },
    "services.unknown_kecamatan": {
        "id": 'Kolom "kode_kecamatan" di tabel fasilitas berisi kode yang tidak ada '
        "di tabel kecamatan pada baris {baris} (nilai: {nilai}). Perbaiki kodenya "
        "(kode Kemendagri bertitik, mis. 82.01.01).",
        "en": 'Column "kode_kecamatan" of the facility table holds codes that are '
        "not in the kecamatan table in rows {baris} (values: {nilai}). Correct "
        "the codes (dotted Kemendagri codes, e.g. 82.01.01).",
    },
    "services.bad_orders": {
        "id": 'Jumlah orde "{orde}" tidak sah. Tulis bilangan bulat 1 atau lebih, '
        'atau "sturges".',
        "en": 'Number of orders "{orde}" is not valid. Give a whole number 1 or '
        'more, or "sturges".',
    },
    "services.bad_error_rule": {
        "id": 'Cara menghitung kesalahan "{aturan}" tidak dikenal. Pilih "sel" atau '
        '"celah".',
        "en": 'Unknown error rule "{aturan}". Choose "sel" or "celah".',
    },
    "services.order_label": {"id": "Orde {angka}", "en": "Order {angka}"},
    # Accessibility
    "access.empty": {
        "id": "Tabel {peran} kosong: tidak ada titik untuk diukur jaraknya.",
        "en": "The {peran} table is empty: there are no points to measure from.",
    },
    "access.no_coordinates": {
        "id": "Tabel {peran} tidak punya koordinat: perlu kolom lon dan lat "
        "(derajat, WGS 84) atau kolom geometry berisi titik.",
        "en": "The {peran} table has no coordinates: it needs columns lon and lat "
        "(degrees, WGS 84) or a geometry column of points.",
    },
    "access.missing_coordinates": {
        "id": "Tabel {peran} tidak punya koordinat pada baris {baris}. Isi kolom "
        "{kolom} baris itu, atau keluarkan barisnya.",
        "en": "The {peran} table has no coordinates in rows {baris}. Fill in "
        "column {kolom} of those rows, or drop them.",
    },
    "access.not_points": {
        "id": "Geometri tabel {peran} harus berupa titik, tetapi bukan titik pada "
        "baris {baris}. Beri kolom lon/lat (mis. titik pusat), atau ubah "
        "geometrinya menjadi titik.",
        "en": "The geometry of the {peran} table must be points, but is not in "
        "rows {baris}. Add lon/lat columns (e.g. a centroid), or turn the "
        "geometry into points.",
    },
    "access.no_crs": {
        "id": "Geometri tabel {peran} tidak punya CRS. Tetapkan dengan "
        'set_crs("EPSG:4326") bila koordinatnya derajat.',
        "en": "The geometry of the {peran} table has no CRS. Set it with "
        'set_crs("EPSG:4326") if the coordinates are degrees.',
    },
    "access.bad_crs": {
        "id": 'CRS "{crs}" tidak bisa dipakai untuk mengukur jarak: {sebab}. Pakai '
        "CRS terproyeksi bersatuan meter, mis. EPSG:32652 (UTM 52N).",
        "en": 'CRS "{crs}" cannot be used to measure distance: {sebab}. Use a '
        "projected CRS in metres, e.g. EPSG:32652 (UTM 52N).",
    },
    "access.crs_not_metres": {
        "id": "bukan CRS terproyeksi bersatuan meter",
        "en": "it is not a projected CRS in metres",
    },
    "access.missing_columns": {
        "id": "Tabel {peran} tidak punya kolom {kolom}. Tambahkan kolom itu, atau "
        "sebutkan kolom lain.",
        "en": "The {peran} table has no column {kolom}. Add the column, or name "
        "another one.",
    },
    "access.no_kind": {
        "id": 'Tidak ada fasilitas berjenis "{jenis}" (kolom jenis). Jenis yang '
        "ada: {tersedia}.",
        "en": 'There is no facility of type "{jenis}" (column jenis). Types '
        "present: {tersedia}.",
    },
    "access.origin": {"id": "asal", "en": "origin"},
    "access.destination": {"id": "tujuan", "en": "destination"},
    # Charts
    "charts.missing_columns": {
        "id": "Tabel untuk grafik tidak punya kolom {kolom}. Buat tabelnya dengan "
        "{fungsi}.",
        "en": "The table for the chart has no column {kolom}. Make the table with "
        "{fungsi}.",
    },
    "charts.empty": {
        "id": "Tidak ada data untuk digambar pada grafik {grafik}.",
        "en": "There are no data to draw in the {grafik} chart.",
    },
    "charts.bad_months": {
        "id": 'Kolom "bulan" harus berformat YYYY-MM (mis. 2024-06), tetapi berisi: '
        "{nilai}.",
        "en": 'Column "bulan" must be in the form YYYY-MM (e.g. 2024-06), but holds: '
        "{nilai}.",
    },
    "charts.unknown_month": {
        "id": 'Bulan laporan "{bulan}" tidak ada di tabel, atau realisasinya '
        "kosong. Bulan yang ada: {tersedia}.",
        "en": 'Reporting month "{bulan}" is not in the table, or has no actual '
        "progress. Months there: {tersedia}.",
    },
    "charts.length_mismatch": {
        "id": "Jumlah nilai tidak sama: pertumbuhan {pertumbuhan}, per kapita "
        "{per_kapita}, label {label}. Beri satu nilai per wilayah untuk "
        "ketiganya.",
        "en": "The numbers of values differ: growth {pertumbuhan}, per capita "
        "{per_kapita}, labels {label}. Give one value per region for all three.",
    },
    "charts.missing_values": {
        "id": "Nilai {besaran} kosong atau bukan angka untuk wilayah: {wilayah}.",
        "en": "The {besaran} value is empty or not a number for regions: {wilayah}.",
    },
    "charts.log_non_positive": {
        "id": "Skala logaritmik memerlukan PDRB per kapita di atas 0, tetapi tidak "
        "untuk: {wilayah}. Perbaiki nilainya, atau pakai log_per_capita=False.",
        "en": "A log scale needs GRDP per capita above 0, but it is not for: "
        "{wilayah}. Correct the values, or use log_per_capita=False.",
    },
    "charts.bad_quadrants": {
        "id": "Nama kuadran harus diberikan untuk kunci 1, 2, 3 dan/atau 4; "
        "diberikan: {kunci}.",
        "en": "Quadrant names must be given for keys 1, 2, 3 and/or 4; given: {kunci}.",
    },
    "charts.growth": {"id": "pertumbuhan", "en": "growth"},
    "charts.per_capita": {"id": "per kapita", "en": "per capita"},
    "charts.months": {
        "id": "Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des",
        "en": "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec",
    },
    "charts.s_curve.name": {"id": "kurva S", "en": "S-curve"},
    "charts.s_curve.planned": {"id": "Rencana kumulatif", "en": "Planned, cumulative"},
    "charts.s_curve.actual": {"id": "Realisasi kumulatif", "en": "Actual, cumulative"},
    "charts.s_curve.behind": {"id": "Terlambat dari rencana", "en": "Behind plan"},
    "charts.s_curve.ahead": {"id": "Lebih cepat dari rencana", "en": "Ahead of plan"},
    "charts.s_curve.report": {
        "id": "Bulan laporan ({bulan})",
        "en": "Reporting month ({bulan})",
    },
    "charts.s_curve.deviation": {
        "id": "Deviasi {nilai} poin",
        "en": "Deviation {nilai} points",
    },
    "charts.s_curve.ylabel": {
        "id": "Progres fisik kumulatif (%)",
        "en": "Cumulative physical progress (%)",
    },
    "charts.klassen.name": {"id": "tipologi Klassen", "en": "Klassen typology"},
    "charts.klassen.1": {
        "id": "I. Cepat maju dan cepat tumbuh",
        "en": "I. High growth, high income",
    },
    "charts.klassen.2": {
        "id": "II. Maju tapi tertekan",
        "en": "II. High income, low growth",
    },
    "charts.klassen.3": {
        "id": "III. Berkembang cepat",
        "en": "III. High growth, low income",
    },
    "charts.klassen.4": {
        "id": "IV. Relatif tertinggal",
        "en": "IV. Relatively lagging",
    },
    "charts.klassen.xlabel": {
        "id": "Laju pertumbuhan PDRB (%)",
        "en": "GRDP growth rate (%)",
    },
    "charts.klassen.ylabel": {"id": "PDRB per kapita", "en": "GRDP per capita"},
    "charts.klassen.reference": {
        "id": "Nilai acuan (provinsi): pertumbuhan {pertumbuhan}%, per kapita "
        "{per_kapita}",
        "en": "Reference (province): growth {pertumbuhan}%, per capita {per_kapita}",
    },
    # Database
    "db.not_configured": {
        "id": "Basis data belum diatur. Isi variabel lingkungan {env} dengan alamat "
        "PostgreSQL, mis. postgresql://pengguna@127.0.0.1:5432/marimoi (kata sandi "
        "lewat PGPASSWORD atau ~/.pgpass).",
        "en": "No database is configured. Set the environment variable {env} to a "
        "PostgreSQL address, e.g. postgresql://user@127.0.0.1:5432/marimoi (the "
        "password through PGPASSWORD or ~/.pgpass).",
    },
    "db.unreachable": {
        "id": "Basis data {alamat} tidak dapat dihubungi: {sebab}. Periksa bahwa "
        "server berjalan dan alamat, pengguna serta kata sandinya benar.",
        "en": "Cannot reach the database {alamat}: {sebab}. Check that the server "
        "is running and that the address, user and password are right.",
    },
    "db.failed": {
        "id": "Basis data {alamat} menolak perintah: {sebab}. Tidak ada yang "
        "berubah. Periksa hak akses pengguna dan isi basis datanya (minilab db "
        "status).",
        "en": "The database {alamat} refused a statement: {sebab}. Nothing "
        "changed. Check the user's privileges and the database's content "
        "(minilab db status).",
    },
    "db.no_table": {
        "id": "Tabel {dataset} belum ada di basis data {alamat}. Muat data dulu "
        "dengan: minilab db load",
        "en": "Table {dataset} does not exist in the database {alamat}. Load the "
        "data first with: minilab db load",
    },
    "db.no_archive": {
        "id": "Arsip kiriman nomor {id} tidak ada di basis data.",
        "en": "There is no archived submission number {id} in the database.",
    },
    "db.loaded": {
        "id": "{jumlah} dataset dimuat ke {alamat}:",
        "en": "{jumlah} datasets loaded into {alamat}:",
    },
    "db.already_loaded": {
        "id": "Basis data {alamat} sudah berisi tabel MARIMOI ({tabel}). Untuk "
        "menggantinya dengan data sampel, beserta catatan kiriman yang sudah "
        "diterima, jalankan: minilab db load --replace",
        "en": "The database {alamat} already holds MARIMOI tables ({tabel}). To "
        "replace them with the sample data, together with the records of "
        "accepted submissions, run: minilab db load --replace",
    },
    "db.status_title": {
        "id": "Basis data {alamat}",
        "en": "Database {alamat}",
    },
    "db.status_columns": {
        "id": "Dataset|Baris",
        "en": "Dataset|Rows",
    },
    "db.status_submissions": {
        "id": "{jumlah} kiriman diterima.",
        "en": "{jumlah} submissions accepted.",
    },
    "cli.check_report": {
        "id": "Laporan ditulis ke {path}.",
        "en": "Report written to {path}.",
    },
    "cli.submissions_title": {
        "id": "Kiriman yang diterima ({tempat})",
        "en": "Accepted submissions ({tempat})",
    },
    "cli.submissions_columns": {
        "id": "Waktu|Dataset|Berkas|OPD|Baru|Sama|Diganti",
        "en": "Time|Dataset|File|Agency|New|Same|Replaced",
    },
    "cli.submissions_none": {
        "id": "Belum ada kiriman yang diterima di {tempat}.",
        "en": "No submissions accepted in {tempat} yet.",
    },
    # Results (hasil_analisis)
    "brief.unknown_classification_evidence": {
        "id": 'Klasifikasi "{subjek}: {kelas}" merujuk ke bukti yang tidak ada di '
        "brief ini: {bukti}. Tampilkan dulu gambar atau tabelnya dengan "
        "brief.figure/table.",
        "en": 'Classification "{subjek}: {kelas}" cites evidence that is not in this '
        "brief: {bukti}. Show the figure or table first with brief.figure/table.",
    },
    "results.in_database": {
        "id": "tabel {tabel} di basis data {alamat}",
        "en": "the table {tabel} in the database {alamat}",
    },
    "results.in_file": {"id": "berkas {path}", "en": "the file {path}"},
    "results.not_written": {
        "id": "Hasil analisis brief {tema} {wilayah} {tahun} tidak tersimpan ke "
        "{tujuan}: {sebab}. Baris hasil sebelumnya tetap utuh. Perbaiki "
        "penyebabnya, lalu bangun ulang brief ini.",
        "en": "The results of the brief {tema} {wilayah} {tahun} were not saved to "
        "{tujuan}: {sebab}. The earlier result rows are unchanged. Fix the cause, "
        "then build this brief again.",
    },
    "results.not_ready": {
        "id": "Hasil analisis tidak dapat disimpan ke {tujuan}: {sebab}. Tidak ada "
        "brief yang dibangun. Bila berkas itu rusak, pindahkan ke folder lain; "
        "pembangunan berikutnya membuat berkas baru.",
        "en": "Results cannot be saved to {tujuan}: {sebab}. No brief was built. "
        "If the file is damaged, move it to another folder; the next build makes "
        "a new one.",
    },
    "results.db_not_ready": {
        "id": "Hasil analisis tidak dapat disimpan ke {tujuan}: {sebab}. Tidak ada "
        "brief yang dibangun. Perbaiki penyebabnya, atau kosongkan {env} untuk "
        "menyimpan hasil di berkas hasil_analisis.gpkg di folder brief.",
        "en": "Results cannot be saved to {tujuan}: {sebab}. No brief was built. "
        "Fix the cause, or unset {env} to keep the results in the file "
        "hasil_analisis.gpkg in the briefs folder.",
    },
    "results.not_read": {
        "id": "Hasil analisis di {sumber} tidak dapat dibaca: {sebab}. Periksa "
        "bahwa berkas atau tabel itu dibuat oleh minilab dan tidak rusak.",
        "en": "Cannot read the results in {sumber}: {sebab}. Check that the file "
        "or table was made by minilab and is not damaged.",
    },
    "results.written": {
        "id": "Hasil analisis ({baris} baris) tersimpan di {tujuan}.",
        "en": "Results ({baris} rows) saved to {tujuan}.",
    },
    # Submissions: check and accept
    "accept.no_opd": {
        "id": 'Sebutkan OPD pengirim dengan --opd, mis. --opd "Dinas PUPR Provinsi '
        'Maluku Utara".',
        "en": 'Name the submitting agency with --opd, e.g. --opd "Dinas PUPR '
        'Provinsi Maluku Utara".',
    },
    "accept.source": {
        "id": "Kiriman {opd} ({berkas})",
        "en": "Submission by {opd} ({berkas})",
    },
    "accept.already": {
        "id": "Berkas {berkas} sudah diterima ke {dataset} pada {waktu}; tidak ada "
        "yang ditambahkan.",
        "en": "File {berkas} was already accepted into {dataset} at {waktu}; nothing "
        "was added.",
    },
    "accept.done": {
        "id": "{berkas} diterima ke {dataset}: {baru} baris baru, {sama} baris sama "
        "dengan yang tersimpan, {diganti} baris diganti. Tersimpan di {tempat}.",
        "en": "{berkas} accepted into {dataset}: {baru} new rows, {sama} rows the "
        "same as stored, {diganti} rows replaced. Stored in {tempat}.",
    },
    "accept.conflicts": {
        "id": "Kiriman {berkas} tidak diterima: {jumlah} baris berbeda dengan data "
        "yang sudah tersimpan. Tidak ada yang ditulis.\n{daftar}\nPeriksa dengan "
        "OPD mana yang benar. Untuk mengganti data tersimpan, ulangi dengan "
        "--replace (nilai lama dicatat).",
        "en": "Submission {berkas} was not accepted: {jumlah} rows differ from the "
        "stored data. Nothing was written.\n{daftar}\nCheck with the agency which "
        "is right. To replace the stored data, repeat with --replace (the old "
        "values are recorded).",
    },
    "accept.conflict_line": {
        "id": "  baris {baris} ({kunci}): {beda}",
        "en": "  row {baris} ({kunci}): {beda}",
    },
    "accept.conflict_value": {
        "id": "{kolom} tersimpan {lama}, kiriman {baru}",
        "en": "{kolom} stored {lama}, submitted {baru}",
    },
    "accept.write_failed": {
        "id": "Kiriman {berkas} tidak diterima: penyimpanan {tempat} menolak "
        "penulisan ({sebab}). Tidak ada yang berubah; perbaiki penyimpanannya lalu "
        "ulangi.",
        "en": "Submission {berkas} was not accepted: the store {tempat} refused the "
        "write ({sebab}). Nothing changed; fix the store and try again.",
    },
    "accept.duplicate_in_db": {
        "id": "Kiriman {berkas} tidak diterima ke {dataset}: basis data sudah "
        "berisi baris dengan kunci yang sama ({sebab}). Tidak ada yang ditulis; "
        "periksa dengan minilab check lalu ulangi minilab accept.",
        "en": "Submission {berkas} was not accepted into {dataset}: the database "
        "already holds rows with the same key ({sebab}). Nothing was written; "
        "check with minilab check, then run minilab accept again.",
    },
    "review.no_year_field": {
        "id": "Dataset {dataset} tidak mempunyai kolom tahun, jadi --tahun tidak "
        "berlaku. --tahun hanya untuk: {dataset_tahun}.",
        "en": "Dataset {dataset} has no year column, so --tahun does not apply. "
        "--tahun is only for: {dataset_tahun}.",
    },
    "review.not_submittable": {
        "id": 'Dataset "{dataset}" tidak menerima kiriman tabel. Dataset yang bisa '
        "dikirim: {tersedia}.",
        "en": 'Dataset "{dataset}" does not take table submissions. Datasets that '
        "do: {tersedia}.",
    },
    "review.summary_ok": {
        "id": "Tidak ada masalah: {baris} baris siap diterima ke {dataset}.",
        "en": "No problems: {baris} rows ready to be accepted into {dataset}.",
    },
    "review.summary_problems": {
        "id": "{berkas}: {jumlah} masalah harus diperbaiki sebelum kiriman bisa "
        "diterima ke {dataset}.",
        "en": "{berkas}: {jumlah} problems must be fixed before the submission can "
        "be accepted into {dataset}.",
    },
    "review.note_encoding": {
        "id": "Berkas dibaca dengan pengodean {encoding} (bukan UTF-8).",
        "en": "The file was read in the {encoding} encoding (not UTF-8).",
    },
    "review.note_header": {
        "id": "Judul kolom dibaca dari baris {baris}.",
        "en": "Column headers were read from row {baris}.",
    },
    "review.note_hidden_rows": {
        "id": "Baris {baris} disembunyikan di Excel, tetapi tetap dibaca dan "
        "diperiksa; hapus barisnya bila tidak dimaksudkan untuk dikirim.",
        "en": "Rows {baris} are hidden in Excel but are read and checked like the "
        "others; delete them if they were not meant to be sent.",
    },
    "review.note_columns": {
        "id": "Kolom yang terbaca: {kolom}.",
        "en": "Columns read: {kolom}.",
    },
    "review.note_ignored": {
        "id": "Kolom yang tidak dipakai: {kolom}.",
        "en": "Columns not used: {kolom}.",
    },
    "review.note_wide": {
        "id": "Satu kolom per indikator: {kolom}.",
        "en": "One column per indicator: {kolom}.",
    },
    "review.note_totals": {
        "id": "Baris jumlah/total dilewati: {baris}.",
        "en": "Totals rows skipped: {baris}.",
    },
    "review.columns": {
        "id": "Baris|Kolom|Nilai|Masalah|Cara memperbaiki",
        "en": "Row|Column|Value|Problem|How to fix",
    },
    "review.report_title": {
        "id": "Hasil pemeriksaan kiriman {berkas}",
        "en": "Check of submission {berkas}",
    },
    "review.sheet_title": {"id": "Pemeriksaan", "en": "Check"},
    "review.bad_report": {
        "id": 'Laporan "{path}" harus berakhiran .html atau .xlsx, bukan "{akhiran}".',
        "en": 'Report "{path}" must end in .html or .xlsx, not "{akhiran}".',
    },
    "review.line": {
        "id": "baris {baris}, kolom {kolom}, nilai {nilai!r}: {masalah}",
        "en": "row {baris}, column {kolom}, value {nilai!r}: {masalah}",
    },
    "review.more": {
        "id": "… dan {jumlah} masalah lain (lihat: minilab check).",
        "en": "… and {jumlah} more problems (see: minilab check).",
    },
    "review.refused": {
        "id": "Kiriman {berkas} tidak diterima ke {dataset}: {jumlah} masalah. "
        "Tidak ada yang ditulis.\n{rincian}\nJalankan minilab check untuk daftar "
        "lengkap dan cara memperbaikinya.",
        "en": "Submission {berkas} was not accepted into {dataset}: {jumlah} "
        "problems. Nothing was written.\n{rincian}\nRun minilab check for the full "
        "list and how to fix each.",
    },
    # One pair per kind of problem: what is wrong, and how to fix it.
    "review.file_missing": {
        "id": "Berkas {berkas} tidak ada.",
        "en": "File {berkas} does not exist.",
    },
    "review.fix.file_missing": {
        "id": "Periksa nama dan folder berkasnya.",
        "en": "Check the file's name and folder.",
    },
    "review.empty_file": {
        "id": "Berkas {berkas} kosong (0 bita).",
        "en": "File {berkas} is empty (0 bytes).",
    },
    "review.fix.empty_file": {
        "id": "Simpan ulang tabelnya dari Excel, lalu kirim berkas yang berisi data.",
        "en": "Save the table again from Excel and send the file with the data.",
    },
    "review.encrypted": {
        "id": "Berkas {berkas} dilindungi kata sandi atau berformat Excel lama "
        "(.xls), sehingga tidak bisa dibaca.",
        "en": "File {berkas} is password-protected or in the old Excel format "
        "(.xls), so it cannot be read.",
    },
    "review.fix.encrypted": {
        "id": "Buka di Excel, hapus kata sandinya (File > Info > Lindungi Buku "
        "Kerja), lalu simpan sebagai Buku Kerja Excel (.xlsx).",
        "en": "Open it in Excel, remove the password (File > Info > Protect "
        "Workbook), then save it as an Excel Workbook (.xlsx).",
    },
    "review.unknown_sheet": {"id": "{sebab}", "en": "{sebab}"},
    "review.fix.unknown_sheet": {
        "id": "Pilih salah satu lembar yang ada dengan --lembar, atau ganti nama "
        "lembarnya di Excel.",
        "en": "Choose one of the sheets there are with --lembar, or rename the "
        "sheet in Excel.",
    },
    "review.bad_format": {"id": "{sebab}", "en": "{sebab}"},
    "review.fix.bad_format": {
        "id": "Simpan sebagai Buku Kerja Excel (.xlsx) atau CSV (.csv).",
        "en": "Save it as an Excel Workbook (.xlsx) or CSV (.csv).",
    },
    "review.no_table": {"id": "{sebab}", "en": "{sebab}"},
    "review.fix.no_table": {
        "id": "Pastikan ada satu baris judul kolom dan baris data berisi angka di "
        "bawahnya, pada lembar yang benar.",
        "en": "Make sure there is a header row with data rows holding figures "
        "below it, on the right sheet.",
    },
    "review.bad_encoding": {"id": "{sebab}", "en": "{sebab}"},
    "review.fix.bad_encoding": {
        "id": "Di Excel pilih Simpan Sebagai > CSV UTF-8 (Dibatasi koma).",
        "en": "In Excel choose Save As > CSV UTF-8 (Comma delimited).",
    },
    "review.unreadable": {"id": "{sebab}", "en": "{sebab}"},
    "review.fix.unreadable": {
        "id": "Berkas rusak atau bukan buku kerja Excel. Buka di Excel dan simpan "
        "ulang sebagai .xlsx, atau kirim ulang berkas aslinya.",
        "en": "The file is damaged or not an Excel workbook. Open it in Excel and "
        "save it again as .xlsx, or send the original file again.",
    },
    "review.no_rows": {
        "id": "Tabel di {berkas} tidak berisi baris data (selain judul dan jumlah).",
        "en": "The table in {berkas} holds no data rows (besides headers and totals).",
    },
    "review.fix.no_rows": {
        "id": "Isi baris data di bawah judul kolom.",
        "en": "Fill in data rows below the column headers.",
    },
    "review.missing_region": {
        "id": "Tidak ada kolom nama atau kode wilayah (kabupaten/kota).",
        "en": "There is no region (kabupaten/kota) name or code column.",
    },
    "review.fix.missing_region": {
        "id": 'Tambahkan kolom "Kabupaten/Kota" berisi nama wilayah, atau "Kode" '
        "berisi kode Kemendagri (mis. 82.01).",
        "en": 'Add a column "Kabupaten/Kota" with region names, or "Kode" with '
        "Kemendagri codes (e.g. 82.01).",
    },
    "review.missing_column": {
        "id": "Kolom wajib {nama} tidak ada.",
        "en": "Required column {nama} is missing.",
    },
    "review.missing_year": {
        "id": "Kolom tahun tidak ada.",
        "en": "There is no year column.",
    },
    "review.fix.missing_year": {
        "id": 'Tambahkan kolom "Tahun", atau sebutkan tahun semua baris dengan '
        "--tahun (mis. --tahun 2024).",
        "en": 'Add a "Tahun" column, or give the year of every row with --tahun '
        "(e.g. --tahun 2024).",
    },
    "review.fix.missing_column": {
        "id": 'Tambahkan kolom berjudul "{nama}" (judul lain yang dikenal: '
        "{nama_lain}).",
        "en": 'Add a column headed "{nama}" (other headers understood: {nama_lain}).',
    },
    "review.wrong_unit": {
        "id": 'Kolom "{kolom}" memakai satuan {satuan}, padahal {kolom_data} '
        "dicatat dalam {harus}.",
        "en": 'Column "{kolom}" is in {satuan}, but {kolom_data} is recorded in '
        "{harus}.",
    },
    "review.fix.wrong_unit": {
        "id": "Ubah nilainya ke {harus} dan tulis satuannya di judul kolom, mis. "
        '"Panjang ({harus})".',
        "en": "Convert the values to {harus} and write the unit in the header, "
        'e.g. "Panjang ({harus})".',
    },
    "review.unit_mismatch": {
        "id": "Satuan {indikator} di MARIMOI adalah {satuan}, bukan ini.",
        "en": "MARIMOI records {indikator} in {satuan}, not this unit.",
    },
    "review.fix.unit_mismatch": {
        "id": "Ubah nilainya ke {satuan} dan tulis satuan itu, atau kosongkan "
        "kolom satuan.",
        "en": "Convert the value to {satuan} and write that unit, or leave the "
        "unit column empty.",
    },
    "review.uncalculated": {
        "id": "Sel berisi rumus yang belum pernah dihitung, jadi nilainya tidak "
        "tersimpan di berkas.",
        "en": "The cell holds a formula that was never calculated, so the file "
        "holds no value for it.",
    },
    "review.fix.uncalculated": {
        "id": "Buka berkas di Excel, tunggu semua rumus terhitung, lalu simpan "
        "ulang; atau ganti rumusnya dengan nilainya (Tempel Khusus > Nilai).",
        "en": "Open the file in Excel, let every formula calculate, then save it "
        "again; or replace the formula by its value (Paste Special > Values).",
    },
    "review.region": {"id": "{pesan}", "en": "{pesan}"},
    "review.fix.region": {
        "id": "Tulis nama resmi wilayah (mis. Halmahera Barat) atau kode "
        "Kemendagri bertitik (82.01); kode BPS tanpa titik boleh bila judul "
        'kolomnya "Kode BPS".',
        "en": "Write the region's official name (e.g. Halmahera Barat) or its "
        "dotted Kemendagri code (82.01); undotted BPS codes are fine under a "
        '"Kode BPS" header.',
    },
    "review.region_level": {
        "id": "Ini kecamatan, padahal kolom ini berisi kabupaten/kota.",
        "en": "This is a kecamatan, but this column holds kabupaten/kota.",
    },
    "review.fix.region_level": {
        "id": "Tulis kabupaten/kota tempat kecamatan itu berada.",
        "en": "Write the kabupaten/kota the kecamatan lies in.",
    },
    "review.empty": {
        "id": "Sel kosong, padahal wajib diisi.",
        "en": "The cell is empty but must be filled in.",
    },
    "review.fix.empty": {
        "id": "Isi nilainya, atau hapus baris itu bila bukan data.",
        "en": "Fill in the value, or delete the row if it is not data.",
    },
    "review.not_number": {
        "id": "Bukan angka.",
        "en": "Not a number.",
    },
    "review.fix.not_number": {
        "id": "Tulis angka saja, mis. 1.234,5 (koma desimal, titik ribuan); "
        'keterangan pindahkan ke kolom lain; "-" untuk data tidak ada.',
        "en": "Write only the number, e.g. 1.234,5 (decimal comma, thousands dot); "
        'move remarks to another column; "-" for no data.',
    },
    "review.negative": {
        "id": "Tidak boleh negatif.",
        "en": "Must not be negative.",
    },
    "review.fix.negative": {
        "id": "Periksa tanda minus; panjang, luas dan nilai rupiah selalu 0 atau "
        "lebih.",
        "en": "Check the minus sign; lengths, areas and rupiah values are always 0 "
        "or more.",
    },
    "review.percent": {
        "id": "Persentase harus antara 0 dan 100.",
        "en": "A percentage must lie between 0 and 100.",
    },
    "review.fix.percent": {
        "id": "Tulis persen sebagai 0–100 (mis. 87,5), bukan pecahan dan bukan "
        "angka absolut.",
        "en": "Write percent as 0–100 (e.g. 87.5), not a fraction nor an absolute "
        "count.",
    },
    "review.bad_year": {
        "id": "Bukan tahun yang sah (2000–2100).",
        "en": "Not a valid year (2000–2100).",
    },
    "review.fix.bad_year": {
        "id": "Tulis tahun empat angka, mis. 2024.",
        "en": "Write the year in four digits, e.g. 2024.",
    },
    "review.year_typed_as_date": {
        "id": "Sel ini berformat tanggal: angka {ketik} yang diketik disimpan Excel "
        "sebagai tanggal {tanggal}.",
        "en": "The cell is formatted as a date: Excel stored the {ketik} that was "
        "typed as the date {tanggal}.",
    },
    "review.fix.year_typed_as_date": {
        "id": "Ubah format sel menjadi Number (Angka) atau General (Umum), lalu "
        "periksa tahunnya ({ketik}).",
        "en": "Change the cell format to Number or General, then check the year "
        "({ketik}).",
    },
    "review.year_is_date": {
        "id": "Tanggal ({tanggal}), bukan tahun.",
        "en": "A date ({tanggal}), not a year.",
    },
    "review.fix.year_is_date": {
        "id": "Tulis tahunnya saja sebagai angka, mis. {tahun}.",
        "en": "Write the year alone, as a number, e.g. {tahun}.",
    },
    "review.future_year": {
        "id": "Tahun di masa depan (sekarang {tahun}); data realisasi belum ada.",
        "en": "A year in the future (it is {tahun}); no actual data exist yet.",
    },
    "review.fix.future_year": {
        "id": "Periksa tahunnya; target masa depan dikirim ke dataset target_rpjmd.",
        "en": "Check the year; future targets go to the target_rpjmd dataset.",
    },
    "review.bad_month": {
        "id": "Bukan bulan yang sah.",
        "en": "Not a valid month.",
    },
    "review.fix.bad_month": {
        "id": "Tulis bulan sebagai TTTT-BB, mis. 2024-03.",
        "en": "Write the month as YYYY-MM, e.g. 2024-03.",
    },
    "review.future_month": {
        "id": "Bulan di masa depan (sekarang {bulan}).",
        "en": "A month in the future (it is {bulan}).",
    },
    "review.fix.future_month": {
        "id": "Laporkan progres sampai bulan berjalan saja.",
        "en": "Report progress up to the current month only.",
    },
    "review.choice": {
        "id": "Bukan salah satu nilai yang sah.",
        "en": "Not one of the allowed values.",
    },
    "review.fix.choice": {
        "id": "Pakai salah satu: {pilihan}.",
        "en": "Use one of: {pilihan}.",
    },
    "review.formula": {
        "id": "Teks ini diawali tanda yang membuat Excel menjalankannya sebagai "
        "rumus (mis. =HYPERLINK membuka tautan). Isi seperti ini tidak diterima.",
        "en": "This text starts with a sign that makes Excel run it as a formula "
        "(e.g. =HYPERLINK opens a link). Such content is not accepted.",
    },
    "review.fix.formula": {
        "id": "Hapus tanda =, +, - atau @ di awal dan tulis teks biasa; tautan "
        "kirim terpisah.",
        "en": "Remove the leading =, +, - or @ and write plain text; send links "
        "separately.",
    },
    "review.not_kecamatan": {
        "id": "Bukan nama atau kode kecamatan.",
        "en": "Not a kecamatan name or code.",
    },
    "review.fix.not_kecamatan": {
        "id": "Tulis nama kecamatan atau kodenya (mis. 82.01.01).",
        "en": "Write the kecamatan's name or code (e.g. 82.01.01).",
    },
    "review.kecamatan_elsewhere": {
        "id": "{kecamatan} tidak berada di {kabkota}.",
        "en": "{kecamatan} does not lie in {kabkota}.",
    },
    "review.fix.kecamatan_elsewhere": {
        "id": "Periksa kecamatan atau kabupaten/kota baris ini.",
        "en": "Check this row's kecamatan or kabupaten/kota.",
    },
    "review.swapped": {
        "id": "Lintang dan bujur tertukar: titik ini baru jatuh di Maluku Utara "
        "bila keduanya ditukar.",
        "en": "Latitude and longitude are swapped: the point falls in North "
        "Maluku only when the two are exchanged.",
    },
    "review.fix.swapped": {
        "id": "Tukar isi kedua kolom: lintang sekitar -3 sampai 3, bujur sekitar "
        "123 sampai 131.",
        "en": "Exchange the two columns: latitude is about -3 to 3, longitude "
        "about 123 to 131.",
    },
    "review.outside": {
        "id": "Koordinat di luar Maluku Utara.",
        "en": "The coordinate lies outside North Maluku.",
    },
    "review.fix.outside": {
        "id": "Periksa koordinatnya (derajat desimal, WGS 84): lintang -3 sampai "
        "3, bujur 123 sampai 131.",
        "en": "Check the coordinate (decimal degrees, WGS 84): latitude -3 to 3, "
        "longitude 123 to 131.",
    },
    "review.unknown_road": {
        "id": "Ruas ini belum ada di data ruas jalan, jadi garisnya tidak diketahui.",
        "en": "This road segment is not in the road data yet, so its line is unknown.",
    },
    "review.fix.unknown_road": {
        "id": "Periksa kode ruasnya; ruas baru dikirim beserta garisnya (GeoJSON) "
        "ke walidata.",
        "en": "Check the segment's code; new segments are sent with their line "
        "(GeoJSON) to the data steward.",
    },
    "review.duplicate": {
        "id": "Sama dengan baris {pertama} (kunci yang sama).",
        "en": "Same as row {pertama} (the same key).",
    },
    "review.fix.duplicate": {
        "id": "Hapus salah satu baris, atau perbaiki kuncinya bila keduanya "
        "memang berbeda.",
        "en": "Delete one of the rows, or correct the key if they really differ.",
    },
    "review.unknown_project": {
        "id": "Proyek ini tidak ada di data proyek.",
        "en": "This project is not in the project data.",
    },
    "review.fix.unknown_project": {
        "id": "Periksa kode proyeknya; proyek baru didaftarkan dulu ke dataset proyek.",
        "en": "Check the project code; new projects are registered in the proyek "
        "dataset first.",
    },
    "review.schema": {"id": "{pesan}", "en": "{pesan}"},
    "review.fix.schema": {
        "id": "Perbaiki nilai yang disebut, lalu periksa ulang.",
        "en": "Correct the values named, then check again.",
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
