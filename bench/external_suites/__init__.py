"""Suites for bench/external.py: one module per source family, each with SUITES = {name: make(n, seed)}."""
