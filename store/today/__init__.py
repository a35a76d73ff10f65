"""Provides the Today area: cadence, the ranked queue, the daily review and snoozes."""
