/**
 * Horizontal bars, one a row, each with its label and value written out: plain SVG, so the chart
 * costs no library, draws the same in every browser and reads as text to a screen reader.
 */
export interface Bar {
  readonly label: string;
  readonly value: number;
  /** A limit drawn as a mark on the bar's track (a company's quota). */
  readonly limit?: number | null;
  readonly text: string;
}

export function BarChart({
  title,
  bars,
  testId,
}: {
  readonly title: string;
  readonly bars: readonly Bar[];
  readonly testId: string;
}) {
  const max = Math.max(1, ...bars.map((b) => Math.max(b.value, b.limit ?? 0)));
  if (bars.length === 0) return <p className="empty">None yet.</p>;
  return (
    <figure className="chart bar-chart" data-testid={testId}>
      <figcaption className="visually-hidden">{title}</figcaption>
      <ul>
        {bars.map((bar) => (
          <li key={bar.label}>
            <span className="bar-label">{bar.label}</span>
            <svg viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" width="100%" height="18">
              <rect className="track" x={0} y={0} width={100} height={6} />
              <rect className="fill-confirmed" x={0} y={0} width={(bar.value / max) * 100} height={6} />
              {bar.limit != null && (
                <rect className="limit" x={Math.min(99.5, (bar.limit / max) * 100)} y={0} width={0.6} height={6} />
              )}
            </svg>
            <span className="bar-value">{bar.text}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
