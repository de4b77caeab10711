"""Everything the desktop app hands to the one DB worker: ``runner`` (the worker, the change hub,
the progress dialog) and one module per area with the functions the worker runs."""
