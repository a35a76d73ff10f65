"""Provides ``kith pitch time``, ``kith pitch list`` and ``kith pitch show`` (no Textual import)."""

from __future__ import annotations

import argparse
import os
import stat
import sys

from kith.tui.cli.common import CliError, Context, dump_json, say
from kith.tui.literal import plural

MAX_INPUT = 1_000_000
"""Bytes read by ``kith pitch time``: far beyond any pitch, small enough to stay instant."""


def register(sub, common) -> None:
    """Add this area's subcommands to the parser."""
    p = sub.add_parser("pitch", parents=[common], help="time a text; list and show your pitches and taglines")
    actions = p.add_subparsers(dest="pitch_command", metavar="ACTION")
    p.set_defaults(func=_need_action(p))

    t = actions.add_parser("time", parents=[common], help="print words, characters and speaking time of a text")
    t.add_argument("file", nargs="?", default="-", metavar="FILE|-", help="a text file, or - for stdin (default)")
    t.add_argument("--wpm", type=int, default=None, metavar="N",
                   help="words per minute (default: brand.words_per_minute in the config, 130)")
    t.add_argument("--json", action="store_true")
    t.set_defaults(func=cmd_time)

    ls = actions.add_parser("list", parents=[common], help="list your pitches and taglines")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_list)

    sh = actions.add_parser("show", parents=[common], help="print one pitch with its figures")
    sh.add_argument("name", metavar="NAME", help="a pitch name (or part of it) or #id")
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(func=cmd_show)


def _need_action(parser: argparse.ArgumentParser):
    def run(args, ctx) -> int:
        raise CliError("say what to do: kith pitch time|list|show (see kith pitch --help)")

    return run


def _read_input(name: str) -> str:
    if name == "-":
        data = sys.stdin.buffer.read(MAX_INPUT + 1)
        where = "stdin"
    else:
        try:
            st = os.stat(name)
        except OSError as exc:
            raise CliError(f"cannot read {name}: {exc.strerror}") from None
        if not stat.S_ISREG(st.st_mode):
            raise CliError(f"{name} is not a regular file")
        try:
            with open(name, "rb") as f:
                data = f.read(MAX_INPUT + 1)
        except OSError as exc:
            raise CliError(f"cannot read {name}: {exc.strerror}") from None
        where = name
    if len(data) > MAX_INPUT:
        raise CliError(f"{where} is larger than {MAX_INPUT:,} bytes; a pitch is much shorter")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CliError(f"{where} is not UTF-8 text (byte {exc.start})") from None


def _figures(text: str, wpm: int, slow: int, fast: int) -> dict:
    from kith.store.brand.wordcount import compute

    f = compute(text, wpm, slow, fast)
    return {
        "words": f.words, "characters": f.chars, "seconds": round(f.seconds, 1), "wpm": wpm,
        "slow": {"wpm": slow, "seconds": round(f.slow_seconds, 1)},
        "fast": {"wpm": fast, "seconds": round(f.fast_seconds, 1)},
    }


def _line(fig: dict) -> str:
    from kith.store.brand.wordcount import format_duration

    return (f"{fig['words']} words, {fig['characters']} characters, {fig['seconds']:g} s "
            f"({format_duration(fig['seconds'])}) at {fig['wpm']} wpm; "
            f"slow {fig['slow']['seconds']:g} s at {fig['slow']['wpm']}, "
            f"fast {fig['fast']['seconds']:g} s at {fig['fast']['wpm']}")


def cmd_time(args: argparse.Namespace, ctx: Context) -> int:
    brand = ctx.config.brand
    wpm = brand.words_per_minute if args.wpm is None else args.wpm
    if not 40 <= wpm <= 400:
        raise CliError(f"--wpm must be between 40 and 400, not {wpm}")
    fig = _figures(_read_input(args.file), wpm, brand.slow_words_per_minute, brand.fast_words_per_minute)
    if args.json:
        dump_json(fig)
    else:
        say(_line(fig))
    return 0


def _target(p) -> str:
    return p.target_label


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.brand.pitches import list_pitches
    from kith.store.brand.wordcount import count_chars, count_words, format_duration, seconds_for

    ctx.open()
    wpm = ctx.config.brand.words_per_minute
    rows = []
    for p in list_pitches():
        words = count_words(p.text)
        rows.append({"id": p.id, "name": p.name, "channel": p.channel, "target_seconds": p.target_seconds,
                     "char_limit": p.char_limit, "words": words, "characters": count_chars(p.text),
                     "seconds": round(seconds_for(words, wpm), 1), "versions": p.versions,
                     "has_draft": p.draft is not None, "updated": p.updated})
    if args.json:
        dump_json(rows)
        return 0
    if not rows:
        say("no pitches yet: open kith and press 4 (Brand), then n")
        return 0
    for r in rows:
        size = (f"{r['characters']}/{r['char_limit']} chars" if r["char_limit"]
                else f"{format_duration(r['seconds'])}/{r['target_seconds'] or 'any'}"
                     f"{' s' if r['target_seconds'] else ''}")
        say(f"#{r['id']:<4}", r["name"], f"[{r['channel']}]", f"{r['words']} words, {size},",
            f"v{r['versions']}" + (" +draft" if r["has_draft"] else ""))
    return 0


def cmd_show(args: argparse.Namespace, ctx: Context) -> int:
    from kith.store.brand.pitches import list_rehearsals, resolve_pitch
    from kith.store.core.errors import Ambiguous, NotFound
    from kith.tui.literal import safe_text

    ctx.open()
    try:
        p = resolve_pitch(args.name)
    except NotFound as exc:
        raise CliError(str(exc)) from None
    except Ambiguous as exc:
        names = ", ".join(f"#{c.id} {safe_text(c.name)}" for c in exc.candidates)
        raise CliError(f"{exc}: {names}") from None
    brand = ctx.config.brand
    fig = _figures(p.text, brand.words_per_minute, brand.slow_words_per_minute, brand.fast_words_per_minute)
    rehearsals = list_rehearsals(p.id)
    if args.json:
        dump_json({"id": p.id, "name": p.name, "channel": p.channel, "target_seconds": p.target_seconds,
                   "char_limit": p.char_limit, "versions": p.versions, "text": p.text, "draft": p.draft,
                   "figures": fig,
                   "rehearsals": [{"on": r.created, "seconds": r.seconds, "words": r.words,
                                   "wpm": round(r.wpm, 1)} for r in rehearsals]})
        return 0
    say(p.name, f"[{p.channel}] target {p.target_label}, version {p.versions}"
        + (" (an unsaved draft exists)" if p.draft is not None else ""))
    say(_line(fig))
    print()
    for line in (p.text or "(empty)").split("\n"):
        say(line)
    if rehearsals:
        print()
        best = min(rehearsals, key=lambda r: abs(r.seconds - (p.target_seconds or r.seconds)))
        say(f"{plural(len(rehearsals), 'rehearsal')}; last {rehearsals[0].seconds:.1f} s at {rehearsals[0].wpm:.0f} wpm"
            + (f"; closest to target {best.seconds:.1f} s" if p.target_seconds else ""))
    return 0
