"""Benchmark readers, scorers and prediction writers: one module per benchmark."""
