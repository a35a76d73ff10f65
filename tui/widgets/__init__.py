"""Provides kith's reusable widgets. Widgets never import store: screens push data down."""
