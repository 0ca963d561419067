"""Translations: Babel catalogs, their checks, and the translator workflow."""
