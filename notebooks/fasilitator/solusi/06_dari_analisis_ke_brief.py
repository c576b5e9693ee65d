# Solusi fasilitator untuk notebook 06 (dari analisis ke brief).
#
# Setiap bagian "# %% jawaban-..." menggantikan sel jawaban bertanda sama di
# notebook. Baris di atas bagian pertama hanya menyiapkan nama-nama yang di
# notebook dibuat oleh sel sebelumnya, supaya file ini bisa dibaca sendiri.
# Rekomendasi peserta boleh berbeda: yang penting namanya baru, syaratnya
# terpenuhi untuk Halmahera Selatan 2024, dan buktinya nama dari file aturan.
from IPython import get_ipython

from lab_lib.workshop.templates import add_recommendation, copy_theme

salinan = copy_theme("kondisi_jalan", "karya/tema")

# %% jawaban-06
rekomendasi_saya = {
    "jika": "ada_target == benar",
    "bukti": ["gambar_tren", "tabel_kondisi"],
    "id": "Laporkan kemantapan jalan {kelas} terhadap target RPJMD {tahun} setiap "
    "triwulan dalam rapat evaluasi RKPD bersama Dinas PUPR, agar keterlambatan "
    "terlihat sebelum akhir tahun.",
    "en": "Report the steadiness of {kelas} roads against the {tahun} RPJMD target "
    "every quarter in the RKPD review with Dinas PUPR, so that delays show before "
    "the end of the year.",
}
add_recommendation(salinan.rules, "laporan_triwulan", rekomendasi_saya)
perintah = (
    "minilab paper kondisi_jalan --folder-tema karya/tema "
    "--wilayah 82.04 --tahun 2024 --out karya/brief"
)
# Di notebook cukup ditulis: !{perintah} (get_ipython sudah ada di Jupyter).
get_ipython().system(perintah)
brief = "karya/brief/kondisi_jalan/2024/82.04.html"
