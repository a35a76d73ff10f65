"""Provides the store's exceptions, each with a message fit to show a user."""


class StoreError(Exception):
    """Base of every error the store raises on purpose."""


class NotFound(StoreError):
    """A row asked for by id or name does not exist."""


class Invalid(StoreError):
    """A value given to the store is not acceptable; ``field`` names the culprit."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class Ambiguous(StoreError):
    """A name matched several rows; ``candidates`` holds them."""

    def __init__(self, message: str, candidates: list) -> None:
        super().__init__(message)
        self.candidates = candidates


class Conflict(StoreError):
    """Another process changed the same fields since they were read."""

    def __init__(self, message: str, fields: list[str]) -> None:
        super().__init__(message)
        self.fields = fields


class NotKithDatabase(StoreError):
    """The file exists but is not a kith database; it is never touched."""


class DatabaseTooNew(StoreError):
    """The database was written by a newer kith than this one."""
