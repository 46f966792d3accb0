"""Jianfu (减负): a township self-assessment assistant for "fingertip formalism"."""

__version__ = "0.1.0"
