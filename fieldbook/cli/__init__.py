"""The command line.

- ``main``: the parser, assembled from the command groups, and the dispatch;
- ``common``: exit codes, usage errors, argument types, how a command is named (light: parsing
  imports it); ``output``: tables, safe CSV, a clean terminal; ``progress``: the progress bar;
- ``database``: what --db points at, the checks before any work, the writer lock, and
  ``open_journal`` (heavy: imported only when a command runs);
- ``arguments/<group>``: each command group's arguments (light); ``<group>``: its commands —
  ``master``, ``day``, ``orders``, ``slips``, ``week``, ``department``, ``sync``, ``store``,
  ``audit``, ``demo``, ``gui``.
"""
