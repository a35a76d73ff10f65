"""The contact form refuses NUL and lone surrogates inline (the store's text rule), saving nothing."""

from kith.store.people.contacts import list_rows
from kith.tui.modals.contact_form import ContactFormModal

SIZE = (80, 24)


async def test_contact_form_refuses_nul_and_a_surrogate_inline(make_app, db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "n")
        form = app.screen
        assert isinstance(form, ContactFormModal)
        await pilot.press(*"Ann")
        form.query_one("#company").value = "Ac\x00me"  # as a paste would bring it
        form.query_one("#notes").load_text("fine \udcff")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "NUL" in str(form.query_one("#error-company").render())
        assert "UTF-8" in str(form.query_one("#error-notes").render())
        assert list_rows() == []
        form.query_one("#company").value = "Acme"
        form.query_one("#notes").load_text("fine")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [r.name for r in list_rows()] == ["Ann"]
