/** Applications per day as columns, with the same counts in a table for those who do not see the chart. */
export interface DayCount {
  readonly day: string;
  readonly count: number;
}

/** Counts per UTC day of the given instants, every day between the first and the last included. */
export function countByDay(instants: readonly string[]): DayCount[] {
  if (instants.length === 0) return [];
  const counts = new Map<string, number>();
  for (const instant of instants) {
    const day = instant.slice(0, 10);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  const days = [...counts.keys()].sort();
  const first = days[0] ?? '';
  const last = days[days.length - 1] ?? '';
  const out: DayCount[] = [];
  for (let d = new Date(`${first}T00:00:00Z`); d.toISOString().slice(0, 10) <= last; d.setUTCDate(d.getUTCDate() + 1)) {
    const day = d.toISOString().slice(0, 10);
    out.push({ day, count: counts.get(day) ?? 0 });
  }
  return out;
}

export function TimelineChart({ days }: { readonly days: readonly DayCount[] }) {
  if (days.length === 0) return <p className="empty">No applications yet.</p>;
  const max = Math.max(1, ...days.map((d) => d.count));
  const width = 100 / days.length;
  const total = days.reduce((sum, d) => sum + d.count, 0);
  return (
    <figure className="chart timeline-chart" data-testid="applications-over-time">
      <svg
        viewBox="0 0 100 40"
        preserveAspectRatio="none"
        role="img"
        width="100%"
        height="120"
        aria-label={`${total} applications from ${days[0]?.day} to ${days[days.length - 1]?.day}`}
      >
        {days.map((d, i) => (
          <rect
            key={d.day}
            className="fill-confirmed"
            x={i * width + width * 0.1}
            width={width * 0.8}
            y={40 - (d.count / max) * 40}
            height={(d.count / max) * 40}
          />
        ))}
      </svg>
      <details>
        <summary>Applications per day</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Applications</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <td>{d.day}</td>
                <td>{d.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
