"""Command-line layer: `newscrawler` parsing (main), subcommands, output rendering, scheduling, demo."""

from newscrawler.cli.main import main

__all__ = ["main"]
