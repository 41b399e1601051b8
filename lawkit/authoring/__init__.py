"""Authoring aids: JSON Schemas of the authored files for editors (docs/authoring.md)."""
