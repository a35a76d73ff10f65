"""Provides actions used by several screens (log value, check in, ...)."""
