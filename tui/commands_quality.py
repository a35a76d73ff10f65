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
        from kith.tui.screens.network_health import HealthScreen

        app.push_screen(HealthScreen())

    yield SystemCommand("Triage: untriaged contacts", "One at a time: tier, strength, tags, archive", triage_all)
    yield SystemCommand("Triage: the last import", "Triage the people the last import added", triage_last_import)
    yield SystemCommand("Network health", "Relevance, strength, tiers, touches per week, give and take", health)
