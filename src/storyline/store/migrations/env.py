"""Alembic environment for the Storyline store.

``storyline.store.repository`` runs the migrations programmatically and hands its own connection in
``config.attributes["connection"]``. For a developer writing a new revision, the same scripts run from the
command line::

    alembic -c src/storyline/store/alembic.ini -x db=sqlite:///dev.db upgrade head
    alembic -c src/storyline/store/alembic.ini -x db=sqlite:///dev.db revision --autogenerate -m "what changed"
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from storyline.store.models import metadata


def _run(connection: sa.Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def _main() -> None:
    config = context.config
    connection = config.attributes.get("connection")
    if isinstance(connection, sa.Connection):
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("db") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("give the database with -x db=URL (for example -x db=sqlite:///dev.db)")
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=metadata, literal_binds=True, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


_main()
