# Solusi fasilitator untuk notebook 00 (orientasi).
#
# Setiap bagian "# %% jawaban-..." menggantikan sel jawaban bertanda sama di
# notebook. Baris di atas bagian pertama hanya menyiapkan nama-nama yang di
# notebook dibuat oleh sel sebelumnya, supaya file ini bisa dibaca sendiri.
from lab_lib import catalog

penduduk_ternate = catalog.load(
    "indikator", wilayah="Kota Ternate", tahun=2024, indikator="jumlah_penduduk"
)["nilai"].iloc[0]
penduduk_provinsi = catalog.load(
    "indikator", wilayah="Maluku Utara", tahun=2024, indikator="jumlah_penduduk"
)["nilai"].iloc[0]

# %% jawaban-00
# Bagian dibagi keseluruhan, dikali 100; tanpa membulatkan.
hasil = penduduk_ternate / penduduk_provinsi * 100
