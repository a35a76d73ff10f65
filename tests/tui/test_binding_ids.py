"""The [keys] config checks against a constant list of binding ids (the CLI never imports Textual):
this proves the constant is exactly the ids of the app's real bindings, and the theme list
exactly Textual's themes."""

import importlib
import inspect
import pkgutil

from kith.tui.binding_ids import BINDINGS, SPECIAL_KEYS, THEMES


def collect_bindings() -> dict[str, tuple[str, str]]:
    """Every Binding with an id in the app, its screens, modals, widgets and flows: id -> (class, keys)."""
    from textual.binding import Binding
    from textual.dom import DOMNode

    modules = ["kith.tui.app", "kith.tui.commands"]
    for package in ("kith.tui.screens", "kith.tui.modals", "kith.tui.widgets", "kith.tui.flows"):
        path = importlib.import_module(package).__path__
        # Sub-packages too (the Network area's tabs live in kith.tui.screens.network.*).
        modules += [m.name for m in pkgutil.walk_packages(path, f"{package}.")]
    found: dict[str, tuple[str, str]] = {}
    for name in modules:
        module = importlib.import_module(name)
        for cls in vars(module).values():
            if inspect.isclass(cls) and issubclass(cls, DOMNode) and cls.__module__ == name:
                for b in cls.__dict__.get("BINDINGS", []):
                    if isinstance(b, Binding) and b.id:
                        assert b.id not in found or found[b.id][0] == cls.__name__, f"id {b.id} used twice"
                        found[b.id] = (cls.__name__, b.key)
    return found


def test_binding_ids_constant_matches_the_real_bindings():
    real = collect_bindings()
    assert len(real) > 50  # the collector found the app's bindings, not nothing
    # On failure, regenerate tui/binding_ids.BINDINGS from collect_bindings() (see its docstring).
    assert BINDINGS == real


def test_theme_list_matches_textual():
    from textual.theme import BUILTIN_THEMES

    assert set(THEMES) == set(BUILTIN_THEMES)


def test_special_key_names_are_textual_keys():
    from textual.keys import KEY_NAME_REPLACEMENTS, Keys

    assert SPECIAL_KEYS <= {k.value for k in Keys} | set(KEY_NAME_REPLACEMENTS.values())
