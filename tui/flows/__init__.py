"""Flows: small pieces of screen logic that several screens share (they push screens and modals)."""
