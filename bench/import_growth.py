"""Prints (JSON) memory after each of 10 LinkedIn imports into one database: Python's heap and RSS, MB.

Each import is a new file (2,000 new rows), as a user importing again and again in one session:
nothing read should stay alive once the import is done. RSS also grows with SQLite's page cache
(up to its 32 MB cache_size) as the database grows; Python's heap (tracemalloc) is what a leak
such as a cache of file texts shows in.
"""

import gc
import json
import random
import sys
import tempfile
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.run_store import linkedin_csv  # noqa: E402
from kith.store.core.db import close_db, open_db  # noqa: E402
from kith.store.transfer.importers import import_file  # noqa: E402


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


with tempfile.TemporaryDirectory(prefix="kith-bench-") as folder:
    open_db(Path(folder) / "growth.db")
    tracemalloc.start()
    heap, rss = [], []
    for i in range(10):
        path = Path(folder) / f"Connections-{i}.csv"
        path.write_text(linkedin_csv(2_000, random.Random(i), offset=i * 2_000), encoding="utf-8")
        import_file("linkedin", path)
        path.unlink()
        gc.collect()
        heap.append(tracemalloc.get_traced_memory()[0] / 1e6)
        rss.append(rss_mb())
    close_db()
print(json.dumps({"heap": heap, "rss": rss}))
