"""The README's key table is the real one: every binding id, its keys and its description."""

from tests.tui.readme_keys import README, readme_table, rows, table


def test_every_binding_has_an_id_and_a_description():
    assert len(rows()) > 100
    assert all(does.strip() for _, _, does, _ in rows())


def test_readme_key_table_matches_the_bindings():
    # On failure: .venv/bin/python -m tests.tui.readme_keys --write
    assert readme_table(README.read_text(encoding="utf-8")) == table()
