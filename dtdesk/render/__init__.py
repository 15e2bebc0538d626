"""PDF rendering of the report (ReportLab). No Qt here: it runs headless in tests."""

from dtdesk.render.pdf import render_bytes, render_pdf

__all__ = ["render_pdf", "render_bytes"]
