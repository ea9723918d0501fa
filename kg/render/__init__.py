"""Render stage: offline interactive HTML views of the knowledge graph."""

from kg.render.html import ego_filename, render_views

__all__ = ["ego_filename", "render_views"]
