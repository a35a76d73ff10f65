"""Provides the importers: LinkedIn connections, vCard files and kith's own CSV export.

``PARSERS[kind](text, summary, source) -> list[ImportRecord]``; ``common.import_file`` runs one.
"""

from kith.store.transfer.importers import csv_kith, linkedin, vcard

PARSERS = {"linkedin": linkedin.parse, "vcard": vcard.parse, "csv": csv_kith.parse}
