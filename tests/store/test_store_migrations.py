"""Issue 2: the migrations create exactly the schema the models describe, on both backends."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from storyline.store import open_store
from storyline.store.models import metadata
from storyline.store.repository import MIGRATIONS_DIR

ALEMBIC_INI = Path(__file__).resolve().parents[2] / "src" / "storyline" / "store" / "alembic.ini"


def test_migrated_database_matches_the_models(store_url: str) -> None:
    open_store(store_url).close()
    engine = sa.create_engine(store_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []
        assert context.get_current_revision() == ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
    engine.dispose()


def test_revisions_form_one_numbered_line() -> None:
    revisions = list(ScriptDirectory(str(MIGRATIONS_DIR)).walk_revisions())
    numbers = sorted(int(revision.revision) for revision in revisions)
    assert numbers == list(range(1, len(revisions) + 1))
    assert len(ScriptDirectory(str(MIGRATIONS_DIR)).get_heads()) == 1


def test_the_developer_command_line_runs_the_same_migrations(tmp_path: Path) -> None:
    db = tmp_path / "dev.db"
    command = [sys.executable, "-m", "alembic", "-c", str(ALEMBIC_INI), "-x", f"db=sqlite:///{db}", "upgrade", "head"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    with open_store(db) as repo:  # opens without migrating again, and is usable
        assert repo.counts()["articles"] == 0
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    engine.dispose()
