"""Provides the career on the contact page: its lines, and the add-a-job flow (modal in, store write)."""

from __future__ import annotations

from textual.content import Content

from kith.tui.literal import literal


def career_content(contact_id: int) -> Content:
    """One line per job: ``Staff Engineer · Globex · 2022-07–now``, current first; then the
    volunteering engagements shared with them (where you met them)."""
    from kith.store.network import list_jobs
    from kith.tui.flows.volunteering import shared_content

    jobs = list_jobs(contact_id)
    shared = shared_content(contact_id)
    if not jobs:
        empty = Content.styled("no jobs yet: a company in the form is the current one; j adds past ones",
                               "$text-disabled")
        return Content("\n").join([empty, *shared])
    lines = []
    for j in jobs:
        mark = ("● ", "$accent") if j.current else ("○ ", "$text-muted")
        lines.append(Content.assemble(mark, literal(j.org_name, "bold", limit=80),
                                      *((" · ", literal(j.title, limit=80)) if j.title else ()),
                                      (f"  {j.span()}" if j.span() else "", "$text-muted")))
    return Content("\n").join(lines + shared)


def add_job_flow(screen, contact_id: int) -> None:
    """Ask for a job in the modal; add it; say what happened (or why not)."""
    from kith.tui.modals.job import JobModal

    def done(values: dict | None) -> None:
        from kith.store.core.errors import StoreError
        from kith.store.network import add_job

        if values is None:
            return
        try:
            job = add_job(contact_id, today=screen.today(), **values)
        except StoreError as exc:
            screen.app.notify(literal(str(exc), limit=300), severity="error", markup=False)
            screen.app.push_screen(JobModal(values), done)  # keep what was typed
            return
        screen.app.notify(literal(f"Added {job.org_name} to the career (u undoes).", limit=300), markup=False)
        screen.reload()

    screen.app.push_screen(JobModal(), done)
