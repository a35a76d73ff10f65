"""Provides search across every area: the kinds registry, matching and the ranked query."""
