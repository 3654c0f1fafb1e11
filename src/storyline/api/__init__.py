"""The HTTP API and web interface over the store: ``create_app`` builds it, ``serve`` runs it (``storyline serve``)."""

from __future__ import annotations

from storyline.api.app import create_app
from storyline.api.serve import serve
from storyline.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app", "serve"]
