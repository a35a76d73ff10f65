"""Provides kith's data layer: a Peewee/SQLite store that knows nothing of Textual."""
