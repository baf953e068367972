/** The cohort's seats as one stacked bar: confirmed, reserved (offers held), free; the numbers are in the legend. */
export interface Seats {
  readonly capacity: number;
  readonly confirmed: number;
  readonly reserved: number;
  readonly free: number;
}

const PARTS = [
  { key: 'confirmed', label: 'Confirmed', className: 'fill-confirmed' },
  { key: 'reserved', label: 'Reserved', className: 'fill-reserved' },
  { key: 'free', label: 'Free', className: 'fill-free' },
] as const;

export function SeatsChart({ seats }: { readonly seats: Seats }) {
  const total = Math.max(seats.capacity, seats.confirmed + seats.reserved + seats.free, 1);
  let x = 0;
  const summary = `Seats: ${seats.capacity} capacity, ${seats.confirmed} confirmed, ${seats.reserved} reserved, ${seats.free} free`;
  return (
    <figure className="chart seats-chart" data-testid="seats-chart">
      <svg viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label={summary} width="100%" height="32">
        {PARTS.map((part) => {
          const width = (seats[part.key] / total) * 100;
          const rect = <rect key={part.key} className={part.className} x={x} y={0} width={width} height={8} />;
          x += width;
          return rect;
        })}
      </svg>
      <figcaption>
        <dl className="legend">
          <div>
            <dt>Capacity</dt>
            <dd data-testid="seats-capacity">{seats.capacity}</dd>
          </div>
          {PARTS.map((part) => (
            <div key={part.key}>
              <dt>
                <span className={`swatch ${part.className}`} aria-hidden="true" /> {part.label}
              </dt>
              <dd data-testid={`seats-${part.key}`}>{seats[part.key]}</dd>
            </div>
          ))}
        </dl>
      </figcaption>
    </figure>
  );
}
