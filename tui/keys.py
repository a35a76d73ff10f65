"""Which bindings change data, and what each means: one letter, one meaning, on every screen.

A binding id listed here changes what the store holds (directly, or by opening the dialog that
writes). Its meaning names the change; the same letter must never carry two meanings, on any
screen or modal (``tests/tui/test_keys.py`` walks every class's bindings and checks). Keys that
only move, view, filter or open something are not listed; settings (Today's mode) are not data.

The scheme: ``l`` log a touch, ``x`` done, ``f`` follow-up, ``n`` new, ``e`` edit, ``a`` archive,
``D`` or Delete delete (always behind a confirmation), ``s`` snooze, ``u`` undo, ``v`` value,
``g`` value given, ``c`` check-in, ``m``/``M`` merge, ``I`` introduction.
"""

from __future__ import annotations

DATA_KEYS: dict[str, str] = {
    # Today
    "today-log": "log", "today-snooze": "snooze", "today-done": "done", "today-follow-up": "follow-up",
    "today-undo": "undo", "today-new-contact": "new",
    # Contacts and one contact's page
    "log-touch": "log", "new-contact": "new", "edit-contact": "edit", "archive-contact": "archive",
    "delete-contact": "delete", "contacts-follow-up": "follow-up",
    "detail-log-touch": "log", "detail-edit": "edit", "detail-follow-up": "follow-up", "detail-log-value": "value",
    "detail-follow-up-done": "done", "detail-archive": "archive", "detail-delete": "delete",
    "detail-edit-touch": "edit", "detail-edit-follow-up": "edit",
    # Mentors
    "mentors-add-value": "value", "mentors-add-given": "value given", "mentors-check-in": "check-in",
    "mentors-roles": "edit", "mentors-add": "new", "mentors-delete-entry": "delete", "mentors-edit-entry": "edit",
    # Brand and rehearsal
    "brand-new": "new", "brand-write": "edit", "brand-settings": "edit settings", "brand-discard": "undo",
    "brand-delete": "delete", "brand-save": "save", "brand-questions": "add questions",
    "rehearsal-save-pace": "save pace", "perception-ask": "ask for feedback",
    # Import and merge
    "import-run": "save", "merge-keep-left": "merge", "merge-keep-right": "merge into right",
    # Modals: the key that completes a write
    "confirm-yes": "yes", "first-run-demo": "load demo", "pitch-versions-restore": "restore",
    "snooze-1d": "snooze", "snooze-3d": "snooze", "snooze-1w": "snooze",
    "contact-form-save": "save", "follow-up-save": "save", "log-save": "save", "value-save": "save",
    "check-in-save": "save", "roles-save": "save", "pitch-edit-save": "save",
    # Conversations: the prep brief and its dialogs
    "prep-new": "new", "prep-record": "record held", "prep-move": "snooze", "prep-drop": "delete",
    "plan-form-save": "save", "plan-move-save": "save", "record-save": "save",
    # Network: the area's writes and their dialogs
    "network-ask": "follow-up", "network-edit": "edit", "network-introduce": "introduction",
    "network-merge": "merge",
    "intro-save": "save", "target-save": "save", "org-edit-save": "save", "org-merge-save": "save",
    # Career: volunteering (meeting someone logs an event touch)
    "career-met": "log", "career-hours": "log hours", "career-edit": "edit", "career-delete": "delete",
    "career-new": "new", "meet-save": "save",
}
"""Binding id -> the data change it makes."""
