"""The command line: ``main`` (parser and dispatch) and one module per command group."""
