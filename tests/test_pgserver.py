"""The throwaway PostgreSQL server the database tests run against."""

from __future__ import annotations

import pgserver
import psycopg
import pytest
from psycopg import sql


def test_minilab_reaches_postgis_in_marimoi(postgis_server):
    with psycopg.connect(postgis_server.url) as conn:
        version, user, database = conn.execute(
            "SELECT postgis_full_version(), current_user, current_database()"
        ).fetchone()
    assert version.startswith("POSTGIS=")
    assert (user, database) == ("minilab", "marimoi")


def test_minilab_owns_marimoi_and_can_make_its_schema(postgis_server):
    with psycopg.connect(postgis_server.url) as conn:
        owner = conn.execute(
            "SELECT pg_get_userbyid(datdba) FROM pg_database"
            " WHERE datname = current_database()"
        ).fetchone()[0]
        conn.execute("CREATE SCHEMA marimoi")
        conn.execute("CREATE TABLE marimoi.titik (lokasi geometry(Point, 4326))")
        conn.execute(
            "INSERT INTO marimoi.titik VALUES (ST_SetSRID(ST_MakePoint(%s, %s), 4326))",
            (127.38, 0.79),
        )
        text = conn.execute("SELECT ST_AsText(lokasi) FROM marimoi.titik").fetchone()
        conn.rollback()
    assert owner == "minilab"
    assert text == ("POINT(127.38 0.79)",)


def test_a_wrong_password_is_refused(postgis_server):
    wrong = postgis_server.url.replace(postgis_server.password, "salah")
    assert wrong != postgis_server.url
    with pytest.raises(psycopg.OperationalError, match="password authentication"):
        psycopg.connect(wrong, connect_timeout=5)


def test_the_password_is_random_and_kept_out_of_the_repr(postgis_server):
    assert len(postgis_server.password) >= 32
    assert postgis_server.password in postgis_server.url
    assert postgis_server.password not in repr(postgis_server)


def test_the_server_listens_on_127_0_0_1_only(postgis_server):
    with psycopg.connect(postgis_server.url) as conn:
        listen = conn.execute("SHOW listen_addresses").fetchone()[0]
        address = conn.execute("SELECT host(inet_server_addr())").fetchone()[0]
    assert (listen, address) == ("127.0.0.1", "127.0.0.1")
    # Linux routes all of 127/8 to the loopback device: a server bound to every
    # address would answer on 127.0.0.2 as well.
    elsewhere = postgis_server.url.replace("@127.0.0.1:", "@127.0.0.2:")
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(elsewhere, connect_timeout=2)


def test_postgis_db_is_a_database_of_its_own(postgis_server, postgis_db):
    with psycopg.connect(postgis_db) as conn:
        conn.execute("CREATE TABLE hanya_di_sini (id integer)")
        conn.commit()
        assert conn.execute("SELECT PostGIS_Lib_Version()").fetchone()[0]
    other = postgis_server.create_database("test_pgserver_other")
    try:
        for url in (postgis_server.url, other):
            with psycopg.connect(url) as conn:
                found = conn.execute(
                    "SELECT to_regclass('public.hanya_di_sini')"
                ).fetchone()
            assert found == (None,), url
    finally:
        postgis_server.drop_database("test_pgserver_other")
    assert postgis_db != postgis_server.url


def test_a_dropped_database_is_gone(postgis_server):
    url = postgis_server.create_database("test_pgserver_dropped")
    lingering = psycopg.connect(url)
    try:
        # Open connections do not keep a database from being dropped.
        postgis_server.drop_database("test_pgserver_dropped")
    finally:
        lingering.close()
    with pytest.raises(psycopg.OperationalError, match="does not exist"):
        psycopg.connect(url, connect_timeout=5)


def test_a_database_name_that_postgres_would_cut_is_refused(postgis_server):
    with pytest.raises(ValueError, match="63 bytes"):
        postgis_server.create_database("d" * 64)


def test_the_superuser_is_reached_only_over_the_socket(postgis_server):
    with psycopg.connect(postgis_server.superuser_dsn) as conn:
        superuser = conn.execute(
            sql.SQL("SELECT rolsuper FROM pg_roles WHERE rolname = {}").format(
                sql.Literal(pgserver.SUPERUSER)
            )
        ).fetchone()
        path = conn.execute("SELECT inet_server_addr()").fetchone()
    assert superuser == (True,)
    assert path == (None,)  # NULL: a Unix socket, not TCP


def test_missing_binaries_are_named(tmp_path):
    (tmp_path / "initdb").touch()
    reason = pgserver.unavailable(tmp_path)
    assert reason is not None
    assert "pg_ctl" in reason and "postgres" in reason and str(tmp_path) in reason


def test_a_failed_step_shows_its_command_and_output(tmp_path):
    with pytest.raises(pgserver.ServerError) as caught:
        pgserver._run(["sh", "-c", "echo rusak; exit 3"], "do a step", tmp_path)
    message = str(caught.value)
    assert "could not do a step (exit 3)" in message
    assert "sh -c" in message and "rusak" in message
    assert "server.log" in message
