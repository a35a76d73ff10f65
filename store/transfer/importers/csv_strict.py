"""Provides strict CSV reading for the importers: a broken quote is an error naming its line.

Python's csv module, left to itself, lets an unclosed quote swallow the rest of the file into
one field. Here the reader is strict (a quote must close and be followed by a separator) and
every record must have as many fields as the header, so a stray quote is found, not imported.
"""

from __future__ import annotations

import csv
import io

from kith.store.transfer.importers.common import BadImportFile


def strict_reader(text: str):
    return csv.reader(io.StringIO(text, newline=""), strict=True)


def csv_rows(reader, source: str, start: int = 0, width: int | None = None):
    """Yield ``(line, cells)`` for each CSV record; ``line`` is the file line where it starts.

    ``start`` counts the lines before the CSV part (LinkedIn's preamble); ``width`` is the
    header's field count. Blank lines yield ``[]``.

    Raises:
        BadImportFile: a quote is not closed or is misplaced, or a record has the wrong number
            of fields; the message names the line where that record starts.
    """
    line_before = reader.line_num
    while True:
        line = start + line_before + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            reason = ("a quoted field is never closed" if "end of data" in str(exc)
                      else f"a quoted field does not close properly ({exc})")
            raise BadImportFile(f"{source}: line {line}: {reason}") from None
        line_before = reader.line_num
        if cells and width is not None and len(cells) != width:
            spans = f" (the record runs to line {start + reader.line_num})" if start + reader.line_num > line else ""
            raise BadImportFile(f"{source}: line {line}: {len(cells)} fields where the header has {width}"
                                f"{spans}; is a quote misplaced?")
        yield line, cells
