"""Provides kith's modal dialogs (ModalScreen[T] that dismiss with a value)."""
