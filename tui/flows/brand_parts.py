"""Provides BrandPartsActions: the Audiences and Claims tabs of Perception, and deleting feedback.

Mixed into PerceptionScreen (which has ``pitch_id``, ``reload()`` and the tabs): it lists the audience
variants of every pitch and every claim with its evidence, and adds (n), edits (e or Enter) and
deletes (D, after asking) them; the app's u undoes each change. Modals only collect the fields;
the writes happen here, through the store.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from kith.store.core.errors import Conflict, StoreError
from kith.tui.literal import literal
from kith.tui.modals.confirm import ConfirmModal

PART_TABS = ("audiences", "claims")
"""The tabs whose rows e edits."""
DELETE_TABS = ("feedback", "audiences", "claims")
"""The tabs whose rows D deletes."""


def first_words(text: str, limit: int) -> Content:
    flat = " ".join(text.split())
    return literal(flat, "$text-muted", limit=limit) if flat else Content.styled("(no text yet)", "$text-muted italic")


class BrandPartsActions:
    """Audience variants and claims, listed and edited inside Perception."""

    _variants: list
    _claims: list
    _feedback: list

    # -- lists ----------------------------------------------------------------------------------

    def fill_parts(self) -> None:
        from kith.store.perception.brand_review import list_claims, list_variants

        names = self._pitch_names()
        self._variants = [v for v in list_variants() if v.pitch_id in names]
        self._claims = list_claims()
        self._fill("#variant-list", [self._variant_option(v, names[v.pitch_id]) for v in self._variants],
                   "no audience variants yet: n adds one (tech, non-tech, …)")
        self._fill("#claim-list", [self._claim_option(c) for c in self._claims],
                   "no claims yet: n adds one, with its evidence")

    def _variant_option(self, v, pitch_name: str) -> Option:
        from kith.store.brand.wordcount import count_words, seconds_for
        from kith.tui.widgets.pitch_figures import duration

        words = count_words(v.text)
        said = duration(seconds_for(words, self.app.config.brand.words_per_minute))
        target = f"target {v.target_seconds} s" if v.target_seconds else "any length"
        return Option(Content.assemble(
            literal(v.audience, "bold $accent", limit=20), ("  ", ""), literal(pitch_name, "bold", limit=28),
            (f"  {words} words · {said} · {target}\n  ", "$text-muted"), first_words(v.text, self._room())))

    def _room(self) -> int:
        """Characters the second line of a row may take (the terminal less borders and indent)."""
        return max(30, self.app.size.width - 10)

    def _claim_option(self, c) -> Option:
        source = (Content.assemble(("  source: ", "$text-muted"), literal(c.source, limit=28)) if c.source
                  else Content(""))
        room = max(20, self._room() - len("evidence: ") - source.cell_length)
        evidence = (Content.assemble(("evidence: ", "$text-muted"), literal(c.evidence, limit=room)) if c.evidence
                    else Content.styled("no evidence yet: e adds it", "$warning"))
        return Option(Content.assemble(literal(c.claim, "bold", limit=48), ("  ", ""),
                                       literal(c.pitch_name, "$text-muted", limit=24), ("\n  ", ""), evidence, source))

    @staticmethod
    def _pitch_names() -> dict[int, str]:
        from kith.store.brand.pitches import list_pitches

        return {p.id: p.name for p in list_pitches()}

    def _row(self, list_id: str, items: list):
        index = self.query_one(list_id, OptionList).highlighted
        return items[index] if index is not None and index < len(items) else None

    def current_part(self, tab: str):
        """The highlighted variant, claim or feedback entry of ``tab``, or None."""
        if tab == "audiences":
            return self._row("#variant-list", self._variants)
        if tab == "claims":
            return self._row("#claim-list", self._claims)
        if tab == "feedback":
            return self._row("#feedback-list", self._feedback)
        return None

    # -- new and edit ---------------------------------------------------------------------------

    def _pitches_or_say(self) -> list[tuple[int, str]]:
        pitches = list(self._pitch_names().items())
        if not pitches:
            self.app.notify("No pitch yet: add one in the brand studio (Esc, then n).", severity="warning")
        return pitches

    def new_part(self, tab: str) -> None:
        pitches = self._pitches_or_say()
        if pitches:
            self._open_part(tab, pitches, None)

    def edit_part(self, tab: str) -> None:
        part = self.current_part(tab)
        if part is None:
            self.app.notify("Nothing to edit here yet: n adds one.", severity="warning")
            return
        pitches = self._pitches_or_say()
        if pitches:
            self._open_part(tab, pitches, part)

    def _open_part(self, tab: str, pitches: list[tuple[int, str]], part) -> None:
        from kith.store.core.fold import fold
        from kith.store.perception import brand_review as br
        from kith.tui.modals.brand_parts import ClaimModal, VariantModal

        pitch_id = part.pitch_id if part is not None else (self.pitch_id or pitches[0][0])

        what = "Audience variant" if tab == "audiences" else "Claim"

        def done(saved: bool | None) -> None:
            if saved:
                self.reload()
                self.app.notify(f"{what} saved. u undoes it.")

        if tab == "audiences":
            def save_variant(d) -> None:
                if (part is None or d.pitch_id != part.pitch_id) and any(
                        v.pitch_id == d.pitch_id and fold(v.audience) == fold(d.audience)
                        for v in self._variants):  # set_variant would replace that one
                    raise Conflict(f"that pitch already has a variant for {d.audience!r}: e edits it", ["audience"])
                if part is None:
                    br.set_variant(d.pitch_id, d.audience, d.text, d.target_seconds)
                elif d.pitch_id != part.pitch_id:  # moved to another pitch: a new variant there
                    with _one_undo("move audience variant"):
                        br.set_variant(d.pitch_id, d.audience, d.text, d.target_seconds)
                        br.delete_variant(part.id)
                else:
                    br.update_variant(part.id, d.audience, d.text, d.target_seconds)

            title = "New audience variant" if part is None else "Edit the audience variant"
            args = (part.audience, part.text, part.target_seconds) if part is not None else ()
            self.app.push_screen(VariantModal(title, pitches, pitch_id, save_variant, *args,
                                              wpm=self.app.config.brand.words_per_minute), done)
            return

        def save_claim(d) -> None:
            if part is None:
                br.add_claim(d.pitch_id, d.claim, d.evidence, d.source)
            elif d.pitch_id != part.pitch_id:
                with _one_undo("move claim"):
                    br.add_claim(d.pitch_id, d.claim, d.evidence, d.source)
                    br.delete_claim(part.id)
            else:
                br.update_claim(part.id, d.claim, d.evidence, d.source)

        title = "New claim" if part is None else "Edit the claim"
        args = (part.claim, part.evidence, part.source) if part is not None else ()
        self.app.push_screen(ClaimModal(title, pitches, pitch_id, save_claim, *args), done)

    # -- delete ---------------------------------------------------------------------------------

    def delete_part(self, tab: str) -> None:
        part = self.current_part(tab)
        if part is None:
            self.app.notify("Nothing to delete here.", severity="warning")
            return
        if tab == "audiences":
            question = Content.assemble("Delete the ", literal(part.audience, "bold", limit=40), " variant of ",
                                        literal(self._pitch_names().get(part.pitch_id, ""), "bold", limit=40),
                                        "? u undoes it.")
        elif tab == "claims":
            question = Content.assemble("Delete the claim ", literal(part.claim, "bold", limit=80), "? u undoes it.")
        else:
            question = Content.assemble("Delete the feedback from ", literal(part.name, "bold", limit=40),
                                        f" of {part.given_on.isoformat()}? Its terms go with it; u undoes it.")

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(tab, part)

        self.app.push_screen(ConfirmModal(question, "Delete"), answered)

    def _delete(self, tab: str, part) -> None:
        from kith.store.perception.brand_review import delete_claim, delete_variant
        from kith.store.perception.feedback import delete_feedback

        delete = {"audiences": delete_variant, "claims": delete_claim, "feedback": delete_feedback}[tab]
        try:
            delete(part.id)
        except StoreError as exc:
            self.app.notify(literal(str(exc)), severity="error")
        else:
            self.app.notify("Deleted. u undoes it.")
        self.reload()


def _one_undo(name: str):
    """Moving a variant or claim to another pitch is one change for u (add there, delete here)."""
    from kith.store.core import undo

    return undo.action(name)
