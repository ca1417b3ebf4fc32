"""The `jobintech` command line: one entry point, one module per sub-command."""
