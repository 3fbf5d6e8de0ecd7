// A horizontal bar chart in plain SVG (no chart library: the first screen must stay small). Each bar is
// labelled in text too, so the chart reads without colour and for screen readers (role="img" + title).
export interface Bar {
  label: string;
  value: number;
  display: string;
}

export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 44;
  return (
    <svg
      className="chart"
      viewBox={`0 0 400 ${bars.length * row}`}
      role="img"
      aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.display}`).join(', ')}`}
    >
      {bars.map((b, i) => (
        <g key={b.label} transform={`translate(0 ${i * row})`}>
          <text x="0" y="26" className="chart-label">
            {b.label}
          </text>
          <rect x="90" y="8" height="26" width={Math.max(2, (b.value / max) * 220)} className={`bar bar-${i % 4}`} rx="4" />
          <text x={96 + Math.max(2, (b.value / max) * 220)} y="26" className="chart-value">
            {b.display}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** A ring showing one share (0 to 1), with the percentage written in the middle. */
export function RingChart({ title, share, caption }: { title: string; share: number; caption: string }) {
  const r = 50;
  const circumference = 2 * Math.PI * r;
  return (
    <svg className="chart ring" viewBox="0 0 140 140" role="img" aria-label={`${title}: ${Math.round(share * 100)} %, ${caption}`}>
      <circle cx="70" cy="70" r={r} className="ring-track" />
      <circle
        cx="70"
        cy="70"
        r={r}
        className="ring-value"
        strokeDasharray={`${share * circumference} ${circumference}`}
        transform="rotate(-90 70 70)"
      />
      <text x="70" y="78" textAnchor="middle" className="ring-text">
        {Math.round(share * 100)} %
      </text>
    </svg>
  );
}
