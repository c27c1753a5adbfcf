"""``python -m quorum``: the command line."""

from quorum.cli import main

main()
