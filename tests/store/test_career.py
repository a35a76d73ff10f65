"""Career store: skill currency on a fixed clock, income shares with mixed currencies, amount history."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kith.store.career.currency import currency_code, parse_amount
from kith.store.career.goals import add_goal, list_goals, mark_done
from kith.store.career.income import add_income, end_income, list_streams, summary
from kith.store.career.jobs import add_job, gaps, list_jobs
from kith.store.career.learning import add_learning, set_status
from kith.store.career.settings import CareerSettings
from kith.store.career.skills import add_skill, list_skills, mark_used
from kith.store.core.errors import Invalid, NotFound
from kith.store.core.undo import undo_last

DAY = date(2026, 3, 16)


def _by_name(day=DAY, settings=None):
    return {s.name: s for s in list_skills(day, settings)}


def test_a_hard_skill_unused_for_over_18_months_is_stale_and_others_are_not(db):
    add_skill("Cobol", DAY, kind="hard", used="2024-09")       # 18 months ago: not over
    add_skill("Fortran", DAY, kind="hard", used="2024-08")     # 19 months ago: stale
    add_skill("Empathy", DAY, kind="soft", used="2010-01")     # soft skills never go stale
    add_skill("Kotlin", DAY, kind="hard")                      # no use recorded: not judged
    skills = _by_name()
    assert [n for n, s in skills.items() if s.stale] == ["Fortran"]
    mark_used("fortran", DAY, "2026-02")
    assert not _by_name()["Fortran"].stale
    assert _by_name()["Fortran"].first_used == "2024-08" and _by_name()["Fortran"].last_used == "2026-02"


def test_the_stale_limit_comes_from_the_settings(db):
    add_skill("Perl", DAY, used="2025-03")
    assert not _by_name()["Perl"].stale
    assert _by_name(settings=CareerSettings(stale_months=6))["Perl"].stale


def test_an_emerging_skill_needs_learning_in_the_last_six_months(db):
    add_skill("Rust", DAY, emerging=True)
    add_skill("Zig", DAY, emerging=True)
    assert _by_name()["Rust"].needs_learning and _by_name()["Zig"].needs_learning
    add_learning("Old Rust course", date(2025, 9, 1), skills=("Rust",), status="done")  # done 2025-09-01
    assert _by_name()["Rust"].needs_learning  # more than 6 months before 2026-03-16
    add_learning("Rust book", DAY, skills=("rust",), status="doing")
    assert not _by_name()["Rust"].needs_learning
    add_learning("Zig plans", DAY, skills=("Zig",), status="planned")  # a plan is not learning
    assert _by_name()["Zig"].needs_learning
    assert not _by_name(date(2026, 3, 16))["Rust"].stale


def test_bad_skill_input_is_refused(db):
    with pytest.raises(Invalid, match="depth"):
        add_skill("X", DAY, depth=6)
    with pytest.raises(Invalid, match="future"):
        add_skill("X", DAY, used="2026-04")
    with pytest.raises(Invalid, match="kind"):
        add_skill("X", DAY, kind="magic")
    add_skill("X", DAY)
    with pytest.raises(Invalid, match="exists"):
        add_skill("x", DAY)
    with pytest.raises(NotFound):
        add_learning("Y", DAY, skills=("nope",))


@pytest.mark.parametrize("text", ["-1", "nan", "inf", "1e400", "12.34567", "abc", ""])
def test_amounts_are_non_negative_decimals(text):
    with pytest.raises(Invalid):
        parse_amount(text)


def test_amounts_keep_their_decimals_and_floats_are_refused():
    assert parse_amount("4500.10") == Decimal("4500.10")
    with pytest.raises(Invalid, match="float"):
        parse_amount(0.1)
    assert currency_code("eur") == "EUR"
    with pytest.raises(Invalid, match="ISO 4217"):
        currency_code("EUX")


def test_shares_are_per_currency_without_conversion(db):
    add_income("Salary", "salary", "4000", DAY, "EUR", date(2025, 1, 1))
    add_income("Consulting", "consulting", "1000.00", DAY, "EUR", date(2025, 6, 1))
    add_income("US clients", "freelance", "9000", DAY, "USD", date(2025, 6, 1))
    s = summary(DAY, CareerSettings(display_currency="EUR"))
    assert [g.currency for g in s.groups] == ["EUR", "USD"]  # the display currency first
    assert s.largest_share == Decimal("80.0")  # 4000 of 5000 EUR: the USD stream is not converted into it
    assert not s.over_share  # 80% is the limit, not over it
    assert s.count == 3 and not s.under_target
    assert s.groups[1].largest_share == Decimal("100.0")
    assert "no conversion" in s.note()
    usd = summary(DAY, CareerSettings(display_currency="USD"))
    assert usd.largest_share == Decimal("100.0") and usd.over_share


def test_count_under_target_and_share_over_limit(db):
    add_income("Salary", "salary", "5000", DAY, "EUR", date(2025, 1, 1))
    add_income("Blog", "writing", "100", DAY, "EUR", date(2025, 1, 1))
    s = summary(DAY, CareerSettings(income_streams_target=3, largest_share_percent=80))
    assert s.over_share and s.under_target and s.count == 2
    end_income("Blog", DAY, date(2026, 2, 28))
    assert summary(DAY).count == 1


def test_a_new_amount_keeps_the_old_one_with_its_dates(db):
    add_income("Salary", "salary", "4000", DAY, "EUR", date(2024, 1, 1))
    add_income("salary", "salary", "4500.50", DAY, "EUR", date(2025, 7, 1))
    (stream,) = list_streams()
    assert [(a.monthly, a.from_day, a.to_day) for a in stream.history] == [
        (Decimal("4000.00"), date(2024, 1, 1), date(2025, 6, 30)), (Decimal("4500.50"), date(2025, 7, 1), None)]
    assert stream.amount_on(date(2025, 6, 30)) == Decimal("4000.00")
    history = dict(summary(DAY, months=12).history)
    assert history["2025-06"] == Decimal("4000.00") and history["2026-03"] == Decimal("4500.50")
    with pytest.raises(Invalid, match="paid in EUR"):
        add_income("Salary", "salary", "1", DAY, "USD", date(2026, 1, 1))
    with pytest.raises(Invalid, match="already starts"):
        add_income("Salary", "salary", "1", DAY, "EUR", date(2025, 7, 1))
    undo_last()  # the refused changes recorded nothing: this undoes the new amount
    (stream,) = list_streams()
    assert [(a.monthly, a.to_day) for a in stream.history] == [(Decimal("4000.00"), None)]
    undo_last()
    assert list_streams() == []


def test_jobs_show_gaps_over_three_months(db):
    add_job("Globex", "2018-01", DAY, end="2020-06")
    add_job("Hooli", "2020-09", DAY, end="2021-12")    # 2 months after: no gap
    add_job("Initech", "2022-06", DAY)                  # 5 months after: a gap
    found = gaps(list_jobs(), DAY)
    assert [(g.start, g.end, g.months) for g in found] == [("2022-01", "2022-05", 5)]
    with pytest.raises(Invalid, match="before"):
        add_job("X", "2022-06", DAY, end="2022-01")


def test_goals_and_challenges(db):
    g = add_goal("Lead a team", DAY)
    c = add_goal("Too many meetings", DAY, "challenge")
    assert [x.id for x in list_goals()] == [c.id, g.id]
    mark_done(g.id, DAY)
    assert [x.id for x in list_goals()] == [c.id]
    with pytest.raises(Invalid, match="already"):
        mark_done(g.id, DAY)


def test_learning_status_change_is_undoable(db):
    item = add_learning("SQL course", DAY, status="doing")
    assert set_status(item.id, "done", DAY).finished == DAY
    undo_last()
    from kith.store.career.learning import get_learning

    assert get_learning(item.id).status == "doing" and get_learning(item.id).finished is None
