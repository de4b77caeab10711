"""The command line.

Parsing (light: ``fieldbook --help`` imports only these):
- ``main``: the parser, assembled from the command groups, and the hand-over to the runner;
- ``common``: exit codes, the usage error, argument types, how a command is named;
- ``arguments/<group>``: each command group's arguments; ``output``: tables, safe CSV, a clean
  terminal.

Running (imported once a command is chosen):
- ``runner``: vet, import and call the command, one line and an exit code per failure;
- ``vetting``: what --db points at and the checks before any work; ``database``:
  ``open_journal`` (the one way the command line opens a journal), the writer lock;
- ``imports``, ``period``, ``progress``: what several commands share;
- the commands, one module per group: ``master``, ``day``, ``orders``, ``slips``, ``week``,
  ``department``, ``sync``, ``store``, ``audit``, ``demo``, ``gui``.
"""
