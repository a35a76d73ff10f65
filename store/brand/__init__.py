"""Provides the Brand area: pitches and taglines, word counting and rehearsals."""
