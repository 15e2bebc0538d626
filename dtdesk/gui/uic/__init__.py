"""Python modules compiled from ui/*.ui by scripts/compile_ui.py."""
