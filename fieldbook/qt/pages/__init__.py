"""pages of the desktop app."""
