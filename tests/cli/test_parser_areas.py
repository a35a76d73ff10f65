"""The command line builds only the area a short command needs: the map of commands to areas
(tui/cli/__init__.py COMMANDS) must name every subcommand each area registers, and nothing else."""

from __future__ import annotations

import argparse
import importlib

from kith.tui.cli import APP, AREAS, COMMANDS, build_parser, command_in


def test_every_command_maps_to_the_area_that_registers_it():
    found = {}
    for area in AREAS:
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers(dest="command")
        importlib.import_module(f"kith.tui.cli.{area}").register(sub, argparse.ArgumentParser(add_help=False))
        found.update(dict.fromkeys(sub.choices, area))
    assert found == COMMANDS
    assert set(build_parser().commands) == set(COMMANDS)


def test_a_short_command_builds_its_own_parsers_alike():
    for command in ("today", "prep", "find", "path"):
        only = build_parser(command).commands
        assert set(only) == {c for c, a in COMMANDS.items() if a == COMMANDS[command]}
        assert only[command].format_help() == build_parser().commands[command].format_help()


def test_command_in_skips_the_common_options():
    assert command_in(["--db", "x.db", "today", "--json"]) == "today"
    assert command_in(["--config=c.toml", "--db=today", "prep", "Ada"]) == "prep"
    for argv in ([], ["--db", "today"], ["--config=c.toml", "--db", "x.db"]):
        assert command_in(argv) == APP, argv  # the full-screen app
    for argv in (["--help"], ["--version"], ["nonsense"], ["-h", "today"], ["--db", "x", "--json"]):
        assert command_in(argv) is None, argv


def test_the_app_line_needs_no_subcommand_and_reads_the_same():
    for argv in ([], ["--db", "x.db"], ["--config=c.toml", "--db", "today"]):
        quick, full = build_parser(command_in(argv)).parse_args(argv), build_parser().parse_args(argv)
        assert vars(quick) == vars(full) and getattr(quick, "func", None) is None
    assert build_parser(APP).commands == {}
