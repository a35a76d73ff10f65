"""Pilot tests of triage: 20 imported contacts decided with about 45 keys, then the store."""

from __future__ import annotations

from kith.store.people.contacts import create_contact
from kith.store.quality.triage import card, queue
from kith.store.transfer.importers import import_file
from kith.tui.modals.triage import TriageModal, start_triage, tier_keys

SIZE = (80, 24)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def _import_twenty(tmp_path) -> list[int]:
    rows = [f"Person{n:02d},Lastname,,,Company {n},Role {n},14 Apr 2024\n" for n in range(20)]
    path = tmp_path / "Connections.csv"
    path.write_text(HEADER + "".join(rows))
    import_file("linkedin", path)
    return queue("added:last-import")


def test_tier_letters_avoid_keys_with_a_meaning():
    assert tier_keys(["inner", "close", "network", "dormant"]) == {"i": "inner", "c": "close", "w": "network",
                                                                  "o": "dormant"}


async def test_triage_twenty_imported_contacts_with_about_45_keys(make_app, db_file, tmp_path):
    create_contact("Old Friend", tags=["industry:fintech"])  # not in the last import: not triaged here
    ids = _import_twenty(tmp_path)
    assert len(ids) == 20
    app = make_app()
    keys: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        start_triage(app, "added:last-import")
        await pilot.pause()
        assert isinstance(app.screen, TriageModal)
        plan = []
        for n in range(20):
            if n % 5 == 4:
                plan.append(["a"])  # archive, next
            elif n % 5 == 3:
                plan.append(["t", "i", "right", "enter", "c"])  # tag "i" + completion, tier close
            elif n % 5 == 2:
                plan.append(["s"])  # skip
            elif n % 5 == 1:
                plan.append(["4", "y", "i"])  # strength 4, you invited, tier inner
            else:
                plan.append(["2", "w"])  # strength 2, tier network
        for step in plan:
            for key in step:
                keys.append(key)
                await pilot.press(key)
            await pilot.pause()
        assert len(keys) <= 50
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, TriageModal)
    assert queue("triaged:no added:last-import") == []
    for n, cid in enumerate(ids):
        c = card(cid)
        assert c.triaged_on is not None
        kind = n % 5
        assert c.archived == (kind == 4), c
        expected_tier = {0: "network", 1: "inner", 3: "close"}.get(kind, "network")
        assert c.tier == expected_tier, (n, c)
        assert (c.strength == {0: 2, 1: 4}.get(kind, 3)), (n, c)
        assert ("industry:fintech" in c.tags) == (kind == 3), (n, c)
        assert c.initiated_by == ("me" if kind == 1 else None)
    assert card(1).triaged_on is None  # "Old Friend" was not part of it


async def test_triage_back_and_undo(make_app, db_file, tmp_path):
    ids = _import_twenty(tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        start_triage(app, "added:last-import")
        await pilot.pause()
        await pilot.press("c", "b", "u")
        await pilot.pause()
        assert app.screen.index == 0
    first = card(ids[0])
    assert first.tier == "network" and first.triaged_on is None
