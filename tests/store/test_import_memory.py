"""Importers keep no file alive after they return (a long-running TUI imported six files: 104 -> 168 MB)."""

import gc
import importlib
import inspect
import pkgutil

import kith.store.transfer.importers as importers
from kith.store.transfer.importers import import_file

MAX_CACHE = 4096


def _importer_functions():
    for m in pkgutil.iter_modules(importers.__path__):
        module = importlib.import_module(f"kith.store.transfer.importers.{m.name}")
        for name, obj in vars(module).items():
            if callable(obj) and getattr(obj, "__module__", None) == module.__name__:
                yield f"{module.__name__}.{name}", obj


def test_no_cache_on_generators_or_file_text_and_every_cache_is_small():
    cached = {name: fn for name, fn in _importer_functions() if hasattr(fn, "cache_info")}
    for name, fn in cached.items():
        inner = fn.__wrapped__
        assert not inspect.isgeneratorfunction(inner), name
        params = set(inspect.signature(inner).parameters)
        assert not params & {"text", "reader", "data", "lines"}, name
        assert fn.cache_info().maxsize is not None and fn.cache_info().maxsize <= MAX_CACHE, name


def test_a_finished_import_leaves_no_csv_reader_or_file_text_behind(db, tmp_path):
    import csv

    marker = "Zzyzx-unique-marker"
    f = tmp_path / "contacts.csv"
    header = "name,company,role,emails,phones,links,location,tags,tier,birthday,connected_on,notes\r\n"
    f.write_text(header + "".join(f"P{i},{marker},,,,,,,,,,n\r\n" for i in range(300)), encoding="utf-8")
    for _ in range(3):
        import_file("csv", f, dry_run=True)
    gc.collect()
    reader_type = type(csv.reader([]))
    assert not any(type(o) is reader_type for o in gc.get_objects())
    assert not any(isinstance(o, str) and marker in o and len(o) > 1000 for o in gc.get_objects())
