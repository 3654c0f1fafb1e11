"""The store: articles, removed lines and rejects in SQLite (default) or PostgreSQL, migrated with Alembic."""

from storyline.store.repository import Repository, normalise_url, open_store, unstorable_reason

__all__ = ["Repository", "normalise_url", "open_store", "unstorable_reason"]
