"""The package version: the cache and the report freeze hash key on it (kept apart so no layer imports the package root)."""

__version__ = "0.1.0"
