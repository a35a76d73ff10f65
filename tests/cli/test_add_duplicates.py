"""``kith add`` stops at a likely duplicate: a same folded name where either side has no company
or the companies match, or a shared email. Two people of one name at two companies are not."""

import pytest


def names(run_kith) -> list[str]:
    import json

    return [c["name"] for c in json.loads(run_kith("contacts", "--json").out)]


@pytest.mark.parametrize("existing, new, why", [
    (("--company", "Tencent"), (), "same name, at Tencent; no company given"),
    ((), ("--company", "Tencent"), "same name; no company on record"),
    ((), (), "same name, no company"),
    (("--company", "Tencent"), ("--company", "tencent"), "same name and company"),
])
def test_a_same_name_with_a_missing_or_equal_company_stops_without_yes(run_kith, existing, new, why):
    assert run_kith("add", "Ada Lovelace", *existing).code == 0
    r = run_kith("add", "ada  lovelace", *new)
    assert r.code == 2 and len(r.err.strip().splitlines()) == 1, r
    assert f"Ada Lovelace (#1) looks like the same person ({why}); add anyway with --yes" in r.err
    assert names(run_kith) == ["Ada Lovelace"]
    assert run_kith("add", "ada  lovelace", *new, "--yes").code == 0
    assert len(names(run_kith)) == 2


def test_the_same_name_at_two_companies_is_two_people(run_kith):
    assert run_kith("add", "Ada Lovelace", "--company", "Tencent").code == 0
    r = run_kith("add", "Ada Lovelace", "--company", "Analytical Engines")
    assert r.code == 0 and r.out.startswith("added #2"), r
