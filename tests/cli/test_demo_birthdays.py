"""The demo network's birthdays are whole (month and day) or absent, never a day alone."""

import json


def test_every_demo_birthday_has_a_month_and_a_day_or_neither(run_kith):
    assert run_kith("demo").code == 0
    contacts = json.loads(run_kith("contacts", "--json", "--archived").out)
    with_birthday = 0
    for c in contacts:
        shown = json.loads(run_kith("show", f"#{c['id']}", "--json").out)
        assert (shown["birthday_month"] is None) == (shown["birthday_day"] is None), shown["name"]
        with_birthday += shown["birthday_month"] is not None
    assert 0 < with_birthday < len(contacts)
