"""The whole atlas built from PostGIS carries the same numbers as from files,
and the database password appears nowhere in what a build leaves behind."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from lab_lib import atlas, catalog, postgis
from lab_lib.cli import main

pytestmark = pytest.mark.slow

# Folium gives every map and layer a random id.
_RANDOM_ID = re.compile(r"_[0-9a-f]{32}")
# Build times, in the appendix and the summary record.
_TIME = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d ?[+-]\d\d:?\d\d")


@pytest.fixture(scope="module")
def database_atlas(postgis_server, file_atlas, tmp_path_factory):
    """The same briefs as ``file_atlas``, built with the data in PostGIS."""
    url = postgis_server.create_database("atlas_from_postgis")
    out = tmp_path_factory.mktemp("atlas_postgis")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(postgis.DB_ENV, url)
        postgis.load_sample()
        digests = {name: postgis.digest(name) for name in catalog.datasets().index}
        report = atlas.build(file_atlas.jobs, out_dir=out, workers=2)
    return out, report, digests, url


def _file_digests() -> dict[str, str]:
    return {
        name: hashlib.sha256(catalog.dataset_file(name).read_bytes()).hexdigest()
        for name in catalog.datasets().index
    }


def _comparable(html: str, digests: dict[str, str]) -> str:
    """The brief without what may differ between two builds of the same data:
    map ids, build times and the data's checksums."""
    html = _RANDOM_ID.sub("_ID", html)
    html = _TIME.sub("TIME", html)
    for name, digest in digests.items():
        html = html.replace(digest, f"SHA({name})").replace(digest[:12], f"SHA({name})")
    return html


def test_every_brief_builds_from_postgis(database_atlas, file_atlas):
    out, report, _, _ = database_atlas
    assert report.count(atlas.FAILED) == 0, [
        (o.job.key, o.error) for o in report.outcomes if o.status == atlas.FAILED
    ]
    assert len(report.outcomes) == len(file_atlas.jobs) == 55
    for job in file_atlas.jobs:
        assert job.path(out, "html").is_file(), job.key


def test_briefs_from_postgis_equal_the_briefs_from_files(database_atlas, file_atlas):
    out, _, db_digests, _ = database_atlas
    file_digests = _file_digests()
    assert set(db_digests.values()).isdisjoint(file_digests.values())
    different = []
    for job in file_atlas.jobs:
        from_files = job.path(file_atlas.out, "html").read_text(encoding="utf-8")
        from_db = job.path(out, "html").read_text(encoding="utf-8")
        if _comparable(from_files, file_digests) != _comparable(from_db, db_digests):
            different.append(job.key)
    assert different == []


def test_the_brief_records_the_database_table_as_its_source(database_atlas):
    out, report, db_digests, _ = database_atlas
    job = report.outcomes[0].job
    notebook = json.loads(job.path(out, "ipynb").read_text(encoding="utf-8"))
    datasets = notebook["metadata"]["minilab"]["datasets"]
    recorded = {d["dataset"]: d["sha256"] for d in datasets}
    assert recorded and all(db_digests[name] == sha for name, sha in recorded.items())


def test_the_password_is_nowhere_in_the_build_output(database_atlas):
    out, _, _, url = database_atlas
    password = urlsplit(url).password
    assert len(password) >= 16
    found = [
        path.relative_to(out).as_posix()
        for path in out.rglob("*")
        if path.is_file() and password.encode() in path.read_bytes()
    ]
    assert found == []
    seen = [p for p in out.rglob("*") if p.suffix in (".ipynb", ".html", ".json")]
    assert len(seen) > 100


def test_a_verbose_cli_build_logs_no_password(postgis_server, tmp_path, monkeypatch):
    url = postgis_server.create_database("cli_from_postgis")
    password = urlsplit(url).password
    monkeypatch.setenv(postgis.DB_ENV, url)
    runner = CliRunner()
    loaded = runner.invoke(main, ["-v", "db", "load"])
    assert loaded.exit_code == 0, loaded.output
    built = runner.invoke(
        main,
        [
            "-v",
            "paper",
            "kondisi_jalan",
            "--wilayah",
            "82.03",
            "--tahun",
            "2024",
            "--out",
            str(tmp_path),
        ],
    )
    assert built.exit_code == 0, built.output
    assert password not in loaded.output + built.output
    for path in Path(tmp_path).rglob("*"):
        if path.is_file():
            assert password.encode() not in path.read_bytes(), path
