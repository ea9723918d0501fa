"""Render stage: offline interactive HTML views of the knowledge graph."""

from kg.render.html import ViewPlan, ego_filename, render_views

__all__ = ["ViewPlan", "ego_filename", "render_views"]
