"""[keys] and theme in the config: an unknown id, a bad key, two bindings on one key, an unknown
theme are config errors naming file, line and key (exit 2 on the command line)."""

import pytest

from kith.tui.binding_ids import BINDINGS, key_problem
from kith.tui.config import ConfigError, load_config


def write(tmp_path, text):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, expected", [
    ('[keys]\nlog-tuch = "t"\n', ":2: keys.log-tuch: unknown binding id (did you mean log-touch?)"),
    ('# mine\n[keys]\nlog-touch = "ctrl+shfit+t"\n', ":3: keys.log-touch: 'ctrl+shfit+t' is not a key"),
    ('[keys]\nlog-touch = "nosuchkey"\n', ":2: keys.log-touch: 'nosuchkey' is not a key"),
    ('[keys]\nlog-touch = "t,"\n', ":2: keys.log-touch: needs keys"),
    ('[keys]\nlog-touch = ""\n', ":2: keys.log-touch: needs keys"),
    ('[keys]\nlog-touch = "e"\n', ":2: keys.log-touch: 'e' is also the key of edit-contact"),
    ('[keys]\nlog-touch = "t"\nnew-contact = "t"\n', "is also the key of"),
    ('[keys]\nlog-touch = "q"\n', ":2: keys.log-touch: 'q' is also the key of quit"),
    ('[keys]\nsearch = "l"\n', ":2: keys.search: 'l' is also the key of"),
    ('[keys]\nlog-touch = 3\n', ":2: keys.log-touch: must be text"),
    ('theme = "neon"\n', ":1: theme: unknown theme 'neon'"),
])
def test_bad_keys_and_themes_name_file_line_and_key(tmp_path, text, expected):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_config(str(path))
    assert str(err.value).startswith(str(path)) and expected in str(err.value), str(err.value)


@pytest.mark.parametrize("text", [
    '[keys]\nlog-touch = "t"\n',
    '[keys]\nlog-touch = "ctrl+t,f2"\n',
    '[keys]\nhelp = "f1"\nlog-touch = "question_mark"\n',  # help moved away: ? is free
    '[keys]\nsnooze-1d = "2"\n',  # a modal's key may shadow a global one, as q closes help
    'theme = "nord"\n',
])
def test_good_keys_and_themes_load(tmp_path, text):
    load_config(str(write(tmp_path, text)))


def test_every_binding_may_be_set_to_its_own_default(tmp_path):
    lines = "\n".join(f'{bid} = "{keys}"' for bid, (_, keys) in BINDINGS.items())
    cfg = load_config(str(write(tmp_path, f"[keys]\n{lines}\n")))
    assert len(cfg.keys) == len(BINDINGS)


@pytest.mark.parametrize("key", ["t", "T", "ctrl+t", "ctrl+shift+up", "f12", "escape", "question_mark",
                                 "slash", "full_stop", "space", "enter", "ä"])
def test_real_keys_parse(key):
    assert key_problem(key) is None


@pytest.mark.parametrize("key", ["", "ctl+t", "ctrl+", "f99", "not_a_key", "+", " "])
def test_non_keys_are_refused(key):
    assert key_problem(key)


def test_a_bad_key_exits_2_with_one_line(run_kith, tmp_path):
    path = write(tmp_path, '[keys]\nlog-touch = "q"\n')
    r = run_kith("--config", str(path), "contacts")
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1 and f"{path}:2: keys.log-touch" in r.err


def test_the_cli_still_never_imports_textual(tmp_path):
    import subprocess
    import sys

    path = write(tmp_path, 'theme = "nord"\n[keys]\nlog-touch = "t"\n')
    code = ("import sys; from kith.tui.config import load_config; load_config(sys.argv[1]); "
            "print('textual' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
