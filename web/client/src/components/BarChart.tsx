/**
 * A small horizontal bar chart in SVG: one row per label, one bar per series. It is a picture of
 * a table shown next to it (role="img" with a summary), so screen readers read the table.
 */
export function BarChart({
  rows,
  series,
  summary,
  unit = "",
}: {
  rows: Array<{ label: string; values: Array<number | null> }>;
  series: Array<{ name: string; className: string }>;
  summary: string;
  unit?: string;
}) {
  const max = Math.max(1, ...rows.flatMap((r) => r.values.map((v) => v ?? 0)));
  const bar = 14;
  const rowHeight = series.length * (bar + 2) + 14;
  const labelWidth = 220;
  const width = 640;
  const plot = width - labelWidth - 70;
  const height = rows.length * rowHeight + 28;
  return (
    <figure className="chart">
      <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${height}`} width="100%">
        {rows.map((row, i) => {
          const y = i * rowHeight + 4;
          return (
            <g key={row.label}>
              <text x={0} y={y + rowHeight / 2} className="chart__label" dominantBaseline="middle">
                {row.label.length > 32 ? `${row.label.slice(0, 31)}…` : row.label}
              </text>
              {row.values.map((v, j) => (
                <g key={j}>
                  <rect
                    x={labelWidth}
                    y={y + j * (bar + 2)}
                    width={Math.max(v === null ? 0 : (v / max) * plot, v ? 2 : 0)}
                    height={bar}
                    className={series[j]!.className}
                  />
                  <text
                    x={labelWidth + (v === null ? 0 : (v / max) * plot) + 6}
                    y={y + j * (bar + 2) + bar / 2}
                    dominantBaseline="middle"
                    className="chart__value"
                  >
                    {v === null ? "–" : `${v}${unit}`}
                  </text>
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart__legend">
        {series.map((s) => (
          <span key={s.name}>
            <span className={`chart__swatch ${s.className}`} aria-hidden="true" /> {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
