"""Pilot and snapshot tests of the brand studio: editor, live figures, drafts, versions, rehearsal."""

from __future__ import annotations

import os
import tomllib

import pytest

from kith.store.brand.pitches import (
    create_pitch,
    get_pitch,
    list_rehearsals,
    list_versions,
    resolve_pitch,
    save_version,
)
from kith.tui.config import ConfigError, load_config
from kith.tui.config_write import save_pace, set_config_value
from kith.tui.modals.pitch_edit import PitchEditModal
from kith.tui.modals.pitch_versions import PitchVersionsModal, word_diff
from kith.tui.screens.brand import BrandScreen
from kith.tui.screens.rehearsal import RehearsalScreen

SIZE = (80, 24)


def figures_text(app) -> str:
    return str(app.screen.query_one("#figures").render())


async def test_typing_updates_the_live_figures_and_keeps_a_draft(make_app, db_file):
    pitch = create_pitch("Intro", "elevator pitch")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "e")
        assert isinstance(app.screen, BrandScreen)
        assert app.screen.query_one("#editor").has_focus
        await pilot.press(*"I'm Sam, a well-known engineer. 🚀")
        await pilot.pause()
        text = figures_text(app)
        assert "Words 5 " in text          # I'm · Sam, · a · well-known · engineer. (emoji: no word)
        assert "Time  0:02 at 130 wpm" in text
        assert "under" in text             # 2 s of a 30 s target
        app.screen.save_draft()
        assert get_pitch(pitch.id).draft == "I'm Sam, a well-known engineer. 🚀"
        assert get_pitch(pitch.id).versions == 0
        await pilot.press("ctrl+s")
        await pilot.pause()
    p = get_pitch(pitch.id)
    assert p.text == "I'm Sam, a well-known engineer. 🚀" and p.draft is None and p.versions == 1


async def test_hang_up_saves_the_draft(make_app, db_file):
    pitch = create_pitch("Intro", "elevator pitch", "Saved.")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "e", "end", *" Typing")
        await pilot.pause()
        app.save_drafts()  # what SIGHUP and SIGTERM run first (tests/tui/test_terminal.py covers the signals)
    assert get_pitch(pitch.id).draft == "Saved. Typing"
    assert get_pitch(pitch.id).text == "Saved."


async def test_draft_comes_back_on_the_next_start(make_app, db_file):
    pitch = create_pitch("Intro", "elevator pitch", "Saved.")
    from kith.store.brand.pitches import save_draft

    save_draft(pitch.id, "Saved. And unsaved words")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert app.screen.query_one("#editor").text == "Saved. And unsaved words"
        assert "unsaved" in str(app.screen.query_one("#editor").border_subtitle)


async def test_new_pitch_from_the_modal(make_app, db_file):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n")
        assert isinstance(app.screen, PitchEditModal)
        await pilot.press(*"Headline")
        app.screen.query_one("#channel").value = "social headline"
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BrandScreen)
        await pilot.press(*"Data engineer")
        await pilot.press("ctrl+s")
        await pilot.pause()
    p = resolve_pitch("Headline")
    assert (p.channel, p.char_limit, p.text, p.versions) == ("social headline", 220, "Data engineer", 1)


async def test_duplicate_name_reopens_the_modal_with_the_message(make_app, db_file):
    create_pitch("Intro", "custom")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "n", *"intro", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PitchEditModal)
        assert "already exists" in str(app.screen.query_one("#error").render())
        assert app.screen.query_one("#name").value == "intro"


async def test_questions_are_added_as_sections(make_app, db_file):
    create_pitch("Intro", "elevator pitch", "I'm Sam.")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "e", "ctrl+b")
        await pilot.pause()
        text = app.screen.query_one("#editor").text
        assert text.startswith("I'm Sam.\n\n# Who are you?")
        assert "# What value do you bring?" in text
        assert "✗who" in figures_text(app)
        await pilot.press(*"Sam, data engineer")
        await pilot.pause()
        assert "✓who ✗do" in figures_text(app)


async def test_versions_compare_and_restore(make_app, db_file):
    pitch = create_pitch("Intro", "custom", "first take")
    save_version(pitch.id, "second take")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "v")
        await pilot.pause()
        assert isinstance(app.screen, PitchVersionsModal)
        await pilot.press("down", "r")
        await pilot.pause()
        assert isinstance(app.screen, BrandScreen)
        assert app.screen.query_one("#editor").text == "first take"
    assert [v.text for v in list_versions(pitch.id)] == ["first take", "second take", "first take"]


def test_word_diff():
    assert word_diff("a b c", "a x c d") == [("=", "a "), ("-", "b"), ("+", "x"), ("=", " c"), ("+", " d")]


async def test_rehearsal_records_and_saves_the_pace(make_app, demo_db, tmp_path):
    pitch = resolve_pitch("Elevator pitch")
    before = len(list_rehearsals(pitch.id))
    now = [100.0]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "r")
        assert isinstance(app.screen, RehearsalScreen)
        app.screen.clock = lambda: now[0]
        await pilot.press("space")
        now[0] += 30.0
        await pilot.press("space")
        await pilot.pause()
        assert "132 wpm" in str(app.screen.query_one("#status").render())   # 66 words in 30 s
        await pilot.press("p")
        await pilot.pause()
        assert app.config.brand.words_per_minute == 132
        await pilot.press("escape")
        await pilot.pause()
        assert "at 132 wpm" in figures_text(app)
    runs = list_rehearsals(pitch.id)
    assert len(runs) == before + 1 and runs[0].seconds == 30.0
    path = app.config.path
    assert load_config(str(path)).brand.words_per_minute == 132
    assert os.stat(path).st_mode & 0o777 == 0o600


async def test_a_slip_of_the_space_bar_is_not_kept(make_app, demo_db):
    pitch = resolve_pitch("Elevator pitch")
    before = len(list_rehearsals(pitch.id))
    now = [5.0]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "r")
        app.screen.clock = lambda: now[0]
        await pilot.press("space")
        now[0] += 0.4
        await pilot.press("space")
        await pilot.pause()
        assert "not kept" in str(app.screen.query_one("#status").render())
    assert len(list_rehearsals(pitch.id)) == before


# -- the config writer ----------------------------------------------------------------------------

def test_save_pace_keeps_other_keys_and_is_private(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\n[tiers]\ninner = 7\n[brand]\nslow_words_per_minute = 100\n')
    os.chmod(path, 0o644)
    save_pace(path, 141.4)
    data = tomllib.loads(path.read_text())
    assert data == {"theme": "nord", "tiers": {"inner": 7},
                    "brand": {"slow_words_per_minute": 100, "words_per_minute": 141}}
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]  # no temp file left


def test_save_pace_never_writes_through_a_symlink_and_creates_missing_files(tmp_path):
    real = tmp_path / "dotfiles" / "kith.toml"
    real.parent.mkdir()
    real.write_text("[brand]\nwords_per_minute = 120\n")
    link = tmp_path / "config.toml"
    link.symlink_to(real)
    with pytest.raises(ConfigError, match="symbolic link"):  # a planted link cannot redirect a write
        save_pace(link, 150)
    assert link.is_symlink() and tomllib.loads(real.read_text())["brand"]["words_per_minute"] == 120
    fresh = tmp_path / "new" / "config.toml"
    set_config_value(fresh, ("brand", "words_per_minute"), 125)
    assert load_config(str(fresh)).brand.words_per_minute == 125


def test_save_pace_refuses_a_broken_file_and_a_silly_pace(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("theme = [unclosed\n")
    with pytest.raises(ConfigError):
        save_pace(path, 130)
    assert path.read_text() == "theme = [unclosed\n"
    with pytest.raises(ConfigError):
        save_pace(tmp_path / "other.toml", 900)


# -- snapshots at 80x24 ---------------------------------------------------------------------------

def _select(downs: int):
    async def run_before(pilot):
        await pilot.press("4", *["down"] * downs)
        await pilot.pause()

    return run_before


def test_snapshot_editor_on_target(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_select(0))   # Elevator pitch, 30 s of 30


def test_snapshot_editor_over_target(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_select(6))   # Conference intro, 18 s of 15


def test_snapshot_editor_under_target(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_select(7))   # Opener, 10 s of 60


def test_snapshot_editor_written_limit(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_select(1))   # LinkedIn headline, 99/220


def test_snapshot_rehearsal(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, press=["4", "r"])


def test_snapshot_versions(snap_compare, make_app, demo_db):
    async def run_before(pilot):
        await pilot.press("4", "v")
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_snapshot_new_pitch_modal(snap_compare, make_app, demo_db):
    assert snap_compare(make_app(), terminal_size=SIZE, press=["4", "n"])


async def test_another_session_saving_never_clears_our_typing(make_app, db_file):
    pitch = create_pitch("Intro", "custom", "Saved.")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "e", "end", *" Mine")
        await pilot.pause()
        app.screen.save_draft()
        save_version(pitch.id, "Theirs.")  # another kith saves a version: our draft is cleared
        app.screen.reload()                 # what the app does when another process commits
        await pilot.pause()
        assert app.screen.query_one("#editor").text == "Saved. Mine"
        app.screen.save_draft()
    p = get_pitch(pitch.id)
    assert p.text == "Theirs." and p.draft == "Saved. Mine"


async def test_another_session_saving_updates_an_untouched_editor(make_app, db_file):
    pitch = create_pitch("Intro", "custom", "Saved.")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        save_version(pitch.id, "Theirs.")
        app.screen.reload()
        await pilot.pause()
        assert app.screen.query_one("#editor").text == "Theirs."


@pytest.mark.parametrize("visited_first", [False, True])
async def test_search_hit_opens_the_pitch(make_app, demo_db, visited_first):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        if visited_first:
            await pilot.press("4", "1")
        await pilot.press("slash", *"conference intro")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, BrandScreen)
        assert app.screen.query_one("#editor").text.startswith("Hi, I'm Sam.")


async def test_settings_keep_the_own_target_and_change_the_channel(make_app, db_file):
    pitch = create_pitch("Intro", "custom", "x", target_seconds=15)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "E")
        await pilot.pause()
        assert isinstance(app.screen, PitchEditModal)
        assert app.screen.query_one("#target").value == "15"
        await pilot.press("enter")
        await pilot.pause()
        assert get_pitch(pitch.id).target_seconds == 15
        await pilot.press("E")
        await pilot.pause()
        app.screen.query_one("#channel").value = "business card"
        await pilot.pause()
        assert app.screen.query_one("#chars").value == "100"
        await pilot.press("enter")
        await pilot.pause()
    p = get_pitch(pitch.id)
    assert (p.channel, p.target_seconds, p.char_limit) == ("business card", None, 100)


async def test_discard_draft_and_delete(make_app, db_file):
    pitch = create_pitch("Intro", "custom", "Saved.")
    from kith.store.brand.pitches import count_pitches
    from kith.store.brand.pitches import save_draft as store_draft

    store_draft(pitch.id, "Typing")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "u", "y")
        await pilot.pause()
        assert app.screen.query_one("#editor").text == "Saved."
        assert get_pitch(pitch.id).draft is None
        await pilot.press("delete", "y")
        await pilot.pause()
        assert "No pitch yet" in str(app.screen.query_one("#editor").border_title)
    assert count_pitches() == 0


async def test_pasted_escape_sequences_are_dropped(make_app, db_file):
    from textual.events import Paste

    pitch = create_pitch("Intro", "custom", "")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "e")
        editor = app.screen.query_one("#editor")
        editor.post_message(Paste("one\x1b]52;c;eA==\x07 two\u202e"))
        await pilot.pause()
        assert editor.text == "one]52;c;eA== two"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert get_pitch(pitch.id).text == "one]52;c;eA== two"
