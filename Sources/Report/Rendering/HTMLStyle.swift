/// The HTML report's style sheet, inline: large type and strong contrast for a projector,
/// and a print layout (no backgrounds wasted, sections not split across pages).
enum HTMLStyle {
    static let css = """
        :root { --ink: #111827; --muted: #4b5563; --line: #d1d5db; --accent: #1d4ed8; --card: #f3f4f6; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 18px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
        header { background: #0f172a; color: #fff; padding: 28px 40px; }
        header h1 { margin: 0 0 6px; font-size: 34px; }
        header p { margin: 0; color: #cbd5e1; font-size: 16px; overflow-wrap: anywhere; }
        main { max-width: 1200px; margin: 0 auto; padding: 8px 40px 40px; }
        section { border-bottom: 2px solid var(--line); padding: 12px 0 24px; }
        h2 { font-size: 26px; margin: 18px 0 12px; color: var(--accent); }
        h3 { font-size: 18px; margin: 18px 0 6px; }
        dl.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 12px; margin: 0 0 12px; }
        dl.facts div { background: var(--card); border-radius: 8px; padding: 10px 14px; }
        dt { color: var(--muted); font-size: 15px; }
        dd { margin: 2px 0 0; font-size: 22px; font-weight: 700; overflow-wrap: anywhere; }
        table { border-collapse: collapse; margin: 12px 0; min-width: 50%; }
        th, td { text-align: left; padding: 6px 14px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
        th { background: var(--card); font-size: 16px; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        /* Headers, counts and the first column (a type or a name) never break inside a word. */
        th, td.num, td:first-child { white-space: nowrap; overflow-wrap: normal; }
        p.note { color: var(--muted); font-size: 16px; }
        svg.chart { display: block; max-width: 900px; margin: 8px 0 16px; }
        svg .bar { fill: var(--accent); }
        svg .label { fill: var(--ink); font-size: 15px; }
        svg .value { fill: var(--muted); font-size: 14px; }
        svg .axis { stroke: var(--muted); stroke-width: 1; }
        @media print {
          body { font-size: 11pt; }
          header { background: none; color: #000; padding: 0 0 8pt; border-bottom: 2pt solid #000; }
          header p { color: #333; }
          main { max-width: none; padding: 0; }
          section { break-inside: avoid; page-break-inside: avoid; }
          h2 { color: #000; }
          dl.facts div { background: none; border: 1px solid #999; }
          svg .bar { fill: #333; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}
