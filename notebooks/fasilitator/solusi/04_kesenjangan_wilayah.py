# Solusi untuk fasilitator: notebook 04 · Kesenjangan wilayah.
# Setiap bagian "# %% jawaban-04a" dan "# %% jawaban-04b" menggantikan sel
# latihan bertanda sama. Baris di atas bagian pertama hanya memuat pustaka
# yang sudah dimuat notebook, agar file ini juga bisa dijalankan sendiri.

from lab_lib import catalog, disparity

# %% jawaban-04a
# Data tahun 2021: satu baris per wilayah, satu kolom per indikator
data_2021 = catalog.load(
    "indikator",
    indikator=["pdrb_per_kapita_adhb", "jumlah_penduduk", "pertumbuhan_ekonomi"],
    tahun=2021,
)
tabel_2021 = data_2021.pivot(index="kode_wilayah", columns="indikator", values="nilai")
kabkota_2021 = tabel_2021.drop(index="82")

iw_2021 = disparity.williamson(
    kabkota_2021["pdrb_per_kapita_adhb"], kabkota_2021["jumlah_penduduk"]
)

# %% jawaban-04b
provinsi_2021 = tabel_2021.loc["82"]
kuadran_2021 = disparity.klassen(
    kabkota_2021["pertumbuhan_ekonomi"],
    kabkota_2021["pdrb_per_kapita_adhb"],
    provinsi_2021["pertumbuhan_ekonomi"],
    provinsi_2021["pdrb_per_kapita_adhb"],
    in_percent=True,
)
kuadran_haltim = kuadran_2021.loc["82.06"]
