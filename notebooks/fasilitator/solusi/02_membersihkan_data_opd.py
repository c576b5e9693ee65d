# Solusi fasilitator untuk notebook 02 · Membersihkan dan menggabungkan data OPD.
#
# Setiap bagian "# %% jawaban-02" menggantikan sel jawaban bertanda sama di
# notebook. Baris di atas bagian pertama hanya menyiapkan nama-nama yang di
# notebook dibuat oleh sel sebelumnya, supaya file ini bisa dibaca sendiri.
from lab_lib import submissions
from lab_lib.workshop import agency_files

berkas_jalan, berkas_perkim = agency_files.ensure()
NAMA_BARU = {
    "kabupaten_kota": "nama",
    "panjang_jalan_km": "panjang_km",
    "kondisi_jalan_baik_km": "baik_km",
    "kondisi_jalan_sedang_km": "sedang_km",
    "kondisi_jalan_rusak_ringan_km": "rusak_ringan_km",
    "kondisi_jalan_rusak_berat_km": "rusak_berat_km",
}
KOLOM_ANGKA = [
    "panjang_km",
    "baik_km",
    "sedang_km",
    "rusak_ringan_km",
    "rusak_berat_km",
]

# %% jawaban-02
# 1-2. Baca tabelnya, rapikan nama kolom
hasil = submissions.read_table(berkas_jalan)
hasil = hasil.rename(columns=submissions.column_name).rename(columns=NAMA_BARU)

# 3. Buang baris JUMLAH
hasil = submissions.drop_totals(hasil, "nama")

# 4. Teks angka gaya Indonesia menjadi bilangan
for kolom in KOLOM_ANGKA:
    hasil[kolom] = submissions.parse_numbers(hasil[kolom])

# 5. Kode Kemendagri dari nama dan kode (kode BPS 8203/8205 ikut terbaca benar)
hasil["kode"] = submissions.region_codes(hasil["nama"], hasil["kode_wilayah"])

# 6. Kolom yang diminta
hasil = hasil[["kode", "nama", *KOLOM_ANGKA]]
