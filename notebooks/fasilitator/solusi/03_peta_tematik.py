# Solusi untuk fasilitator: notebook 03 · Peta tematik.
# Setiap bagian "# %% jawaban-03" menggantikan sel latihan bertanda sama.
# Baris di atas bagian pertama hanya menyiapkan nama yang sudah dibuat notebook
# sebelum latihan, agar file ini juga bisa dibaca dan dijalankan sendiri.

from lab_lib import catalog, maps

wilayah = catalog.load("wilayah_kabkota")
SUMBER = "Katalog MARIMOI, dataset indikator (data sampel)"

# %% jawaban-03
# 1. Indikator tahun 2022, digabung dengan batas wilayah
sanitasi = catalog.load("indikator", indikator="akses_sanitasi_layak", tahun=2022)
data_latihan = wilayah.merge(sanitasi, left_on="kode", right_on="kode_wilayah")

# 2. Peta koroplet
peta = maps.thematic_map(
    data_latihan,
    "nilai",
    title="Akses sanitasi layak per kabupaten/kota, 2022",
    legend_title="Rumah tangga (%)",
    scheme="quantiles",
    k=3,
    source=SUMBER,
)

# 3. Simpan kedua kembarannya ke folder karya/
berkas_html = peta.save_html("karya/latihan_03.html")
berkas_png = peta.save_png("karya/latihan_03.png")
