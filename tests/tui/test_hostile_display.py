"""Hostile strings as name, company, tag and note: shown literally in the list, detail and a toast."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList, Static
from textual.widgets._toast import Toast

from kith.store.people.contacts import create_contact, get_contact, list_rows
from kith.tui.literal import is_unsafe_char, safe_text
from kith.tui.screens.contact_detail import ContactDetailScreen
from kith.tui.screens.contacts import ContactsScreen
from kith.tui.widgets.contact_list import ContactList
from tests.hostile import hostile_strings

HOSTILE = hostile_strings()


def test_the_sample_is_read():
    assert len(HOSTILE) >= 10
    assert any("[@click=" in text for _, text in HOSTILE)


def _visible(text: str) -> str:
    return safe_text(text)


def _screen_text(screen) -> str:
    parts = [str(w.render()) for w in screen.query(Static)]
    for options in screen.query(OptionList):
        parts += [str(o.prompt) for o in options.options]
    return "\n".join(parts)


def _assert_inert(text: str) -> None:
    assert not any(is_unsafe_char(ch) and ch not in "\n" for ch in text), repr(text)


def _add(ident: str, text: str):
    """The contact carrying ``text`` everywhere (NUL written behind the store's back), with a touch."""
    from kith.store.core.clock import today
    from kith.store.people.touches import log_touch

    clean = text.replace("\x00", "")  # the store refuses NUL; another tool may still write one
    c = create_contact(f"{clean} {ident}", company=clean, tags=[clean], notes=f"note {clean} end")
    touch = log_touch(c.id, "coffee", today(), clean)
    if clean != text:
        from kith.store.core.db import db

        db.execute_sql("UPDATE contact SET name = ?, company = ?, notes = ? WHERE id = ?",
                       (f"{text} {ident}", text, f"note {text} end", c.id))
        db.execute_sql("UPDATE touch SET note = ? WHERE id = ?", (text, touch.id))
    return c


PARTS = 3  # the strings in three app sessions, so that both test workers share the work


@pytest.mark.parametrize("part", range(PARTS))
async def test_hostile_strings_render_literally(make_app, db, tmp_path, monkeypatch, part):
    """Every third hostile string in one app session (one start-up, not one per string): each one is
    the only contact while its turn lasts, then deleted."""
    from kith.store.people.contacts import delete_contact

    monkeypatch.chdir(tmp_path)  # a screenshot action, if it ran, would write here
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        for ident, text in HOSTILE[part::PARTS]:
            c = _add(ident, text)
            app.clear_notifications()
            try:
                await _shows_literally(pilot, app, c, ident, text, tmp_path)
            except AssertionError as exc:
                raise AssertionError(f"hostile string {ident}: {exc}") from exc
            while not isinstance(app.screen, ContactsScreen):
                await pilot.press("escape")
                await pilot.pause()
            await pilot.press("1")  # leave Contacts: entering it again starts from its filter
            await pilot.pause()
            delete_contact(c.id)


async def _shows_literally(pilot, app, c, ident: str, text: str, tmp_path) -> None:
    shown = _visible(text)
    await pilot.press("2")
    await pilot.pause()
    assert isinstance(app.screen, ContactsScreen)
    listing = app.screen.query_one(ContactList)
    lines = listing.visible_text()
    assert len(lines) == len(list_rows()) == 1
    row = lines[0]
    _assert_inert(row)
    # The list cuts long cells with an ellipsis; what is shown is a prefix of the literal text.
    head = shown[:8]
    assert head in row, (row, head)
    rendered = "".join(s.text for s in [listing.render_line(0)])
    assert head in rendered
    _assert_inert(rendered)

    # A click on the row must not run any [@click=...] action hidden in the name.
    await pilot.click(ContactList, offset=(4, 0))
    await pilot.pause()
    assert app.is_running and not list(tmp_path.glob("*.svg"))

    await pilot.press("enter")
    await pilot.pause()
    detail = app.screen
    assert isinstance(detail, ContactDetailScreen)
    text_on_screen = _screen_text(detail)
    for expected in (f"{shown} {ident}", shown, f"note {safe_text(text, multiline=True)} end"):
        assert expected in text_on_screen, expected
    _assert_inert(text_on_screen)
    await pilot.click("#heading", offset=(3, 0))
    await pilot.pause()
    assert app.is_running and not list(tmp_path.glob("*.svg"))

    # A toast naming the contact (log a touch from the detail).
    await pilot.press("l")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    toasts = [str(t.render()) for t in app.screen.query(Toast)]
    assert any(safe_text(f"{text} {ident}", limit=80) in t for t in toasts), toasts
    for t in toasts:
        _assert_inert(t)

    # The edit form shows the values literally and saves nothing it was not asked to.
    before = get_contact(c.id)
    await pilot.press("e")
    await pilot.pause()
    assert app.screen.query_one("#company").value == shown
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert get_contact(c.id) == before
