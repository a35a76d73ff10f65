"""Provides the Conversations area's names: kinds, states, reasons, Today sources (constants only:
the config reads them without touching the database)."""

PLAN_KINDS = ("informational interview", "coffee", "mentor meeting", "check-in", "call", "other")
PLAN_STATES = ("planned", "held", "dropped")
THANK_REASONS = ("interview", "feedback", "introduction", "mentor-value")
TODAY_SOURCES = ("prepare", "conversation", "held", "thank-you")
"""This area's Today sources (each can be turned off: ``[conversations] today_off``)."""
FEEDBACK_QUESTIONS = ("What am I doing well?", "What do I need to fix?", "Who should I talk to?")
