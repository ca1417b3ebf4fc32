"""Helpers shared by the suite's blocks (Markdown rendering, i18n)."""
