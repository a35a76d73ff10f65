"""Provides the Brand area's demo data: pitches and taglines with versions and rehearsals."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from kith.store.brand.pitches import CHANNEL_DEFAULTS, Pitch, PitchVersion, Rehearsal
from kith.store.brand.wordcount import count_words
from kith.store.core.fold import fold

_DEMO = (
    ("Elevator pitch", "elevator pitch", None, (
        "I'm Sam, a data engineer. I build data pipelines for companies.",
        "# Who are you?\nI'm Sam Rivera, a data engineer with ten years in fintech and health.\n\n"
        "# What do you do?\nI turn messy, scattered data into pipelines that teams can trust.\n\n"
        "# Who do you help?\nI help product and finance teams at growing companies.\n\n"
        "# What value do you bring?\nThey stop arguing about whose numbers are right and start deciding.",
        "# Who are you?\nI'm Sam Rivera, a data engineer with ten years in fintech and healthcare.\n\n"
        "# What do you do?\nI turn messy, scattered data into pipelines that teams can trust.\n\n"
        "# Who do you help?\nI help product and finance teams at growing companies, usually "
        "the ones who just hit their first real scaling pains.\n\n"
        "# What value do you bring?\nThey stop arguing about whose numbers are right and start "
        "deciding. Last year that saved one client two weeks of month-end close.",
    )),
    ("Conference intro", "custom", 15, (
        "Hi, I'm Sam. I help finance teams trust their numbers by building data pipelines "
        "that don't break, and I love talking about data quality, month-end close, and how "
        "small teams can get big-company reporting without the big-company headcount.",
    )),
    ("Informational interview opener", "custom", 60, (
        "Thanks for making the time. I'm a data engineer exploring platform roles, and "
        "I'd love to hear how your team got started.",
    )),
    ("LinkedIn headline", "social headline", None, (
        "Data engineer",
        "Data engineer · I help finance teams trust their numbers · Pipelines, data quality, "
        "month-end close",
    )),
    ("LinkedIn about", "social about", None, (
        "I'm a data engineer who turns messy, scattered data into pipelines teams can trust.\n\n"
        "For ten years I have worked with product and finance teams in fintech and healthcare. "
        "My favourite problems sit where the numbers disagree: two dashboards, one question, "
        "three answers. I fix the plumbing and, just as important, the habits around it.\n\n"
        "- Data pipelines and warehouses that survive month-end\n"
        "- Data-quality checks people actually read\n"
        "- Coaching analysts into engineers\n\n"
        "Open to conversations about platform and data leadership roles.",
    )),
    ("Business card", "business card", None, ("Sam Rivera · Data engineer · Numbers you can trust",)),
    ("Email signature", "email signature", None, (
        "Sam Rivera\nData engineer · numbers you can trust\nhttps://samrivera.example · +44 20 7946 0123",
    )),
    ("Resume summary", "resume summary", None, (
        "Data engineer with ten years in fintech and healthcare. Builds reliable pipelines and "
        "data-quality checks that cut month-end close from ten days to six. Mentors analysts "
        "into engineers.",
    )),
)


def demo(rng, today: date, contact_ids: list[int]) -> None:
    """Add realistic pitches and taglines with a few versions and rehearsals (deterministic)."""
    start = datetime.combine(today, time(9, 0))
    for i, (name, channel, seconds, versions) in enumerate(_DEMO):
        made = start - timedelta(days=90 - i * 3)
        default_seconds, default_chars = CHANNEL_DEFAULTS[channel]
        p = Pitch.create(name=name, folded=fold(name), channel=channel,
                         target_seconds=seconds if seconds else default_seconds,
                         char_limit=None if seconds else default_chars,
                         text=versions[-1], created=made,
                         updated=made + timedelta(days=(len(versions) - 1) * 20))
        for n, text in enumerate(versions, 1):
            PitchVersion.create(pitch=p.id, number=n, text=text, created=made + timedelta(days=(n - 1) * 20))
        if channel == "elevator pitch":
            words = count_words(versions[-1])
            # Five rehearsals, getting closer to the 30 s target (a pace settling near 135 wpm).
            for k, secs in enumerate((41.5, 37.0, 33.6, 31.2, 29.4)):
                Rehearsal.create(pitch=p.id, version_number=len(versions), seconds=secs,
                                 words=words, created=start - timedelta(days=12 - k * 2, hours=-k))
