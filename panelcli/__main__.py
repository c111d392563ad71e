"""`python -m panelcli` and the `panelcli` console script."""

from __future__ import annotations

import sys


def main() -> None:
    # `--version` is answered before typer and pydantic are imported: it should be instant.
    if sys.argv[1:] == ["--version"]:
        from panelcli import __version__

        print(f"panelcli {__version__}")
        return
    for stream in (sys.stdout, sys.stderr):
        # A terminal or pipe that cannot show 'β' or '✓' gets a '?' instead of a crash.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    from panelcli.cli import run

    run()


if __name__ == "__main__":
    main()
