"""A generator of typed Python SDKs from JD Cloud API reference pages written in Markdown."""

__version__ = "0.1.0"
