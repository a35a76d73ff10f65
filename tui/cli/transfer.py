"""Provides the transfer subcommands (filled in by its issue)."""


def register(sub, common) -> None:
    """Add this area's subcommands to the parser."""
