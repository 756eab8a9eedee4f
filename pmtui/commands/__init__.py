"""Subcommands of the command line; see :mod:`pmtui.cli`."""
