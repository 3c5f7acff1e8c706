"""What bounds the input of a command that reads documents: the size limit and whether a
manifest may point outside its folder. Kept apart from pipeline.reading so the command line
can declare these options without importing the readers.
"""
from __future__ import annotations

import click

DEFAULT_MAX_BYTES = 20_000_000

_OPTIONS = (
    click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES,
                 show_default=True, help="Refuse input files larger than this many bytes."),
    click.option("--allow-outside", is_flag=True,
                 help="Read manifest paths that resolve outside the manifest's folder."),
)


def input_options(command):
    """Add --max-bytes and --allow-outside to a click command."""
    for option in reversed(_OPTIONS):
        command = option(command)
    return command
