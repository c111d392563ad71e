"""`--export report.html|.svg`: the report as drawn for the terminal, recorded into a file."""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.terminal_theme import DEFAULT_TERMINAL_THEME

from panelcli.errors import PanelcliError
from panelcli.patterns import lazy_pattern
from panelcli.render.output import open_output, writing

EXPORT_SUFFIXES = (".html", ".htm", ".svg")  # '.htm' too (script-author QA round 22: refused)
#: A web font rich's SVG asks a server for, after the local one (',\n url("https://…")
#: format("woff2")'): opening a shared report must not reach the network (educator QA round 8)
_FONT_FROM_THE_WEB = lazy_pattern(r',\s*url\("https?://[^"]*"\)\s*format\("[^"]*"\)')


def _offline(svg: str) -> str:
    """The SVG with its fonts' web addresses left out: the local font, else monospace."""
    return _FONT_FROM_THE_WEB.sub("", svg)


EXPORT_WIDTH = 120
DIM_ON_PAPER = "#595959"

# rich's own page, plus a language, a title and a print-friendly width for browsers.
HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>panelcli report</title>
<style>
{stylesheet}
body {{
    color: {foreground};
    background-color: {background};
}}
pre {{
    font-family: 'DejaVu Sans Mono', Menlo, consolas, 'Courier New', monospace;
    font-size: 13px;
    line-height: 1.2;
}}
code {{ font-family: inherit; }}
/* on paper, the 120 columns fit an A4 or Letter page's width (educator QA round 12: a
   printed handout lost its right third, the notice's end with it) */
@media print {{
    @page {{ margin: 10mm; }}
    pre {{ font-size: 7pt; }}
}}
</style>
</head>
<body>
<pre><code>{code}</code></pre>
</body>
</html>
"""


def export_report(
    path: Path, draw: Callable[[Console], None], title: str = "panelcli report"
) -> None:
    """Draw into a recording console, then write it as HTML or SVG (chosen by the suffix),
    under `title` (a handout's: 'IL-6 explained (panelcli)'; educator QA round 11)."""
    suffix = path.suffix.casefold()
    if suffix not in EXPORT_SUFFIXES:
        raise PanelcliError(
            f"--export needs a file ending in .html (.htm) or .svg, not '{path.name}'"
        )
    console = Console(
        file=io.StringIO(),
        record=True,
        width=EXPORT_WIDTH,
        force_terminal=True,
        color_system="truecolor",
        highlight=False,
        emoji=False,
        markup=False,  # as every console of panelcli (`make_console`)
        soft_wrap=False,
    )
    draw(console)
    if suffix in (".html", ".htm"):
        page = HTML_PAGE.replace(
            "<title>panelcli report</title>",
            f"<title>{html.escape(title).replace('{', '{{').replace('}', '}}')}</title>",
        )
        document = console.export_html(
            theme=DEFAULT_TERMINAL_THEME, code_format=page, inline_styles=True
        )
    else:
        document = _offline(console.export_svg(title=title, theme=DEFAULT_TERMINAL_THEME))
    # the terminal's dim text (the how-to-read legends) is rich's #7f7f7f, 4.0:1 on white: a
    # darker grey reads at 7:1, as print and projectors need (educator QA round 14)
    document = document.replace("#7f7f7f", DIM_ON_PAPER)
    # As -o writes: a temporary file that replaces the target only once whole (review: a
    # full disk left half a report, and the next run refused to replace it)
    with open_output(str(path), force=True) as out, writing():
        out.write(document)
