"""Provides the People area: contacts, touches, follow-ups, duplicates and merging."""
