"""Provides the core of the store: database, frozen migrations, records, errors, clock, files, folding."""
