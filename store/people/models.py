"""Provides the Peewee models. The schema itself is owned by ``store/migrations``."""

from datetime import datetime

from peewee import (
    BooleanField,
    CompositeKey,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from kith.store.core.db import db


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class Contact(BaseModel):
    name = TextField()
    company = TextField(default="")
    role = TextField(default="")
    emails = TextField(default="[]")  # JSON list of strings
    phones = TextField(default="[]")  # JSON list of strings
    links = TextField(default="[]")  # JSON list of URLs (LinkedIn, site, ...)
    location = TextField(default="")
    notes = TextField(default="")
    tier = TextField(default="network")
    strength = IntegerField(default=3)
    cadence_days = IntegerField(null=True)  # own override of the tier's cadence; 0 = never
    how_met = TextField(default="")
    introduced_by = ForeignKeyField("self", null=True, backref="introduced", on_delete="SET NULL")
    birthday_month = IntegerField(null=True)
    birthday_day = IntegerField(null=True)
    birthday_year = IntegerField(null=True)
    connected_on = DateField(null=True)
    last_touch_on = DateField(null=True)  # kept in step by store.touches
    last_touch_kind = TextField(null=True)
    archived = BooleanField(default=False)
    extra = TextField(default="{}")  # JSON: importer fields kept for a faithful export
    search_key = TextField(default="")
    created = DateTimeField(default=datetime.now)
    updated = DateTimeField(default=datetime.now)
    version = IntegerField(default=1)


class Tag(BaseModel):
    name = TextField()
    kind = TextField(default="other")
    folded = TextField()


class ContactTag(BaseModel):
    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    tag = ForeignKeyField(Tag, on_delete="CASCADE")

    class Meta:
        primary_key = CompositeKey("contact", "tag")


class Touch(BaseModel):
    contact = ForeignKeyField(Contact, backref="touches", on_delete="CASCADE")
    date = DateField()
    kind = TextField()
    note = TextField(default="")
    channel = TextField(null=True)  # a thank-you's channel (migration 18)
    created = DateTimeField(default=datetime.now)


class FollowUp(BaseModel):
    contact = ForeignKeyField(Contact, backref="follow_ups", on_delete="CASCADE")
    due = DateField()
    what = TextField()
    done = BooleanField(default=False)
    done_on = DateField(null=True)
    created = DateTimeField(default=datetime.now)
