"""The Newsletter tab (Network, key 5): compose (with $EDITOR), preview the audience, copy the BCC
list, mark sent, undo, log a reply; snapshots at 80x24."""

from __future__ import annotations

import os
import stat

from textual.widgets import TextArea

from kith.store.core.db import db as conn
from kith.store.newsletter import get_issue, is_opted_out, list_issues, preview, recipients, replies
from kith.tui.config import Config
from kith.tui.config_sections import NewsletterConfig
from kith.tui.modals.confirm import ConfirmModal
from kith.tui.modals.newsletter_audience import NewsletterAudienceModal
from kith.tui.modals.newsletter_compose import NewsletterComposeModal
from kith.tui.modals.newsletter_send import NewsletterSendModal
from kith.tui.screens.network import NetworkScreen

SIZE = (80, 24)
DRAFT = 3
"""The demo's draft issue ("Winter notes"), first in the list: drafts come first."""


async def open_newsletter(pilot) -> NetworkScreen:
    await pilot.press("5")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, NetworkScreen)
    await pilot.press("down", "right", "right", "right", "right")  # into the Targets list, then tab by tab
    await pilot.pause()
    assert screen.active_tab() == "newsletter"
    return screen


def _touches(kind: str = "newsletter") -> int:
    return conn.execute_sql("SELECT count(*) FROM touch WHERE kind = ?", (kind,)).fetchone()[0]


async def test_compose_a_new_issue_saves_a_draft(make_app, demo_db):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_newsletter(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewsletterComposeModal)
        await pilot.press(*"Spring notes", "enter", *"Hello all", "tab", *"Intros please")
        await pilot.pause()
        audience = app.screen.query_one("#audience", TextArea)
        audience.text = "tier:close"
        await pilot.pause()
        assert "in ·" in str(app.screen.query_one("#count").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
    issue = list_issues()[0]
    assert (issue.subject, issue.body, issue.help, issue.audience, issue.sent_on) == (
        "Spring notes", "Hello all", "Intros please", "tier:close", None)


async def test_editor_key_runs_the_editor_and_its_text_comes_back(make_app, demo_db, tmp_path, monkeypatch):
    script = tmp_path / "fake-editor"
    seen = tmp_path / "seen.txt"
    script.write_text(f'#!/bin/sh\ncat "$1" > {seen}\nprintf "# From the editor\\n\\nWritten outside.\\n" > "$1"\n')
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("VISUAL", str(script))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_newsletter(pilot)
        await pilot.press("e")  # the draft, first in the list
        await pilot.pause()
        assert isinstance(app.screen, NewsletterComposeModal)
        await pilot.press("enter")  # to the body
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.screen.query_one("#body", TextArea).text == "# From the editor\n\nWritten outside.\n"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert seen.read_text() == "Draft: the year in review, what I am reading, and an ask.\n"  # it got the body
    assert get_issue(DRAFT).body == "# From the editor\n\nWritten outside.\n"
    assert not [p for p in os.listdir(tmp_path) if p.startswith("kith-")]


async def test_preview_the_audience_and_opt_someone_out_then_undo(make_app, demo_db, fixed_today):
    found = preview(get_issue(DRAFT), fixed_today)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_newsletter(pilot)
        await pilot.press("p")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, NewsletterAudienceModal)
        assert found.summary() in str(modal.query_one("#summary").render())
        first = found.inside[0]
        await pilot.press("O")  # the first person in
        await pilot.pause()
        assert is_opted_out(first.contact_id)
        assert f"{len(found.inside) - 1} in" in str(modal.query_one("#summary").render())
        await pilot.press("O")  # O again: back in (undo waits until the dialog is closed)
        await pilot.pause()
        assert not is_opted_out(first.contact_id)
        await pilot.press("O", "escape")
        await pilot.pause()
        assert isinstance(app.screen, NetworkScreen) and is_opted_out(first.contact_id)
        await pilot.press("u")
        await pilot.pause()
        assert not is_opted_out(first.contact_id)


async def test_copy_the_bcc_list_in_batches(make_app, demo_db, fixed_today, config):
    emails = preview(get_issue(DRAFT), fixed_today).emails
    cfg = Config(newsletter=NewsletterConfig(batch_size=10))
    app = make_app(cfg=cfg)
    async with app.run_test(size=SIZE) as pilot:
        await open_newsletter(pilot)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, NewsletterSendModal)
        await pilot.press("b")
        assert app.clipboard == ", ".join(emails[:10])
        await pilot.press("right", "b")
        assert app.clipboard == ", ".join(emails[10:20])
        await pilot.press("t")
        assert app.clipboard == get_issue(DRAFT).subject
        await pilot.press("i")
        assert app.clipboard.startswith("mailto:?bcc=") and "subject=Winter%20notes" in app.clipboard
        await pilot.press("w")
        await pilot.pause()
        path = app.screen.query_one("#path").value
        await pilot.press("enter")
        await pilot.pause()
    with open(path, encoding="utf-8") as f:
        assert f.read().splitlines() == [", ".join(emails[i:i + 10]) for i in range(0, len(emails), 10)]
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


async def test_mark_sent_log_a_reply_and_undo(make_app, demo_db, fixed_today):
    expected = len(preview(get_issue(DRAFT), fixed_today).inside)
    before = _touches()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_newsletter(pilot)
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert get_issue(DRAFT).sent_on == fixed_today
        assert _touches() == before + expected == before + len(recipients(DRAFT))
        screen = app.screen
        assert screen.pane().selected_id() == DRAFT
        await pilot.press("tab", "down")  # the second recipient
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        [reply] = replies(DRAFT)
        assert reply.contact_id == screen.pane().people[0]  # who replied is listed first now
        await pilot.press("u")  # the reply
        await pilot.pause()
        assert replies(DRAFT) == []
        await pilot.press("u")  # the send
        await pilot.pause()
    assert get_issue(DRAFT).sent_on is None and _touches() == before and recipients(DRAFT) == []


def _on_newsletter_tab(*keys):
    async def run_before(pilot) -> None:
        await pilot.press("5")
        await pilot.pause()
        await pilot.press("down", "right", "right", "right", "right")
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.pause()
    return run_before


def test_newsletter_tab_snapshot(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_on_newsletter_tab())


def test_newsletter_sent_issue_snapshot(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_on_newsletter_tab("down"))


def test_newsletter_compose_snapshot(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_on_newsletter_tab("e"))


def test_newsletter_audience_snapshot(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_on_newsletter_tab("p"))


def test_newsletter_send_snapshot(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_on_newsletter_tab("b"))
