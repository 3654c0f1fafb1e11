"""Copies and provenance: exact, near, spun, translated and rewritten copies (being built)."""
