"""Provides kith's terminal interface and command line. Importing this package stays cheap:
Textual is imported only by the modules that draw a screen."""

__version__ = "0.1.0"
