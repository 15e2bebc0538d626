"""dtdesk: the quarterly digital-transformation report, from ward clerk to province."""

__version__ = "0.1.0"
