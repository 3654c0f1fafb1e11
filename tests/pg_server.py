"""A throwaway PostgreSQL server for the tests: initdb into a temporary folder, start on a free loopback port.

The server binaries are looked up on PATH and in /usr/lib/postgresql/*/bin. When they are missing and we
run as root with CI=true or STORYLINE_INSTALL_PG=1, ``apt-get install -y postgresql`` is tried once. PostgreSQL
refuses to run as root, so as root the server runs as the ``postgres`` user (which the Debian package creates).

Settings trade durability for speed (fsync off, tiny buffers): the data is thrown away at the end.
The server's default collation is ICU ``en-US`` where the server supports it, so that tests see a
collation that differs from byte order, as a real deployment often has.

Run by hand to get a server for experiments: ``python tests/pg_server.py`` (Ctrl-C stops it).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

SERVER_USER = "postgres"


class PostgresUnavailable(Exception):
    """No PostgreSQL server can be started here; the message says why."""


def find_bin_dir() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres, newest version first."""
    on_path = shutil.which("initdb")
    candidates = [Path(on_path).resolve().parent] if on_path else []
    versioned = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True)
    candidates += [Path(p) for p in versioned]
    for folder in candidates:
        if all((folder / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


def install_allowed() -> bool:
    return os.geteuid() == 0 and (os.environ.get("CI") == "true" or os.environ.get("STORYLINE_INSTALL_PG") == "1")


def install_postgres() -> None:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    command = ["apt-get", "install", "-y", "--no-install-recommends", "postgresql"]
    if subprocess.run(command, env=env, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "update"], env=env, capture_output=True, check=False)
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise PostgresUnavailable(f"apt-get install postgresql failed: {done.stderr.strip()[-500:]}")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    bin_dir: Path
    root: Path
    port: int = 0
    _schemas: int = field(default=0, repr=False)
    _has_test_database: bool = field(default=False, repr=False)

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SERVER_USER}@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=self.root)

    def init(self) -> None:
        self.root.chmod(0o700)
        if os.geteuid() == 0:
            user = pwd.getpwnam(SERVER_USER)
            os.chown(self.root, user.pw_uid, user.pw_gid)
        base = ("initdb", "-D", str(self.data_dir), "-U", SERVER_USER, "--auth=trust", "-E", "UTF8", "--no-sync")
        done = self._run(*base, "--locale=C", "--locale-provider=icu", "--icu-locale=en-US")
        if done.returncode != 0:  # a server built without ICU
            shutil.rmtree(self.data_dir, ignore_errors=True)
            done = self._run(*base, "--no-locale")
        if done.returncode != 0:
            raise PostgresUnavailable(f"initdb failed: {(done.stderr or done.stdout).strip()[-800:]}")

    def start(self) -> None:
        last_error = ""
        for _attempt in range(3):
            self.port = free_port()
            options = (
                f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.root} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=16MB "
                "-c max_connections=40 -c max_wal_size=256MB -c autovacuum=off"
            )
            log = str(self.root / "server.log")
            done = self._run("pg_ctl", "-D", str(self.data_dir), "-l", log, "-o", options, "-w", "-t", "60", "start")
            if done.returncode == 0:
                return
            last_error = (self.root / "server.log").read_text(errors="replace")[-800:] if Path(log).exists() else ""
            last_error = last_error or done.stderr
        raise PostgresUnavailable(f"pg_ctl start failed: {last_error.strip()}")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")

    def create_schema(self, prefix: str = "test") -> str:
        """A new empty schema in the ``storyline`` database; returns a URL whose search_path is that schema.

        Much faster than a new database (CREATE DATABASE checkpoints), and just as empty to the store.
        """
        import psycopg
        from psycopg import sql

        if not self._has_test_database:
            self.create_database("storyline")
            self._has_test_database = True
        self._schemas += 1
        name = f"{prefix}_{self._schemas}"
        with psycopg.connect(host="127.0.0.1", port=self.port, user=SERVER_USER, dbname="storyline") as conn:
            conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(name)))
        return self.url("storyline") + f"?options=-csearch_path%3D{name}"

    def create_database(self, name: str) -> str:
        """A new empty database; returns its URL."""
        import psycopg
        from psycopg import sql

        with psycopg.connect(host="127.0.0.1", port=self.port, user=SERVER_USER, dbname="postgres") as conn:
            conn.autocommit = True
            # FILE_COPY (the only strategy before PostgreSQL 15) is much faster than 15's default on a tiny template.
            strategy = " STRATEGY FILE_COPY" if conn.info.server_version >= 150000 else ""
            conn.execute(sql.SQL("CREATE DATABASE {}" + strategy).format(sql.Identifier(name)))
        return self.url(name)


def start_server() -> PostgresServer:
    """Start a throwaway server, installing PostgreSQL first where that is allowed; raise PostgresUnavailable."""
    bin_dir = find_bin_dir()
    if bin_dir is None and install_allowed():
        install_postgres()
        bin_dir = find_bin_dir()
    if bin_dir is None:
        raise PostgresUnavailable(
            "PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or in /usr/lib/postgresql/*/bin; "
            "install them (apt-get install postgresql), or set STORYLINE_INSTALL_PG=1 when running as root"
        )
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError:
            raise PostgresUnavailable(
                f"running as root, and there is no {SERVER_USER!r} user to run the server"
            ) from None
    # Not under pytest's tmp_path: its folders are private to the current user, and the server's user must enter.
    server = PostgresServer(bin_dir=bin_dir, root=Path(tempfile.mkdtemp(prefix="storyline-pg-")))
    try:
        server.init()
        server.start()
    except BaseException:
        shutil.rmtree(server.root, ignore_errors=True)
        raise
    return server


def stop_server(server: PostgresServer) -> None:
    try:
        server.stop()
    finally:
        shutil.rmtree(server.root, ignore_errors=True)


if __name__ == "__main__":
    running = start_server()
    print(running.url(), flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        stop_server(running)
