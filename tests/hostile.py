"""Loads tests/fixtures/hostile-strings.txt as (id, string) pairs."""

import ast

from tests.conftest import FIXTURES


def hostile_strings() -> list[tuple[str, str]]:
    rows = []
    for line in (FIXTURES / "hostile-strings.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ident, _category, literal_expr, _what = line.split("\t")
        rows.append((ident, ast.literal_eval(literal_expr)))
    return rows
