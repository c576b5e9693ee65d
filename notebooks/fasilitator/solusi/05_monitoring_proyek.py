# Solusi fasilitator untuk notebook 05 (monitoring proyek).
#
# Setiap bagian "# %% jawaban-..." menggantikan sel jawaban bertanda sama di
# notebook. Baris di atas bagian pertama hanya menyiapkan nama-nama yang di
# notebook dibuat oleh sel sebelumnya, supaya file ini bisa dijalankan sendiri.
from lab_lib import catalog, monitoring
from lab_lib.workshop.lesson_05 import rule_thresholds

progres = catalog.load("progres_proyek")
batas = rule_thresholds()
tahun_latihan = 2023
bulan_latihan = "2023-09"
proyek_latihan = "PRY-2023-034"

# %% jawaban-05a
proyek_2023 = catalog.load("proyek", tahun_anggaran=tahun_latihan)
status_2023 = monitoring.classify_projects(
    proyek_2023, progres, bulan_latihan, thresholds=batas
)
kritis = list(status_2023[status_2023["kritis"]].index)

# %% jawaban-05b
deviasi = status_2023.loc[proyek_latihan, "deviasi_pct"]
