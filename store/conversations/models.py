"""Provides the Conversations area's Peewee models (the schema is migration 11's)."""

from datetime import datetime

from peewee import DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from kith.store.conversations.names import (  # noqa: F401 (re-exported)
    FEEDBACK_QUESTIONS,
    PLAN_KINDS,
    PLAN_STATES,
    THANK_REASONS,
    TODAY_SOURCES,
)
from kith.store.people.models import BaseModel, Contact, FollowUp, Touch


class Plan(BaseModel):
    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    kind = TextField()
    day = DateField()
    at = TextField(null=True)
    purpose = TextField(default="")
    objectives = TextField(default="[]")  # JSON lists of strings
    points = TextField(default="[]")
    questions = TextField(default="[]")
    offer = TextField(default="")
    state = TextField(default="planned")
    held_on = DateField(null=True)
    touch = ForeignKeyField(Touch, null=True, on_delete="SET NULL")
    answers = TextField(default="[]")
    learned = TextField(default="")
    rating = IntegerField(null=True)
    minutes = IntegerField(null=True)
    created = DateTimeField(default=datetime.now)

    class Meta:
        table_name = "conversation_plan"


class Referral(BaseModel):
    plan = ForeignKeyField(Plan, on_delete="CASCADE")
    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    created_contact = IntegerField(default=0)

    class Meta:
        table_name = "conversation_referral"


class ThankYou(BaseModel):
    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    reason = TextField()
    follow_up = ForeignKeyField(FollowUp, on_delete="CASCADE")
    plan = ForeignKeyField(Plan, null=True, on_delete="SET NULL")
    touch = ForeignKeyField(Touch, null=True, on_delete="SET NULL")
    owed_on = DateField()
    created = DateTimeField(default=datetime.now)

    class Meta:
        table_name = "thank_you"
