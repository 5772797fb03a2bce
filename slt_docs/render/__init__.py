"""Rendering: views into Word templates (docxtpl, sandboxed), and Word into PDF."""

from .docx import Picture, TemplateFault, render_docx
from .package import normalize_zip

__all__ = ["Picture", "TemplateFault", "normalize_zip", "render_docx"]
