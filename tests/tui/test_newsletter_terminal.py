"""The newsletter's clipboard on a real terminal: the OSC 52 write kith sends carries exactly the
BCC list (base64), and nothing from names or addresses escapes to the terminal."""

from __future__ import annotations

import base64
import os
import re

from kith.store.core.db import close_db, db, open_db
from kith.store.newsletter import create_issue, preview
from kith.store.people.contacts import create_contact
from tests.hostile import hostile_strings
from tests.tui.test_terminal import DANGEROUS, read_for, start_in_pty


def _hostile_audience(path, today):
    open_db(path)
    for n, (ident, text) in enumerate(hostile_strings()):
        clean = text.replace("\x00", "")
        c = create_contact(f"{ident} {clean}", company=clean, emails=[f"h{n}@x.example"], tier="network")
        if clean != text:
            db.execute_sql("UPDATE contact SET name = ? WHERE id = ?", (f"{ident} {text}", c.id))
    # Addresses written by another tool (the forms refuse them): an escape, a second recipient.
    evil = create_contact("Evil Mail", tier="network")
    db.execute_sql("UPDATE contact SET emails = ? WHERE id = ?", ('["x@y.example\\u001b]52;c;SGk=\\u0007"]', evil.id))
    sneaky = create_contact("Sneaky Mail", tier="network")
    db.execute_sql("UPDATE contact SET emails = ? WHERE id = ?", ('["a@b.example, boss@corp.example"]', sneaky.id))
    issue = create_issue("Hello \x1b]2;OWNED\x07 world", "Body", "", "tier:network")
    emails = preview(issue, today).emails
    close_db()
    return emails


def test_the_osc52_write_carries_exactly_the_bcc_list(tmp_path):
    from datetime import date

    path = tmp_path / "hostile.db"
    emails = _hostile_audience(path, date.today())
    assert emails and all(e.endswith("@x.example") for e in emails)  # the two bad addresses are out
    proc, master = start_in_pty(path, tmp_path, cols=120, rows=40)
    try:
        out = read_for(master, 8, until=b"Today")
        os.write(master, b"5")
        out += read_for(master, 3, until=b"Targets")
        # Click the Newsletter tab (row 2; its label starts at column 46): the hostile network has no
        # targets or connectors, whose empty lists would keep the arrows in their filters.
        os.write(master, b"\x1b[<0;50;2M\x1b[<0;50;2m")
        out += read_for(master, 3, until=b"Hello")
        os.write(master, b"\x1b[B")  # into the issues
        out += read_for(master, 2, until=b"BCC/copy")
        assert b"issues" in re.sub(rb"\x1b\[[0-9;?<>=$]*[A-Za-z]", b"", out), out[-3000:]
        os.write(master, b"b")  # the BCC dialog
        out += read_for(master, 6, until=b"batch 1 of")
        assert b"batch 1 of" in out, out[-3000:]
        os.write(master, b"b")  # copy the batch
        out += read_for(master, 6, until=b"\x1b]52;")
        os.write(master, b"\x11")  # ctrl+q leaves kith from anywhere (q here would be typed into a filter)
        out += read_for(master, 3)  # everything it writes until it has gone
    finally:
        proc.kill()
        proc.wait()
        os.close(master)
    copies = re.findall(rb"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07", out)
    assert len(copies) == 1, out[-2000:]
    assert base64.b64decode(copies[0]).decode() == ", ".join(emails)  # the first batch: under 100 addresses
    assert out.count(b"\x1b]52;") == 1  # no other clipboard write, none from the data
    for needle in DANGEROUS:
        if needle != b"\x1b]52;":
            assert needle not in out, needle
    assert b"SGk=" not in out and b"boss@corp.example" not in out
