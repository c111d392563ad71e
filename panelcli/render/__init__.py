"""Presentation: turns finished reports into tables, JSON and text. The only place rich lives."""
