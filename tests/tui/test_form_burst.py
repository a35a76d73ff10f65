"""Keys that arrive in one burst (fast typing, a paste) land in the field Enter moved to."""

from __future__ import annotations

from textual import events
from textual.app import _character_to_key

from kith.store.people.contacts import create_contact, get_contact, list_contacts
from kith.store.people.touches import list_touches
from kith.tui.modals.contact_form import ContactFormModal
from kith.tui.screens.today import TodayScreen

SIZE = (80, 24)
KEY_NAMES = {"enter", "ctrl+s"}


def _events(*parts: str) -> list[events.Key]:
    """Key events for key names and plain text (each character of a text becomes a key)."""
    out = []
    for part in parts:
        keys = [part] if part in KEY_NAMES else list(part)
        for key in keys:
            name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
            out.append(events.Key(name, key if len(key) == 1 else None))
    return out


async def burst(pilot, *parts: str) -> None:
    """Send every key at once, as a terminal delivers a paste or fast typing, then let the app settle.

    ``pilot.press`` waits for the app to go idle after each key, which hides the bug.
    """
    app = pilot.app
    for event in _events(*parts):
        event.set_sender(app)
        app._driver.send_message(event)
    await pilot.pause()
    await pilot.pause()


async def test_a_burst_after_enter_in_the_contact_form_edits_the_next_field(make_app, db):
    ada = create_contact("Ada Lovelace", company="Analytical")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "down", "e")
        await pilot.pause()
        assert isinstance(app.screen, ContactFormModal) and app.focused.id == "name"
        # ctrl+u is left out: Textual runs an Input's own key bindings after the keys queued behind them.
        await burst(pilot, "enter", " Umbrella Labs4", "ctrl+s")
        assert not isinstance(app.screen, ContactFormModal)
        saved = get_contact(ada.id)
        assert (saved.name, saved.company) == ("Ada Lovelace", "Analytical Umbrella Labs4")


async def test_a_burst_typing_a_new_contact_fills_name_company_and_role(make_app, db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "n")
        await pilot.pause()
        await burst(pilot, "Zed Test", "enter", "Acme Corp", "enter", "CTO", "ctrl+s")
        assert not isinstance(app.screen, ContactFormModal)
        [zed] = list_contacts()
        assert (zed.name, zed.company, zed.role) == ("Zed Test", "Acme Corp", "CTO")


async def test_a_burst_after_enter_in_a_saving_form_does_not_reach_the_saved_note(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        item = app.screen.current_item()
        before = len(list_touches(item.contact_id))
        await pilot.press("l")
        await pilot.pause()
        await burst(pilot, "lunch", "enter", "xyz")
        assert isinstance(app.screen, TodayScreen)
        touches = list_touches(item.contact_id)
        assert len(touches) == before + 1 and touches[0].note == "lunch"
