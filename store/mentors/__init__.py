"""Provides the Mentors area: roles and value given and received; partners and check-ins."""
