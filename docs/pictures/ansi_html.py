#!/usr/bin/env python3
"""A tmux screen (`capture-pane -p -e`: text with SGR colour sequences) as an HTML page, so
headless Chromium can take a picture of what the terminal showed.

    python3 docs/pictures/ansi_html.py SCREEN.txt COLUMNS > screen.html

Standard library only. Handles what tmux emits: SGR 0-9 and 21-29 attributes, 16 colours,
256 colours and 24-bit colours, for foreground and background.
"""

import html
import re
import sys
import unicodedata

BASE16 = [
    "#1d1f21", "#cc6666", "#b5bd68", "#f0c674", "#81a2be", "#b294bb", "#8abeb7", "#c5c8c6",
    "#666666", "#d54e53", "#b9ca4a", "#e7c547", "#7aa6da", "#c397d8", "#70c0b1", "#eaeaea",
]
FOREGROUND, BACKGROUND = "#d8dee9", "#15181e"


def xterm256(n):
    if n < 16:
        return BASE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (steps[n // 36], steps[n // 6 % 6], steps[n % 6])
    level = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (level, level, level)


class Pen:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = self.bg = None
        self.bold = self.dim = self.italic = self.underline = self.reverse = self.strike = False

    def apply(self, params):
        codes = [int(p) if p else 0 for p in params.split(";")] if params else [0]
        i = 0
        while i < len(codes):
            c = codes[i]
            if c == 0:
                self.reset()
            elif c in (1, 2, 3, 4, 7, 9):
                setattr(self, {1: "bold", 2: "dim", 3: "italic", 4: "underline", 7: "reverse", 9: "strike"}[c], True)
            elif c == 22:
                self.bold = self.dim = False
            elif c in (23, 24, 27, 29):
                setattr(self, {23: "italic", 24: "underline", 27: "reverse", 29: "strike"}[c], False)
            elif 30 <= c <= 37 or 90 <= c <= 97:
                self.fg = BASE16[c - 30 if c < 90 else c - 90 + 8]
            elif 40 <= c <= 47 or 100 <= c <= 107:
                self.bg = BASE16[c - 40 if c < 100 else c - 100 + 8]
            elif c in (38, 48) and i + 1 < len(codes):
                if codes[i + 1] == 5 and i + 2 < len(codes):
                    colour, i = xterm256(codes[i + 2]), i + 2
                elif codes[i + 1] == 2 and i + 4 < len(codes):
                    colour, i = "#%02x%02x%02x" % tuple(codes[i + 2:i + 5]), i + 4
                else:
                    colour = None
                if c == 38:
                    self.fg = colour
                else:
                    self.bg = colour
            elif c == 39:
                self.fg = None
            elif c == 49:
                self.bg = None
            i += 1

    def style(self):
        fg, bg = self.fg or FOREGROUND, self.bg or BACKGROUND
        if self.reverse:
            fg, bg = bg, fg
        css = ["color:" + fg, "background:" + bg]
        if self.bold:
            css.append("font-weight:bold")
        if self.dim:
            css.append("opacity:.6")
        if self.italic:
            css.append("font-style:italic")
        decorations = [d for d, on in (("underline", self.underline), ("line-through", self.strike)) if on]
        if decorations:
            css.append("text-decoration:" + " ".join(decorations))
        return ";".join(css)


SGR = re.compile(r"\x1b\[([0-9;]*)m")


def cells(text):
    """HTML for text, each wide character (CJK, most emoji) boxed to the two cells the
    terminal gave it, so the browser's font cannot shift the columns after it."""
    out = []
    for ch in text:
        if unicodedata.east_asian_width(ch) in "WF":
            out.append('<span class=w>%s</span>' % html.escape(ch))
        else:
            out.append(html.escape(ch))
    return "".join(out)


def line_html(line, pen):
    out, pos = [], 0
    for match in list(SGR.finditer(line)) + [None]:
        end = match.start() if match else len(line)
        text = line[pos:end]
        if text:
            out.append('<span style="%s">%s</span>' % (pen.style(), cells(text)))
        if match:
            pen.apply(match.group(1))
            pos = match.end()
    return "".join(out)


def main():
    screen, columns = open(sys.argv[1], encoding="utf-8").read().split("\n"), int(sys.argv[2])
    pen = Pen()
    rows = [line_html(line, pen) for line in screen if line is not None]
    while rows and not rows[-1]:
        rows.pop()
    print(
        "<!doctype html><meta charset=utf-8><style>"
        "body{margin:0;background:%s}"
        "pre{margin:0;padding:14px 16px;font:15px/1.25 'DejaVu Sans Mono','Noto Color Emoji',monospace;"
        "width:%dch;white-space:pre;background:%s;color:%s}"
        ".w{display:inline-block;width:2ch;text-align:center;overflow:hidden;vertical-align:bottom}"
        "</style><pre>%s</pre>" % (BACKGROUND, columns, BACKGROUND, FOREGROUND, "\n".join(rows))
    )


if __name__ == "__main__":
    main()
