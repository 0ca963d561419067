"""The ReportLab renderer: document model in, PDF bytes out."""

from .render import render_pdf

__all__ = ["render_pdf"]
