"""Newsletter store: a send logs one touch per recipient (none for the out), the per-tier cadence
rule, undo removes exactly those touches, and a send killed mid-way leaves all or none."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date

import pytest

from kith.store.core import undo
from kith.store.core.db import db as conn
from kith.store.core.errors import Invalid
from kith.store.newsletter import (
    AlreadySent,
    EmptyAudience,
    audience_from_options,
    bcc_batches,
    create_issue,
    get_issue,
    log_reply,
    mailto,
    mark_sent,
    preview,
    received_by,
    recipients,
    replies,
    set_opt_out,
    unsend,
)
from kith.store.people.contacts import create_contact, get_contact
from kith.store.people.filters import BadFilter
from kith.store.people.touches import list_touches, log_touch
from kith.store.today import cadence

DAY = date(2026, 3, 16)


def _touches(kind: str = "newsletter") -> dict[int, int]:
    rows = conn.execute_sql("SELECT contact_id, count(*) FROM touch WHERE kind = ? GROUP BY 1", (kind,))
    return dict(rows.fetchall())


@pytest.fixture
def people(db):
    made = {
        "ada": create_contact("Ada", tier="network", emails=["ada@x.example"]),
        "bob": create_contact("Bob", tier="inner", emails=["bob@x.example"]),
        "cy": create_contact("Cy", tier="close", emails=["cy@x.example"]),
        "dee": create_contact("Dee", tier="network"),  # no email
        "eve": create_contact("Eve", tier="network", emails=["eve@x.example"]),
        "old": create_contact("Old", tier="network", emails=["old@x.example"], archived=True),
        "bad": create_contact("Bad", tier="network"),
        "twin": create_contact("Twin", tier="network", emails=["ADA@x.example"]),
    }
    set_opt_out(made["eve"].id)
    # An address written by another tool (the forms refuse it) must never add recipients to a BCC list.
    conn.execute_sql("UPDATE contact SET emails = ? WHERE id = ?", ('["a@x.example, evil@y.example"]', made["bad"].id))
    return {k: c.id for k, c in made.items()}


def test_a_send_logs_exactly_one_touch_per_recipient_and_none_for_those_out(people):
    issue = create_issue("Spring update", "Body", "Intros to fintech folks", "")
    found = preview(issue, DAY)
    assert {m.name for m in found.inside} == {"Ada", "Bob", "Cy"}
    reasons = {m.name: m.reason for m in found.out}
    assert reasons == {"Dee": "no email", "Eve": "opted out", "Old": "archived", "Bad": "email not usable",
                       "Twin": "same email as another"}
    assert found.counts == {"archived": 1, "opted out": 1, "no email": 1, "email not usable": 1,
                            "same email as another": 1}
    assert mark_sent(issue.id, DAY, DAY) == 3
    assert _touches() == {people["ada"]: 1, people["bob"]: 1, people["cy"]: 1}
    assert {r.name for r in recipients(issue.id)} == {"Ada", "Bob", "Cy"}
    assert get_issue(issue.id).sent_on == DAY
    assert list_touches(people["ada"])[0].note == "newsletter: Spring update"
    assert received_by(people["ada"]) == [(issue.id, "Spring update", DAY)]
    assert received_by(people["eve"]) == []


def test_an_issue_is_sent_once_and_never_to_an_empty_audience(people):
    issue = create_issue("One", audience="tier:network")
    mark_sent(issue.id, DAY, DAY)
    with pytest.raises(AlreadySent):
        mark_sent(issue.id, DAY, DAY)
    nobody = create_issue("Two", audience="tier:dormant")
    with pytest.raises(EmptyAudience):
        mark_sent(nobody.id, DAY, DAY)
    with pytest.raises(Invalid):
        mark_sent(nobody.id, date(2026, 3, 17), DAY)  # a day still ahead
    assert _touches() == {people["ada"]: 1}


def test_a_newsletter_restarts_the_cadence_of_network_not_inner_or_close(people):
    for key in ("ada", "bob", "cy"):
        log_touch(people[key], "coffee", date(2026, 1, 5))
    mark_sent(create_issue("News").id, DAY, DAY)
    assert get_contact(people["ada"]).last_touch_on == DAY  # network: restarted
    assert get_contact(people["ada"]).last_touch_kind == "newsletter"
    assert get_contact(people["bob"]).last_touch_on == date(2026, 1, 5)  # inner: still owed a conversation
    assert get_contact(people["cy"]).last_touch_on == date(2026, 1, 5)  # close: the same
    assert cadence.restarts_cadence("coffee", "inner") and not cadence.restarts_cadence("newsletter", "close")


def test_the_cadence_rule_is_configurable_per_tier(people):
    cadence.use_rule(cadence.CadenceRule(broadcast_restarts=frozenset({"inner"})))
    try:
        mark_sent(create_issue("News").id, DAY, DAY)
        assert get_contact(people["bob"]).last_touch_on == DAY
        assert get_contact(people["ada"]).last_touch_on is None  # network no longer restarts
    finally:
        cadence.use_rule(cadence.CadenceRule())


def test_undo_of_a_send_removes_exactly_its_touches(people):
    log_touch(people["ada"], "newsletter", date(2026, 2, 1), "an older issue, logged by hand")
    log_touch(people["bob"], "call", date(2026, 2, 2))
    before = conn.execute_sql("SELECT id, contact_id, kind, date FROM touch ORDER BY id").fetchall()
    issue = create_issue("News")
    mark_sent(issue.id, DAY, DAY)
    assert len(_touches()) == 3
    entry = undo.undo_last()
    assert entry.action == "newsletter sent"
    assert conn.execute_sql("SELECT id, contact_id, kind, date FROM touch ORDER BY id").fetchall() == before
    assert get_issue(issue.id).sent_on is None and recipients(issue.id) == []
    assert get_contact(people["ada"]).last_touch_on == date(2026, 2, 1)  # back to the older one


def test_undo_sent_then_undo_brings_the_same_touches_back(people):
    issue = create_issue("News")
    mark_sent(issue.id, DAY, DAY)
    sent = conn.execute_sql("SELECT id, contact_id FROM touch WHERE kind = 'newsletter' ORDER BY id").fetchall()
    assert unsend(issue.id) == 3
    assert _touches() == {}
    undo.undo_last()
    assert conn.execute_sql("SELECT id, contact_id FROM touch WHERE kind = 'newsletter' ORDER BY id").fetchall() == sent
    assert get_issue(issue.id).recipients == 3 and get_issue(issue.id).sent_on == DAY


def test_a_reply_is_a_message_touch_on_the_issue(people):
    issue = create_issue("News")
    with pytest.raises(Invalid):
        log_reply(issue.id, people["ada"], DAY)  # not sent yet
    mark_sent(issue.id, DAY, DAY)
    log_reply(issue.id, people["ada"], DAY, "Loved it; coffee?")
    [reply] = replies(issue.id)
    assert (reply.name, reply.note) == ("Ada", "Loved it; coffee?")
    assert list_touches(people["ada"])[0].kind == "message"
    assert [r.replied for r in recipients(issue.id)] == [True, False, False]
    undo.undo_last()
    assert replies(issue.id) == [] and _touches("message") == {}


def test_audiences_use_the_one_filter_grammar_with_any_line(people):
    text = audience_from_options(["inner", "close"], ["industry:fin tech"], [])
    assert text.splitlines() == ['tier:inner tag:industry:"fin tech"', 'tier:close tag:industry:"fin tech"']
    issue = create_issue("Close ones", audience="tier:inner\ntier:close")
    assert {m.name for m in preview(issue, DAY).inside} == {"Bob", "Cy"}
    with pytest.raises(BadFilter):
        create_issue("Bad", audience="colour:blue")


def test_bcc_batches_and_mailto():
    emails = [f"p{i}@x.example" for i in range(5)]
    assert bcc_batches(emails, 2) == ["p0@x.example, p1@x.example", "p2@x.example, p3@x.example", "p4@x.example"]
    link = mailto("a@x.example, b@x.example", "Hi & bye", "line one\nline two")
    assert link == "mailto:?bcc=a@x.example,%20b@x.example&subject=Hi%20%26%20bye&body=line%20one%0Aline%20two"


def test_opt_out_is_undoable(people):
    assert set_opt_out(people["ada"]) is True
    assert set_opt_out(people["ada"]) is False
    undo.undo_last()
    assert "Ada" in {m.name for m in preview(create_issue("x"), DAY).inside}


KILLED_SEND = textwrap.dedent("""
    import sys, time
    from datetime import date
    from kith.store.core.db import open_db
    import kith.store.newsletter.sending as sending
    open_db(sys.argv[1])
    real = sending.refresh_last_touches
    def stall(*args, **kwargs):
        print("touches written", flush=True)   # every touch is in, nothing committed yet
        time.sleep(60)
    sending.refresh_last_touches = stall
    sending.mark_sent(int(sys.argv[2]), date(2026, 3, 16))
""")


def test_a_send_killed_mid_way_leaves_none_then_a_full_send_leaves_all(db_file):
    from kith.store.core.db import close_db, open_db

    for i in range(300):
        create_contact(f"Person {i}", emails=[f"p{i}@x.example"])
    issue = create_issue("Big news")
    close_db()
    proc = subprocess.Popen([sys.executable, "-c", KILLED_SEND, str(db_file), str(issue.id)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "touches written"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    time.sleep(0.1)
    open_db(db_file)
    assert _touches() == {} and get_issue(issue.id).sent_on is None and recipients(issue.id) == []
    assert mark_sent(issue.id, DAY, DAY) == 300
    assert len(_touches()) == 300 and get_issue(issue.id).recipients == 300
