"""The accessible electronic format: one self-contained HTML page per handout, made from
the same document model as the PDF (the PDF renderer cannot tag its output)."""
from .render import render_html

__all__ = ["render_html"]
