"""Provides the Config dataclass and load_config(): TOML in, a validated, frozen Config out.

The lookup order is ``--config``, then ``$KITH_CONFIG``, then the platform's config folder.
A missing file means defaults; any bad line raises ConfigError naming file, line and key.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from kith.tui.binding_ids import THEMES
from kith.tui.config_areas import (  # noqa: F401 (re-exported: callers import them from here)
    WEEKDAYS,
    ConversationsConfig,
    PerceptionConfig,
    QualityConfig,
)
from kith.tui.config_sections import (
    CareerConfig,
    NetworkConfig,
    NewsletterConfig,
    VolunteeringConfig,
    read_career,
    read_network,
    read_newsletter,
    read_sources_off,
    read_volunteering,
)
from kith.tui.paths import config_path, database_file, default_data_dir  # noqa: F401 (re-exported)

DEFAULT_TIERS = {"inner": 14, "close": 30, "network": 90, "dormant": 0}
MODES = ("steady", "job-search")


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file, line and key."""


@dataclass(frozen=True)
class TodayConfig:
    due_soon_days: int = 7
    """A contact whose next touch is this many days away or fewer shows as due soon."""
    job_search_cadence_factor: float = 0.5
    """In job-search mode every tier cadence is multiplied by this (0.5 halves them)."""
    job_search_interviews_per_day: int = 1
    """In job-search mode, the daily target of informational interviews."""
    job_search_outreach_per_day: int = 3
    """In job-search mode, the daily target of other touches (outreach)."""
    sources_off: tuple[str, ...] = ()  # Today sources never asked, e.g. ("birthday", "stale-skill")
    slow_per_day: int = 3  # at most this many slow nudges a day (each slow source on one weekday only)


@dataclass(frozen=True)
class MentorsConfig:
    give_back_margin: int = 3
    """Received minus given at which the Today queue suggests giving back."""
    give_back_after_days: int = 60
    """Days without giving anything back after which the queue suggests it."""
    check_in_days: int = 14
    """Default check-in cadence of a new accountability partner."""


@dataclass(frozen=True)
class BrandConfig:
    words_per_minute: int = 130
    """Your speaking pace, used for every speaking-time figure."""
    slow_words_per_minute: int = 110
    """The slow pace shown beside yours."""
    fast_words_per_minute: int = 160
    """The fast pace shown beside yours."""


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    """The file this config was read from, if any."""
    database: str = ""
    """Database file; empty means the platform's data folder. ``--db`` and ``$KITH_DB`` win."""
    time_zone: str = ""
    """IANA time zone for "today" (e.g. ``Europe/Berlin``); empty means the machine's."""
    theme: str = "textual-dark"
    """Textual theme name."""
    mode: str = "steady"
    """``steady`` or ``job-search``: job search tightens cadences and sets daily targets."""
    tiers: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_TIERS))
    """Tier name -> default cadence in days (0: no cadence). Order is the order shown."""
    today: TodayConfig = field(default_factory=TodayConfig)
    mentors: MentorsConfig = field(default_factory=MentorsConfig)
    brand: BrandConfig = field(default_factory=BrandConfig)
    perception: PerceptionConfig = field(default_factory=PerceptionConfig)
    conversations: ConversationsConfig = field(default_factory=ConversationsConfig)
    career: CareerConfig = field(default_factory=CareerConfig)
    network: NetworkConfig = field(default_factory=NetworkConfig)
    quality: QualityConfig = field(default_factory=QualityConfig)
    newsletter: NewsletterConfig = field(default_factory=NewsletterConfig)
    volunteering: VolunteeringConfig = field(default_factory=VolunteeringConfig)
    keys: dict[str, str] = field(default_factory=dict)
    """Binding id -> keys, e.g. ``log-touch = "t"``, to remap keys."""

    def cadence_for(self, tier: str, own: int | None = None) -> int | None:
        """Days between touches for a contact: its own, else its tier's (mode-adjusted); None = never."""
        days = own if own is not None else self.tiers.get(tier, 0)
        if not days:
            return None
        if self.mode == "job-search" and own is None:
            days = max(1, round(days * self.today.job_search_cadence_factor))
        return days


def database_path(config: Config, cli_path: str | None = None) -> Path:
    """Return the database file in force: ``--db``, ``$KITH_DB``, the config, or the default.

    Raises:
        ConfigError: ``--db ""`` (an empty path would silently mean the default database).
    """
    if cli_path is not None and not cli_path.strip():
        raise ConfigError('--db needs a file path, not an empty string')
    return database_file(cli_path, config.database)


def _line_of(text: str, section: str, key: str) -> int | None:
    """Best-effort line number of ``key`` inside ``[section]`` (tomllib gives no positions)."""
    current = ""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        header = re.match(r"^\[\s*([^\]]+?)\s*\]", stripped)
        if header:
            current = header.group(1).replace('"', "")
            if current == (f"{section}.{key}" if section else key):
                return number  # the key is a [table] of its own
            continue
        if current == section and re.match(rf'^"?{re.escape(key)}"?\s*=', stripped):
            return number
    return None


class _Reader:
    def __init__(self, path: Path, text: str, data: dict) -> None:
        self.path, self.text, self.data = path, text, data

    def fail(self, section: str, key: str, message: str) -> ConfigError:
        line = _line_of(self.text, section, key)
        where = f"{self.path}:{line}" if line else str(self.path)
        dotted = f"{section}.{key}" if section else key
        return ConfigError(f"{where}: {dotted}: {message}")

    def table(self, section: str, allowed: set[str] | None) -> dict:
        parent, _, name = section.rpartition(".")
        holder = self.data if not parent else self.data.get(parent, {})
        value = holder.get(name, {}) if name else self.data
        if not isinstance(value, dict):
            raise self.fail(parent, name, "must be a table like [" + section + "]")
        if allowed is not None:
            for key in value:
                if key not in allowed:
                    raise self.fail(section, key, f"unknown key (known: {', '.join(sorted(allowed))})")
        return value

    def get(self, section: str, key: str, kind, default, low=None, high=None, choices=None):
        table = self.table(section, None) if section else self.data
        if key not in table:
            return default
        value = table[key]
        if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise self.fail(section, key, f"must be a whole number, not {value!r}")
        if kind is float and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise self.fail(section, key, f"must be a number, not {value!r}")
        if kind is bool and not isinstance(value, bool):
            raise self.fail(section, key, f"must be true or false, not {value!r}")
        if kind is str and not isinstance(value, str):
            raise self.fail(section, key, f'must be text in quotes, not {value!r}')
        if low is not None and value < low or high is not None and value > high:
            raise self.fail(section, key, f"must be between {low} and {high}, not {value!r}")
        if choices and value not in choices:
            raise self.fail(section, key, f"must be one of {', '.join(choices)}, not {value!r}")
        return kind(value)


def _check_keys(r: _Reader, keys: dict[str, str]) -> None:
    """Refuse an unknown binding id, a key that is not a key, and two bindings on one key."""
    import difflib

    from kith.tui.binding_ids import APP_OWNER, BINDINGS, EXCLUSIVE, key_problem

    for bid, value in keys.items():
        if bid not in BINDINGS:
            close = difflib.get_close_matches(bid, list(BINDINGS), n=1)
            hint = f"did you mean {close[0]}?" if close else "the ids are in the README's keys table"
            raise r.fail("keys", bid, f"unknown binding id ({hint})")
        parts = [p.strip() for p in value.split(",")]
        if not all(parts):
            raise r.fail("keys", bid, f'needs keys like "t" or "ctrl+t,f2", not {value!r}')
        for part in parts:
            problem = key_problem(part)
            if problem:
                raise r.fail("keys", bid, problem)
    effective = {bid: {p.strip() for p in keys.get(bid, default).split(",")} for bid, (_, default) in BINDINGS.items()}
    for bid in keys:
        owner = BINDINGS[bid][0]
        for other, (other_owner, _) in BINDINGS.items():
            # Active at the same time: the same screen (or widget), or a global key and a screen's
            # (a modal's own keys may shadow global ones on purpose: q closes help).
            together = owner == other_owner or {owner, other_owner} & {APP_OWNER} and (
                owner.endswith("Screen") or other_owner.endswith("Screen"))
            if other == bid or not together or frozenset({bid, other}) in EXCLUSIVE:
                continue
            shared = effective[bid] & effective[other]
            if shared:
                raise r.fail("keys", bid, f"{sorted(shared)[0]!r} is also the key of {other}; "
                                          "two bindings cannot share a key")


TOP_KEYS = {"database", "time_zone", "theme", "mode", "tiers", "today", "mentors", "brand", "perception", "quality",
            "conversations", "career", "network", "newsletter", "volunteering", "keys"}


def _conversation_sources(r: _Reader) -> tuple[str, ...]:
    from kith.store.conversations.names import TODAY_SOURCES  # constants only: no database, no Textual

    names = r.table("conversations", None).get("today_off", [])
    if not isinstance(names, list) or not all(isinstance(n, str) and n in TODAY_SOURCES for n in names):
        raise r.fail("conversations", "today_off", f"must be a list of any of: {', '.join(TODAY_SOURCES)}")
    return tuple(names)


def load_config(cli_path: str | None = None) -> Config:
    """Read and validate the config file in force; a missing file gives the defaults.

    Raises:
        ConfigError: unreadable file, TOML syntax error, unknown key or bad value.
    """
    path = config_path(cli_path)
    if not path.exists():
        if cli_path or os.environ.get("KITH_CONFIG"):
            raise ConfigError(f"{path}: no such config file")
        return Config()
    import tomllib  # only when there is a file: `kith find` starts without it

    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        where = f"{path}:{match.group(1)}" if match else str(path)
        raise ConfigError(f"{where}: not valid TOML ({exc})") from None
    except (OSError, UnicodeDecodeError, RecursionError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc.__class__.__name__}: {exc})") from None
    r = _Reader(path, text, data)
    r.table("", TOP_KEYS)
    tiers_table = r.table("tiers", None)
    tiers = dict(DEFAULT_TIERS) if not tiers_table else {}
    for name in tiers_table:
        if not re.match(r"^[a-z][a-z0-9_-]{0,30}$", name):
            raise r.fail("tiers", name, "tier names are lower-case letters, digits, - or _")
        tiers[name] = r.get("tiers", name, int, 0, 0, 3650)
    time_zone = r.get("", "time_zone", str, "")
    if time_zone:
        from zoneinfo import ZoneInfo

        try:
            ZoneInfo(time_zone)
        except Exception:
            raise r.fail("", "time_zone", f"unknown time zone {time_zone!r} (e.g. Europe/Berlin)") from None
    r.table("today", {f for f in TodayConfig.__dataclass_fields__})
    today = TodayConfig(
        due_soon_days=r.get("today", "due_soon_days", int, 7, 0, 365),
        job_search_cadence_factor=r.get("today", "job_search_cadence_factor", float, 0.5, 0.05, 1.0),
        job_search_interviews_per_day=r.get("today", "job_search_interviews_per_day", int, 1, 0, 50),
        job_search_outreach_per_day=r.get("today", "job_search_outreach_per_day", int, 3, 0, 200),
        sources_off=read_sources_off(r), slow_per_day=r.get("today", "slow_per_day", int, 3, 0, 50),
    )
    r.table("mentors", {f for f in MentorsConfig.__dataclass_fields__})
    mentors = MentorsConfig(
        give_back_margin=r.get("mentors", "give_back_margin", int, 3, 1, 100),
        give_back_after_days=r.get("mentors", "give_back_after_days", int, 60, 1, 3650),
        check_in_days=r.get("mentors", "check_in_days", int, 14, 1, 365),
    )
    r.table("brand", {f for f in BrandConfig.__dataclass_fields__})
    brand = BrandConfig(
        words_per_minute=r.get("brand", "words_per_minute", int, 130, 40, 400),
        slow_words_per_minute=r.get("brand", "slow_words_per_minute", int, 110, 40, 400),
        fast_words_per_minute=r.get("brand", "fast_words_per_minute", int, 160, 40, 400),
    )
    r.table("perception", {f for f in PerceptionConfig.__dataclass_fields__})
    perception = PerceptionConfig(
        answer_overdue_days=r.get("perception", "answer_overdue_days", int, 14, 1, 365),
        thank_you=r.get("perception", "thank_you", bool, True),
        review_after_days=r.get("perception", "review_after_days", int, 90, 1, 3650),
        feedback_nudge=r.get("perception", "feedback_nudge", bool, True),
        review_nudge=r.get("perception", "review_nudge", bool, True),
    )
    r.table("conversations", {f for f in ConversationsConfig.__dataclass_fields__})
    conversations = ConversationsConfig(**{
        key: r.get("conversations", key, int, default, 0, 365 if key.startswith("thank") else 100)
        for key, default in ConversationsConfig().__dict__.items() if key != "today_off"},
        today_off=_conversation_sources(r))
    network = read_network(r)
    career, quality = read_career(r), _quality(r)
    keys_table = r.table("keys", None)
    keys = {k: r.get("keys", k, str, "") for k in keys_table}
    _check_keys(r, keys)
    theme = r.get("", "theme", str, "textual-dark")
    if theme not in THEMES:
        raise r.fail("", "theme", f"unknown theme {theme!r} (one of: {', '.join(THEMES)})")
    return Config(
        path=path, database=r.get("", "database", str, ""), time_zone=time_zone, theme=theme,
        mode=r.get("", "mode", str, "steady", choices=MODES),
        tiers=tiers, today=today, mentors=mentors, brand=brand, perception=perception, quality=quality,
        conversations=conversations, career=career, network=network, keys=keys,
        newsletter=read_newsletter(r, tiers),
        volunteering=read_volunteering(r),
    )


def _quality(r: _Reader) -> QualityConfig:
    table = r.table("quality", {f for f in QualityConfig.__dataclass_fields__})
    focus = {}
    for kind in ("profession", "industry", "geography"):
        value = table.get(kind, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise r.fail("quality", kind, 'must be a list of names like ["fintech", "payments=2"]')
        focus[kind] = tuple(value)
        for text in value:
            name, _, weight = text.rpartition("=") if "=" in text else (text, "", "")
            try:
                if weight and not 0.1 <= float(weight) <= 10:
                    raise ValueError
            except ValueError:
                raise r.fail("quality", kind, f"{text!r}: the weight after = must be from 0.1 to 10") from None
    return QualityConfig(
        **focus,
        relevance_weight=r.get("quality", "relevance_weight", float, 0.5, 0.0, 5.0),
        strength_weight=r.get("quality", "strength_weight", float, 0.0, 0.0, 5.0),
        weekly_review_day=r.get("quality", "weekly_review_day", str, "monday", choices=WEEKDAYS),
        week_streak_touches=r.get("quality", "week_streak_touches", int, 3, 1, 1000),
        give_take_days=r.get("quality", "give_take_days", int, 90, 7, 3650),
        help_nudges=r.get("quality", "help_nudges", bool, True),
        receive_margin=r.get("quality", "receive_margin", int, 3, 0, 100),
    )
