"""Provides the palette commands of quantity and quality: triage, network health."""

from __future__ import annotations

from textual.app import SystemCommand


def quality_commands(app):
    """System commands for ctrl+p."""

    def triage_all() -> None:
        from kith.tui.modals.triage import start_triage

        start_triage(app)

    def triage_last_import() -> None:
        from kith.tui.modals.triage import start_triage

        start_triage(app, "added:last-import", "Triage: last import")

    def health() -> None:
        app.action_area("network")

        def show() -> None:
            if hasattr(app.screen, "show_tab"):  # not under a screen pushed over the area
                app.screen.show_tab("health")

        app.call_after_refresh(show)  # the area's screen is the app's screen once the switch is done

    yield SystemCommand("Triage: untriaged contacts", "One at a time: tier, strength, tags, archive", triage_all)
    yield SystemCommand("Triage: the last import", "Triage the people the last import added", triage_last_import)
    yield SystemCommand("Network health", "The Network area's Health tab: relevance, strength, tiers, touches, "
                        "give and take", health)
