"""Provides the Peewee models of the Perception area (schema: migration m0010)."""

from __future__ import annotations

from datetime import datetime

from peewee import BooleanField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from kith.store.brand.pitches import Pitch
from kith.store.people.models import BaseModel, Contact, FollowUp


class FeedbackRequest(BaseModel):
    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    asked_on = DateField()
    channel = TextField(default="")
    prompt = TextField(default="")
    status = TextField(default="asked")
    closed_on = DateField(null=True)
    created = DateTimeField(default=datetime.now)


class Feedback(BaseModel):
    contact = ForeignKeyField(Contact, on_delete="CASCADE")
    request = ForeignKeyField(FeedbackRequest, null=True, on_delete="SET NULL")
    given_on = DateField()
    context = TextField(default="conversation")
    quotable = BooleanField(default=False)
    text = TextField()
    thank_you = ForeignKeyField(FollowUp, null=True, on_delete="SET NULL")
    created = DateTimeField(default=datetime.now)


class BrandReview(BaseModel):
    pitch = ForeignKeyField(Pitch, on_delete="CASCADE")
    reviewed_on = DateField()
    answers = TextField(default="{}")
    created = DateTimeField(default=datetime.now)


class PitchVariant(BaseModel):
    pitch = ForeignKeyField(Pitch, on_delete="CASCADE")
    audience = TextField()
    folded = TextField()
    text = TextField(default="")
    target_seconds = IntegerField(null=True)
    created = DateTimeField(default=datetime.now)
    updated = DateTimeField(default=datetime.now)


class BrandClaim(BaseModel):
    pitch = ForeignKeyField(Pitch, on_delete="CASCADE")
    claim = TextField()
    evidence = TextField(default="")
    source = TextField(default="")
    created = DateTimeField(default=datetime.now)
