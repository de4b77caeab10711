"""The arguments of each command group: ``register(subcommands)`` adds the group's parsers and
records, by name, the function each command runs (in the group's module, ``fieldbook.cli.<group>``).
Only argparse and light modules here: ``fieldbook --help`` imports every one of them."""
