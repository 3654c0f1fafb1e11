"""Extraction stages: entities, places, time, quotes and events found in a document's cleaned text."""
