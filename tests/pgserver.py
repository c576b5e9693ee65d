"""A throwaway PostgreSQL server with PostGIS for the database tests.

:func:`start` creates a cluster in a fresh folder, starts it on a free port of
127.0.0.1 and creates the login role ``minilab`` and its database ``marimoi``
with PostGIS; :meth:`Server.stop` stops the server and removes the folder.

The server is tuned for tests, not for data: ``fsync`` and full-page writes
are off, so a crash loses everything, which is fine for a folder that is
removed at the end anyway.

PostgreSQL refuses to run as root. Under root the server binaries run as the
``postgres`` system user (``runuser``), and the folder belongs to that user.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo

__all__ = [
    "DATABASE",
    "ROLE",
    "SUPERUSER",
    "Server",
    "ServerError",
    "find_bindir",
    "free_port",
    "start",
    "unavailable",
]

#: The login role the lab connects as.
ROLE = "minilab"
#: The database created at start, owned by :data:`ROLE`.
DATABASE = "marimoi"
#: The cluster's superuser, reachable only over the Unix socket.
SUPERUSER = "postgres"
#: The system user that runs the server when the tests run as root.
SYSTEM_USER = "postgres"

# Databases are copied from this one, which already has PostGIS: copying is
# much faster than running CREATE EXTENSION postgis for each test database.
TEMPLATE = "postgis_template"
DEBIAN_BINDIR = Path("/usr/lib/postgresql/15/bin")
BINARIES = ("initdb", "pg_ctl", "postgres")
# sun_path holds 108 bytes with the final NUL; longer socket paths fail.
MAX_SOCKET_PATH = 107
LOG_TAIL_LINES = 40
PORT_ATTEMPTS = 3

# Speed over durability, and nothing reachable from outside the machine.
SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "unix_socket_permissions": "0700",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "wal_level": "minimal",
    "max_wal_senders": "0",
    "shared_buffers": "16MB",
    "max_connections": "30",
    "jit": "off",
    "logging_collector": "off",
    "log_destination": "stderr",
    "lc_messages": "C",
    "timezone": "UTC",
}


class ServerError(RuntimeError):
    """A step of starting, using or stopping the server failed."""


def find_bindir() -> Path | None:
    """The folder with ``initdb``, ``pg_ctl`` and ``postgres``, if any.

    Debian's PostgreSQL 15 first; else the one on ``PATH``.
    """
    candidates = [DEBIAN_BINDIR]
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    for folder in candidates:
        if all((folder / name).is_file() for name in BINARIES):
            return folder
    return None


def _sharedir(bindir: Path) -> Path:
    """The server's share folder (extensions live in its ``extension``)."""
    pg_config = bindir / "pg_config"
    if pg_config.is_file():
        done = subprocess.run(
            [str(pg_config), "--sharedir"], capture_output=True, text=True
        )
        if done.returncode == 0 and done.stdout.strip():
            return Path(done.stdout.strip())
    # Debian's layout, whose pg_config in bindir is not always installed.
    return Path("/usr/share/postgresql") / bindir.parent.name


def unavailable(bindir: Path | None = None) -> str | None:
    """Why no server can be started here, or None when one can.

    Parameters
    ----------
    bindir
        The folder of the server binaries; found with :func:`find_bindir`
        when not given.

    Returns
    -------
    str or None
        A sentence naming what is missing.
    """
    bindir = find_bindir() if bindir is None else bindir
    if bindir is None:
        return f"PostgreSQL not found (no {DEBIAN_BINDIR}/initdb, none on PATH)"
    missing = [name for name in BINARIES if not (bindir / name).is_file()]
    if missing:
        return f"PostgreSQL incomplete: no {', '.join(missing)} in {bindir}"
    control = _sharedir(bindir) / "extension" / "postgis.control"
    if not control.is_file():
        return f"PostGIS not found (no {control})"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SYSTEM_USER)
        except KeyError:
            return f"running as root but there is no {SYSTEM_USER!r} system user"
        if shutil.which("runuser") is None:
            return "running as root but runuser is not installed"
    return None


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_server_user(command: Sequence[str]) -> list[str]:
    """The command, run as the ``postgres`` user when we are root."""
    if os.geteuid() == 0:
        return ["runuser", "-u", SYSTEM_USER, "--", *command]
    return list(command)


def _tail(path: Path, lines: int = LOG_TAIL_LINES) -> str:
    """The last lines of a log file, or a note that there is none."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return f"(no log at {path})"
    return "\n".join(text.splitlines()[-lines:]) or "(empty log)"


def _reachable_by_server_user(folder: Path) -> bool:
    """Whether the ``postgres`` user can enter this folder (and its parents)."""
    check = subprocess.run(_as_server_user(["test", "-x", str(folder)]))
    return check.returncode == 0


def _make_folder(base: Path) -> Path:
    """A fresh private folder for one server, inside base when possible.

    The server user must be able to reach the folder, and the socket path must
    fit in a Unix socket address. pytest's folders under root sit inside a
    0700 folder of root's, so as root the folder usually goes to the system
    temporary folder instead.
    """
    base.mkdir(parents=True, exist_ok=True)
    socket_room = MAX_SOCKET_PATH - len("/pg-XXXXXXXX/run/.s.PGSQL.65535")
    inside = len(str(base.resolve())) <= socket_room and (
        os.geteuid() != 0 or _reachable_by_server_user(base)
    )
    folder = Path(tempfile.mkdtemp(prefix="pg-", dir=base if inside else None))
    _give_to_server_user(folder)
    return folder


def _give_to_server_user(path: Path) -> None:
    """Make a path root created the server user's own (nothing otherwise)."""
    if os.geteuid() == 0:
        user = pwd.getpwnam(SYSTEM_USER)
        os.chown(path, user.pw_uid, user.pw_gid)


def _url(password: str, port: int, name: str) -> str:
    """The ``minilab`` URL of a database on 127.0.0.1."""
    return (
        f"postgresql://{ROLE}:{quote(password, safe='')}"
        f"@127.0.0.1:{port}/{quote(name, safe='')}"
    )


@dataclass
class Server:
    """A running throwaway server.

    Attributes
    ----------
    url
        ``postgresql://minilab:PASSWORD@127.0.0.1:PORT/marimoi``.
    password
        The password of the ``minilab`` role.
    port
        The TCP port on 127.0.0.1.
    superuser_dsn
        A libpq connection string for the superuser over the Unix socket, to
        the ``postgres`` database.
    folder
        The folder holding the cluster, the socket and ``server.log``.
    """

    url: str = field(repr=False)
    password: str = field(repr=False)
    port: int
    superuser_dsn: str
    folder: Path
    bindir: Path = field(repr=False)
    _stopped: bool = field(default=False, repr=False)

    @property
    def log(self) -> Path:
        """The server's log file."""
        return self.folder / "server.log"

    def url_for(self, name: str) -> str:
        """The ``minilab`` URL of the database ``name``."""
        return _url(self.password, self.port, name)

    def admin(self, dbname: str = "postgres") -> psycopg.Connection:
        """A superuser connection (autocommit) to a database of the server."""
        return psycopg.connect(
            make_conninfo(self.superuser_dsn, dbname=dbname), autocommit=True
        )

    def create_database(self, name: str) -> str:
        """Create an empty database with PostGIS, owned by ``minilab``.

        Parameters
        ----------
        name
            The new database's name (at most 63 bytes).

        Returns
        -------
        str
            Its connection URL as ``minilab``.
        """
        if not name or len(name.encode()) > 63:
            raise ValueError(f"a database name has 1 to 63 bytes, not {name!r}")
        statement = sql.SQL(
            "CREATE DATABASE {} OWNER {} TEMPLATE {} STRATEGY FILE_COPY"
        ).format(sql.Identifier(name), sql.Identifier(ROLE), sql.Identifier(TEMPLATE))
        self._execute(statement, f"create database {name!r}")
        return self.url_for(name)

    def drop_database(self, name: str) -> None:
        """Drop a database, closing whatever connections it still has."""
        statement = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)
        )
        self._execute(statement, f"drop database {name!r}")

    def stop(self) -> None:
        """Stop the server (fast shutdown) and remove its folder.

        Stopping twice does nothing the second time.
        """
        if self._stopped:
            return
        data = self.folder / "data"
        if (data / "postmaster.pid").exists():
            command = [str(self.bindir / "pg_ctl"), "stop", "-D", str(data)]
            command += ["-m", "fast", "-w", "-t", "30"]
            _run(command, "stop the server", self.folder)
        shutil.rmtree(self.folder, ignore_errors=True)
        self._stopped = True

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _execute(self, statement: sql.Composable, what: str) -> None:
        """Run one statement as superuser; a failure says what and shows the log."""
        try:
            with self.admin() as conn:
                conn.execute(statement)
        except psycopg.Error as error:
            raise ServerError(
                f"could not {what}: {error}\n--- {self.log} ---\n{_tail(self.log)}"
            ) from error


def _run(command: Sequence[str], what: str, folder: Path) -> str:
    """Run a server binary (as the server user); its output, or an error."""
    full = _as_server_user(command)
    done = subprocess.run(
        full,
        cwd=folder,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    if done.returncode != 0:
        log = folder / "server.log"
        raise ServerError(
            f"could not {what} (exit {done.returncode}): {' '.join(full)}\n"
            f"--- output ---\n{done.stdout.strip()}\n"
            f"--- {log} ---\n{_tail(log)}"
        )
    return done.stdout


def _write_settings(data: Path, port: int, run: Path) -> None:
    """Point postgresql.conf at our settings file, with this port."""
    values = {**SETTINGS, "port": str(port), "unix_socket_directories": str(run)}
    quoted = {key: value.replace("'", "''") for key, value in values.items()}
    lines = [f"{key} = '{value}'" for key, value in quoted.items()]
    settings = data / "minilab.conf"
    settings.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _give_to_server_user(settings)
    conf = data / "postgresql.conf"
    text = conf.read_text(encoding="utf-8")
    if "include 'minilab.conf'" not in text:
        conf.write_text(text + "\ninclude 'minilab.conf'\n", encoding="utf-8")


def _start_on_free_port(bindir: Path, folder: Path) -> int:
    """Start the server on a free port; the port it listens on.

    Another process may take the port between the probe and the start, so a
    port already in use is tried again with a new one.
    """
    data, run, log = folder / "data", folder / "run", folder / "server.log"
    for attempt in range(1, PORT_ATTEMPTS + 1):
        port = free_port()
        _write_settings(data, port, run)
        command = [str(bindir / "pg_ctl"), "start", "-D", str(data)]
        command += ["-l", str(log), "-w", "-t", "60"]
        try:
            _run(command, "start the server", folder)
        except ServerError:
            if attempt < PORT_ATTEMPTS and "already in use" in _tail(log):
                continue
            raise
        return port
    raise AssertionError("unreachable")  # pragma: no cover


def _create_role_and_databases(superuser_dsn: str, password: str) -> None:
    """The ``minilab`` role and the template database with PostGIS."""
    with psycopg.connect(superuser_dsn, autocommit=True) as conn:
        # Only the SCRAM verifier reaches the server, never the password
        # itself, so it cannot show up in the server log.
        verifier = conn.pgconn.encrypt_password(
            password.encode(), ROLE.encode(), b"scram-sha-256"
        ).decode("ascii")
        conn.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                sql.Identifier(ROLE), sql.Literal(verifier)
            )
        )
        conn.execute(
            sql.SQL("CREATE DATABASE {} IS_TEMPLATE true").format(
                sql.Identifier(TEMPLATE)
            )
        )
    template_dsn = make_conninfo(superuser_dsn, dbname=TEMPLATE)
    with psycopg.connect(template_dsn, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION postgis")


def start(base: Path) -> Server:
    """Create and start a throwaway server with PostGIS.

    Parameters
    ----------
    base
        A folder for the server's own fresh subfolder (created if missing).

    Returns
    -------
    Server
        The running server; ``marimoi`` exists, owned by ``minilab``, with
        PostGIS.

    Raises
    ------
    ServerError
        When PostgreSQL or PostGIS is missing, or a step fails; the message
        holds the command, its output and the end of the server log.
    """
    reason = unavailable()
    if reason is not None:
        raise ServerError(reason)
    bindir = find_bindir()
    assert bindir is not None
    folder = _make_folder(Path(base))
    data, run = folder / "data", folder / "run"
    run.mkdir(mode=0o700)
    _give_to_server_user(run)
    initdb = [str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER]
    initdb += ["--encoding=UTF8", "--locale=C", "--auth-local=trust"]
    initdb += ["--auth-host=scram-sha-256", "--no-sync", "--no-instructions"]
    try:
        _run(initdb, "initialise the cluster", folder)
        port = _start_on_free_port(bindir, folder)
    except ServerError:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    password = secrets.token_urlsafe(24)
    superuser_dsn = make_conninfo(
        host=str(run), port=port, user=SUPERUSER, dbname="postgres"
    )
    server = Server(
        url=_url(password, port, DATABASE),
        password=password,
        port=port,
        superuser_dsn=superuser_dsn,
        folder=folder,
        bindir=bindir,
    )
    try:
        try:
            _create_role_and_databases(superuser_dsn, password)
        except psycopg.Error as error:
            raise ServerError(
                f"could not create the {ROLE!r} role or the PostGIS template: "
                f"{error}\n--- {server.log} ---\n{_tail(server.log)}"
            ) from error
        server.create_database(DATABASE)
    except BaseException:
        server.stop()
        raise
    return server
