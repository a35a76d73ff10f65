"""Config loading: defaults, overrides, and one clear line for every broken file."""

import pytest

from kith.tui.config import Config, ConfigError, database_path, load_config


def write(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_missing_default_file_gives_defaults():
    cfg = load_config()
    assert cfg.tiers == {"inner": 14, "close": 30, "network": 90, "dormant": 0}
    assert cfg.brand.words_per_minute == 130 and cfg.mode == "steady"


def test_values_are_read(tmp_path):
    cfg = load_config(write(tmp_path, 'mode = "job-search"\ntime_zone = "Europe/Berlin"\n'
                                      '[tiers]\ninner = 7\nclose = 21\n[brand]\nwords_per_minute = 150\n'))
    assert cfg.tiers == {"inner": 7, "close": 21}
    assert (cfg.mode, cfg.time_zone, cfg.brand.words_per_minute) == ("job-search", "Europe/Berlin", 150)
    assert cfg.cadence_for("close") == 10  # job search halves tier cadences
    assert cfg.cadence_for("close", own=30) == 30  # an own cadence is the user's word


def test_example_config_is_valid_and_equals_the_defaults():
    from pathlib import Path

    example = Path(__file__).resolve().parents[2] / "config.example.toml"
    cfg = load_config(str(example))
    defaults = Config()
    for name in ("tiers", "today", "mentors", "brand", "mode", "theme", "time_zone", "database"):
        assert getattr(cfg, name) == getattr(defaults, name), name


@pytest.mark.parametrize("text, expected", [
    ("[tiers]\ninner = 14\nclose = \"monthly\"\n", ":3: tiers.close: must be a whole number"),
    ("theme = 'x'\n[brand]\nwords_per_minute = 9000\n", ":3: brand.words_per_minute: must be between"),
    ("mode = \"panic\"\n", ":1: mode: must be one of steady, job-search"),
    ("colour = 1\n", ":1: colour: unknown key"),
    ("[today]\ndue_soon = 3\n", ":2: today.due_soon: unknown key"),
    ("theme = 'nord'\n[brnad]\nwords_per_minute = 1\n", ":2: brnad: unknown key"),
    ("time_zone = \"Mars/Olympus\"\n", ":1: time_zone: unknown time zone"),
    ("[tiers\ninner = 1\n", ":1: not valid TOML"),
])
def test_broken_config_names_file_line_and_key(tmp_path, text, expected):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert str(err.value).startswith(path)
    assert expected in str(err.value)


def test_lookup_order(tmp_path, monkeypatch):
    env_cfg = write(tmp_path, 'database = "/from/config.db"\n')
    monkeypatch.setenv("KITH_CONFIG", env_cfg)
    cfg = load_config()
    assert str(database_path(cfg)) == "/from/config.db"
    monkeypatch.setenv("KITH_DB", "/from/env.db")
    assert str(database_path(cfg)) == "/from/env.db"
    assert str(database_path(cfg, "/from/flag.db")) == "/from/flag.db"
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(str(tmp_path / "missing.toml"))


def test_the_network_section_is_the_stores_settings(tmp_path):
    from kith.store.network.settings import NetworkSettings
    from kith.tui.settings import network_settings

    cfg = load_config(write(tmp_path, "[network]\nedge_introduction = 5\ntarget_stale_days = 0\n"))
    assert isinstance(cfg.network, NetworkSettings)
    assert network_settings(cfg) == NetworkSettings(edge_introduction=5, target_stale_days=0)
    assert load_config().network == NetworkSettings()
    with pytest.raises(ConfigError, match=r":2: network.edge_shared"):
        load_config(write(tmp_path, "[network]\nedge_shared = 6\n"))
    with pytest.raises(ConfigError, match="edge_strength"):
        load_config(write(tmp_path, "[network]\nedge_strength = 3\n"))
