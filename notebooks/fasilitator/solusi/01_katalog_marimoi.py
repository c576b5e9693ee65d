# Solusi fasilitator untuk notebook 01 (katalog MARIMOI).
#
# Setiap bagian "# %% jawaban-..." menggantikan sel jawaban bertanda sama di
# notebook. Jawaban diambil dari katalog, tidak diketik sebagai angka.
from lab_lib import catalog

# %% jawaban-01a
dataset_jalan = "ruas_jalan"
produsen_jalan = catalog.metadata(dataset_jalan)["produsen"]

# %% jawaban-01b
# Satu baris per ruas per tahun: saring wilayah dan tahun, lalu hitung barisnya.
jalan_sula = catalog.load("ruas_jalan", wilayah="Kepulauan Sula", tahun=2023)
jumlah_ruas = len(jalan_sula)

# %% jawaban-01c
tahun_terbaru = catalog.load("ruas_jalan")["tahun"].max()
