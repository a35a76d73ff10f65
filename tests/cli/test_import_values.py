"""``kith import csv`` refuses the values ``kith edit`` refuses: the value is left out, with a note."""


def test_an_unknown_tier_is_reported_and_never_shown(run_kith, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("name,company,role,tier\nAda Lovelace,Analytical,,bogus\nBob Okafor,Acme,,close\n",
                    encoding="utf-8")
    assert run_kith("edit", "x", "--tier", "bogus").code == 2  # no database yet: nothing made
    r = run_kith("import", "csv", str(path))
    assert r.code == 0, r
    assert "added 2" in r.out and "note line 2: unknown tier 'bogus'; the config has: inner, close" in r.out
    show = run_kith("show", "Ada Lovelace")
    assert show.code == 0 and "bogus" not in show.out and "Tier           network" in show.out
    assert "Tier           close" in run_kith("show", "Bob Okafor").out
    r = run_kith("edit", "Ada Lovelace", "--tier", "bogus")
    assert r.code == 2 and "unknown tier 'bogus'; the config has: inner, close" in r.err
