"""The layout's rules, checked: one installed namespace, import contracts, ruff, small modules, no circles."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_LINES = 400


def _tool(name: str) -> str:
    """A console script of the test extra, from the interpreter's own environment first."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found, f"{name} is missing: install the test extra (pip install -e '.[test]')"
    return found


def _sources() -> list[Path]:
    """Every Python file of the project outside tests (the editable links are the same files)."""
    return [p for folder in ("store", "tui", "bench") for p in (ROOT / folder).rglob("*.py")]


def test_import_contracts_are_kept():
    """store never imports tui/textual, widgets never the store, CLI and app apart, screens apart,
    the store's areas in layers (pyproject.toml, [tool.importlinter])."""
    result = subprocess.run([_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout and "KEPT" in result.stdout


def test_ruff_is_clean():
    result = subprocess.run([_tool("ruff"), "check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_over_400_lines_outside_tests():
    long = {str(p.relative_to(ROOT)): n for p in _sources()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_no_import_circles():
    """No module reaches itself through imports, lazy ones (inside functions) included."""
    import grimp

    graph = grimp.build_graph("kith")
    edges = {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}
    # Tarjan's strongly connected components, iteratively; any component of 2+ modules is a circle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    circles.append(sorted(component))
    assert circles == []


def test_migrations_import_nothing_live():
    """A migration is frozen: it may import only the migrations package itself (and the stdlib)."""
    folder = ROOT / "store" / "core" / "migrations"
    for path in sorted(folder.glob("m[0-9][0-9][0-9][0-9]_*.py")) + [folder / "fts.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kith"):
                assert node.module.startswith("kith.store.core.migrations"), f"{path.name}: {node.module}"
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("kith") for a in node.names), path.name


def test_frozen_search_triggers_match_the_live_kinds():
    """The migrations' copy of the trigger SQL, as migration 23 rewrote it to keep the word index
    too, still builds the triggers the live registry describes."""
    from kith.store.core.migrations import fts
    from kith.store.search.engine import load_kinds
    from kith.store.search.registry import fts_install_sql

    def triggers(statements):
        return [s for s in statements if s.startswith(("CREATE TRIGGER", "DROP TRIGGER"))]

    kinds = load_kinds()
    # The kinds whose migrations used the frozen copy (3, 4, 5, 10, 11, 20); 13 and 19 wrote their own.
    for name in ("contact", "touch", "follow-up", "value", "pitch", "feedback", "conversation", "newsletter"):
        kind = kinds[name]
        frozen = [fts.with_words(s) for s in fts.fts_install_sql(kind.name, kind.code, kind.table, kind.fts_columns)]
        assert triggers(frozen) == triggers(fts_install_sql(kind))
        assert len(triggers(frozen)) == 6


def test_registries_are_wired_by_plain_imports():
    """No module is found by a name string: the store has no importlib outside the migration runner."""
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "store").rglob("*.py")
                 if "importlib" in p.read_text(encoding="utf-8") and p.parent.name != "migrations"]
    assert offenders == []
    from kith.store.search.engine import load_kinds
    from kith.store.today.queue import load_sources

    assert {"cadence", "follow-up", "birthday", "check-in", "give-back"} <= set(load_sources())
    assert {"contact", "touch", "follow-up", "value", "pitch"} <= set(load_kinds())


def test_the_wheel_installs_only_kith(tmp_path):
    """`pip install .` adds the kith package and its dist-info to site-packages, nothing else."""
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = tmp_path.glob("kith-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/", 1)[0] for n in names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"kith"}
    assert any(t.startswith("kith-") and t.endswith(".dist-info") for t in tops)
    # The code, the styles and the migrations all ship; the editable links and tests do not.
    assert "kith/store/core/db.py" in names and "kith/tui/cli/main.py" in names
    assert "kith/tui/styles/app.tcss" in names and "kith/store/core/migrations/m0001_initial.py" in names
    assert not any(n.startswith(("kith/editable", "kith/tests", "kith/kith")) for n in names)
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "kith = kith.tui.cli.main:entry" in zipfile.ZipFile(wheel).read(entry).decode()
