"""The command line: a thin layer over the core, storage and exchange APIs."""
