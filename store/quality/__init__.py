"""Quantity and quality: your focus and relevance, triage, bulk actions, suggested strength,
give and take, the weekly review and the health numbers. Pure store code (no Textual)."""
