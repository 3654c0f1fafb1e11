"""The store: articles, removed lines and rejects in SQLite (default) or PostgreSQL, migrated with Alembic."""

from storyline.store.derived import StateSnapshot
from storyline.store.repository import Repository, normalise_url, open_store, unstorable_reason

__all__ = ["Repository", "StateSnapshot", "normalise_url", "open_store", "unstorable_reason"]
