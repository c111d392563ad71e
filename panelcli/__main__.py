"""`python -m panelcli` and the `panelcli` console script."""

from __future__ import annotations

import os
import sys


def main() -> None:
    # `--version` is answered before typer and pydantic are imported: it should be instant.
    if sys.argv[1:] == ["--version"]:
        from panelcli import __version__

        print(f"panelcli {__version__}")
        return
    # pydantic looks for third-party plugins through every installed package's metadata on the
    # first model it builds (~2x `python -c pass`); a command-line run has no use for them.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe that cannot show 'β' or '✓' gets a '?' instead of a crash.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    try:
        from panelcli.cli import run

        run()
    except KeyboardInterrupt:  # Ctrl-C before a command started (while importing)
        print("panelcli: interrupted", file=sys.stderr)
        raise SystemExit(130) from None


if __name__ == "__main__":
    main()
