"""``python -m quorum``: the command line."""

from quorum.cli import main

if __name__ == "__main__":  # not when a process pool (spawn) imports it again (--jobs)
    main()
