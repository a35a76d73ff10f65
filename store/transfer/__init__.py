"""Provides moving data in and out: importers, exporters and restore."""
