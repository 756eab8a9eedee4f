"""pmtui: run a blameless incident post-mortem in the terminal."""

__version__ = "0.1.0"
