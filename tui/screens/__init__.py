"""Provides kith's screens: one .py and one .tcss per screen."""
