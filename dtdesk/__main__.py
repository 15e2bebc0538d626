"""Allows ``python -m dtdesk``."""

from dtdesk.cli import main

raise SystemExit(main())
