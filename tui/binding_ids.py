"""Provides the ids of every remappable key binding, the theme names and key names, as constants.

``tui.config`` checks ``[keys]`` and ``theme`` against these without importing Textual (the
command line must start fast). tests/tui/test_binding_ids.py proves they equal the app's real
bindings and Textual's themes; when a screen gains a binding, add it here (the test prints the
difference; ``collect_bindings()`` in that test gives the new table).
"""

from __future__ import annotations

EXCLUSIVE: frozenset[frozenset[str]] = frozenset({
    # Bindings that may share a key: never active together (Contacts: Esc in the filter goes to
    # the list, Esc in the list back to the filter), or a screen's own undo that deliberately
    # shadows the app-wide one (Today: today's changes; Brand: the unsaved draft).
    frozenset({"leave-filter", "back-to-filter"}),
    frozenset({"today-undo", "undo"}),
    frozenset({"brand-discard", "undo"}),
})

APP_OWNER = "KithApp"
"""The owner of global bindings: they are active on every screen."""

BINDINGS: dict[str, tuple[str, str]] = {
    # binding id: (the class that declares it, its default keys)
    "archive-contact": ("ContactsScreen", "a"),
    "back-to-filter": ("ContactsScreen", "escape"),
    "brand-delete": ("BrandScreen", "D,delete"),
    "brand-discard": ("BrandScreen", "u"),
    "brand-done": ("BrandScreen", "escape"),
    "brand-new": ("BrandScreen", "n"),
    "brand-perception": ("BrandScreen", "p"),
    "brand-questions": ("BrandScreen", "ctrl+b"),
    "brand-rehearse": ("BrandScreen", "r"),
    "brand-save": ("BrandScreen", "ctrl+s"),
    "brand-settings": ("BrandScreen", "E"),
    "brand-versions": ("BrandScreen", "v"),
    "brand-write": ("BrandScreen", "e"),
    "bulk-archive": ("BulkModal", "a"),
    "bulk-cadence": ("BulkModal", "c"),
    "bulk-cancel": ("BulkModal", "escape"),
    "bulk-strength": ("BulkModal", "s"),
    "bulk-tag": ("BulkModal", "t"),
    "bulk-tier": ("BulkModal", "i"),
    "bulk-untag": ("BulkModal", "r"),
    "career-done": ("CareerScreen", "x"),
    "career-filter-to-list": ("CareerScreen", "down"),
    "career-form-cancel": ("CareerFormModal", "escape"),
    "career-form-save": ("CareerFormModal", "ctrl+s"),
    "career-leave-filter": ("CareerScreen", "escape"),
    "career-new": ("CareerScreen", "n"),
    "career-next-tab": ("CareerScreen", "right_square_bracket"),
    "career-prev-tab": ("CareerScreen", "left_square_bracket"),
    "career-used": ("CareerScreen", "w"),
    "check-in-cancel": ("CheckInModal", "escape"),
    "check-in-outcome-cycle": ("OutcomeToggle", "space"),
    "check-in-outcome-down": ("OutcomeToggle", "down,j"),
    "check-in-outcome-kept": ("OutcomeToggle", "y"),
    "check-in-outcome-missed": ("OutcomeToggle", "n"),
    "check-in-outcome-next": ("OutcomeToggle", "enter"),
    "check-in-outcome-up": ("OutcomeToggle", "up,k"),
    "check-in-save": ("CheckInModal", "ctrl+s"),
    "claim-cancel": ("ClaimModal", "escape"),
    "claim-save": ("ClaimModal", "ctrl+s"),
    "close-help": ("HelpModal", "escape,q,question_mark"),
    "confirm-no": ("ConfirmModal", "n,escape"),
    "confirm-yes": ("ConfirmModal", "y"),
    "contact-form-cancel": ("ContactFormModal", "escape"),
    "contact-form-save": ("ContactFormModal", "ctrl+s"),
    "contact-list-down": ("ContactList", "down,j"),
    "contact-list-first": ("ContactList", "home"),
    "contact-list-last": ("ContactList", "end"),
    "contact-list-page-down": ("ContactList", "pagedown"),
    "contact-list-page-up": ("ContactList", "pageup"),
    "contact-list-up": ("ContactList", "up,k"),
    "contact-picker-matches": ("ContactPicker", "down"),
    "contacts-bulk": ("ContactsScreen", "B"),
    "contacts-follow-up": ("ContactsScreen", "f"),
    "contacts-mark": ("ContactsScreen", "space"),
    "contacts-mark-all": ("ContactsScreen", "asterisk"),
    "contacts-triage": ("ContactsScreen", "T"),
    "cycle-sort": ("ContactsScreen", "o"),
    "delete-contact": ("ContactsScreen", "D,delete"),
    "detail-add-job": ("ContactDetailScreen", "J"),
    "detail-archive": ("ContactDetailScreen", "a"),
    "detail-back": ("ContactDetailScreen", "escape"),
    "detail-delete": ("ContactDetailScreen", "D,delete"),
    "detail-edit": ("ContactDetailScreen", "e"),
    "detail-edit-follow-up": ("FollowUpList", "e"),
    "detail-edit-touch": ("TouchList", "e"),
    "detail-follow-up": ("ContactDetailScreen", "f"),
    "detail-follow-up-done": ("ContactDetailScreen", "x"),
    "detail-log-touch": ("ContactDetailScreen", "l"),
    "detail-log-value": ("ContactDetailScreen", "v"),
    "detail-prep": ("ContactDetailScreen", "p"),
    "edit-contact": ("ContactsScreen", "e"),
    "feedback-cancel": ("FeedbackModal", "escape"),
    "feedback-save": ("FeedbackModal", "ctrl+s"),
    "filter-to-list": ("ContactsScreen", "down"),
    "first-run-demo": ("FirstRunModal", "d"),
    "first-run-empty": ("FirstRunModal", "e,escape"),
    "follow-up-cancel": ("FollowUpModal", "escape"),
    "follow-up-save": ("FollowUpModal", "ctrl+s"),
    "form-enter": ("GuardedModal", "enter"),
    "form-select-open": ("FormSelect", "space,down,up"),
    "form-select-submit": ("FormSelect", "enter"),
    "go-brand": ("KithApp", "4"),
    "go-career": ("KithApp", "6"),
    "go-contacts": ("KithApp", "2"),
    "go-mentors": ("KithApp", "3"),
    "go-network": ("KithApp", "5"),
    "go-today": ("KithApp", "1"),
    "health-back": ("HealthScreen", "escape"),
    "health-refresh": ("HealthScreen", "r"),
    "help": ("KithApp", "question_mark"),
    "import-close": ("ImportScreen", "escape"),
    "import-dry-run": ("ImportScreen", "ctrl+r"),
    "import-run": ("ImportScreen", "ctrl+s"),
    "import-triage": ("ImportScreen", "ctrl+t"),
    "job-cancel": ("JobModal", "escape"),
    "job-save": ("JobModal", "ctrl+s"),
    "leave-filter": ("ContactsScreen", "escape"),
    "list-options-down": ("ListOptions", "j"),
    "list-options-up": ("ListOptions", "k"),
    "list-table-down": ("ListTable", "j"),
    "list-table-up": ("ListTable", "k"),
    "log-cancel": ("LogTouchModal", "escape"),
    "log-save": ("LogTouchModal", "ctrl+s"),
    "log-touch": ("ContactsScreen", "l"),
    "mentors-add": ("MentorsScreen", "n"),
    "mentors-add-given": ("MentorsScreen", "g"),
    "mentors-add-value": ("MentorsScreen", "v"),
    "mentors-check-in": ("MentorsScreen", "c"),
    "mentors-check-in-history": ("MentorsScreen", "h"),
    "mentors-delete-entry": ("MentorsScreen", "D,delete"),
    "mentors-edit-entry": ("LedgerTable", "e"),
    "mentors-filter-category": ("MentorsScreen", "t"),
    "mentors-filter-direction": ("MentorsScreen", "i"),
    "mentors-roles": ("MentorsScreen", "e"),
    "merge-close": ("MergeScreen", "escape"),
    "merge-keep-left": ("MergeScreen", "m"),
    "merge-keep-right": ("MergeScreen", "M"),
    "merge-previous": ("MergeScreen", "p"),
    "merge-skip": ("MergeScreen", "s,n"),
    "network-ask": ("NetworkScreen", "f"),
    "network-back": ("NetworkScreen", "escape"),
    "network-filter-to-list": ("NetworkScreen", "down"),
    "network-mark-target": ("NetworkScreen", "t"),
    "network-next-stage": ("NetworkScreen", "s"),
    "network-next-tab": ("NetworkScreen", "right"),
    "network-previous-tab": ("NetworkScreen", "left"),
    "new-contact": ("ContactsScreen", "n"),
    "open-contact": ("ContactList", "enter"),
    "perception-ask": ("PerceptionScreen", "b"),
    "perception-back": ("PerceptionScreen", "escape"),
    "perception-copy": ("PerceptionScreen", "c"),
    "perception-delete": ("PerceptionScreen", "D,delete"),
    "perception-edit": ("PerceptionScreen", "e"),
    "perception-new": ("PerceptionScreen", "n"),
    "perception-next-tab": ("PerceptionScreen", "right_square_bracket,t"),
    "perception-prev-tab": ("PerceptionScreen", "left_square_bracket"),
    "perception-review": ("PerceptionScreen", "r"),
    "pitch-edit-cancel": ("PitchEditModal", "escape"),
    "pitch-edit-save": ("PitchEditModal", "ctrl+s"),
    "pitch-versions-close": ("PitchVersionsModal", "escape"),
    "pitch-versions-restore": ("PitchVersionsModal", "r"),
    "plan-form-cancel": ("PlanFormModal", "escape"),
    "plan-form-save": ("PlanFormModal", "ctrl+s"),
    "plan-move-cancel": ("MoveModal", "escape"),
    "plan-move-save": ("MoveModal", "ctrl+s"),
    "prep-back": ("PrepScreen", "escape"),
    "prep-drop": ("PrepScreen", "D"),
    "prep-move": ("PrepScreen", "s"),
    "prep-new": ("PrepScreen", "n"),
    "prep-record": ("PrepScreen", "h"),
    "quit": ("KithApp", "q"),
    "record-cancel": ("RecordModal", "escape"),
    "record-save": ("RecordModal", "ctrl+s"),
    "rehearsal-back": ("RehearsalScreen", "escape"),
    "rehearsal-save-pace": ("RehearsalScreen", "p"),
    "rehearsal-toggle": ("RehearsalScreen", "space"),
    "review-cancel": ("BrandReviewModal", "escape"),
    "review-save": ("BrandReviewModal", "ctrl+s"),
    "roles-cancel": ("RolesModal", "escape"),
    "roles-save": ("RolesModal", "ctrl+s"),
    "search": ("KithApp", "slash"),
    "search-anywhere": ("KithApp", "ctrl+k"),
    "search-close": ("SearchScreen", "escape"),
    "search-next": ("SearchScreen", "down"),
    "search-open": ("SearchScreen", "enter"),
    "search-page-down": ("SearchScreen", "pagedown"),
    "search-page-up": ("SearchScreen", "pageup"),
    "search-previous": ("SearchScreen", "up"),
    "show-archived": ("ContactsScreen", "A"),
    "snooze-1d": ("SnoozeModal", "1"),
    "snooze-1w": ("SnoozeModal", "w"),
    "snooze-3d": ("SnoozeModal", "3"),
    "snooze-cancel": ("SnoozeModal", "escape"),
    "snooze-date": ("SnoozeModal", "d"),
    "tick-box-submit": ("TickBox", "enter"),
    "tick-box-toggle": ("TickBox", "space"),
    "today-done": ("TodayScreen", "x"),
    "today-follow-up": ("TodayScreen", "f"),
    "today-log": ("TodayScreen", "l"),
    "today-mode": ("TodayScreen", "m"),
    "today-new-contact": ("TodayScreen", "n"),
    "today-open": ("TodayScreen", "enter"),
    "today-prep": ("TodayScreen", "p"),
    "today-snooze": ("TodayScreen", "s"),
    "today-undo": ("TodayScreen", "u"),
    "triage-archive": ("TriageModal", "a"),
    "triage-back": ("TriageModal", "b,left"),
    "triage-leave": ("TriageModal", "escape"),
    "triage-skip": ("TriageModal", "s,space"),
    "triage-tag": ("TriageModal", "t"),
    "triage-undo": ("TriageModal", "u"),
    "undo": ("KithApp", "u"),
    "value-cancel": ("ValueEntryModal", "escape"),
    "value-save": ("ValueEntryModal", "ctrl+s"),
    "variant-cancel": ("VariantModal", "escape"),
    "variant-save": ("VariantModal", "ctrl+s"),
}

THEMES = (
    "ansi-dark", "ansi-light", "atom-one-dark", "atom-one-light", "catppuccin-frappe", "catppuccin-latte",
    "catppuccin-macchiato", "catppuccin-mocha", "dracula", "flexoki", "gruvbox", "monokai", "nord",
    "rose-pine", "rose-pine-dawn", "rose-pine-moon", "solarized-dark", "solarized-light", "textual-dark",
    "textual-light", "tokyo-night",
)
"""Textual's built-in themes (kith registers none of its own)."""

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
SPECIAL_KEYS = frozenset({
    "escape", "enter", "tab", "space", "backspace", "delete", "insert", "home", "end", "pageup", "pagedown",
    "up", "down", "left", "right", *(f"f{n}" for n in range(1, 25)),
    # Textual's short names for some characters (its KEY_NAME_REPLACEMENTS)
    "slash", "backslash", "at", "minus", "plus", "underscore",
})
"""Key names that are not one character nor a character's name (``question_mark``, ``slash``)."""


def key_problem(key: str) -> str | None:
    """Why ``key`` (one key, e.g. ``ctrl+t``, ``question_mark``, ``T``) is not a key, or None."""
    import unicodedata

    *mods, name = key.split("+")
    bad = [m for m in mods if m not in MODIFIERS]
    if bad or not name:
        return f"{key!r} is not a key (modifiers are {', '.join(sorted(MODIFIERS))})"
    if len(name) == 1 and name.isprintable() and not name.isspace():
        return None
    if name in SPECIAL_KEYS:
        return None
    try:  # Textual names a character by its Unicode name: question_mark, full_stop, slash
        unicodedata.lookup(name.replace("_", " ").upper())
        return None
    except KeyError:
        return f"{key!r} is not a key (e.g. t, T, ctrl+t, f2, escape, question_mark)"
