"""Storyline: turn a stream of news into sourced, trustworthy event data."""

__version__ = "0.1.0"
