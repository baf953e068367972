import type { RecordedEvent } from '@sooc/event-sourcing';
import { EventsInFlight } from './events-in-flight.window';

const event = (position: number) => ({ position: BigInt(position), type: 'ApplicationSubmitted' }) as RecordedEvent;

/** A promise the test settles by hand: an event whose reactions finish when the test says so. */
function reactions() {
  let finish!: (handled: boolean) => void;
  const done = new Promise<boolean>((resolve) => (finish = resolve));
  return { done, finish };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('the events in flight', () => {
  it('counts an event handled only once every event before it is, whatever order they finish in', async () => {
    const handled: bigint[] = [];
    const inFlight = new EventsInFlight((e) => handled.push(e.position));
    const [a, b, c] = [reactions(), reactions(), reactions()];
    inFlight.add(event(1), a.done);
    inFlight.add(event(2), b.done);
    inFlight.add(event(3), c.done);

    c.finish(true);
    b.finish(true);
    await turn();
    expect(handled).toEqual([]);
    a.finish(true);
    await turn();
    expect({ handled, size: inFlight.size }).toEqual({ handled: [1n, 2n, 3n], size: 0 });
  });

  it('makes the reader wait for the oldest once full, and waits for what was added so far without the events added later', async () => {
    const inFlight = new EventsInFlight(() => undefined, 2);
    const [a, b, c] = [reactions(), reactions(), reactions()];
    inFlight.add(event(1), a.done);
    inFlight.add(event(2), b.done);
    let room = false;
    void inFlight.room().then(() => (room = true));
    await turn();
    expect(room).toBe(false);
    a.finish(true);
    await turn();
    expect(room).toBe(true);

    let soFar: boolean | null = null;
    void inFlight.handledSoFar().then((done) => (soFar = done));
    inFlight.add(event(3), c.done);
    b.finish(true);
    await turn();
    // Event 3 is still under way, yet everything added before the wait began is handled.
    expect({ soFar, size: inFlight.size }).toEqual({ soFar: true, size: 1 });
  });

  it('holds the line at an event left unhandled: nothing after it counts, and the waits give up', async () => {
    const handled: bigint[] = [];
    const inFlight = new EventsInFlight((e) => handled.push(e.position), 2);
    const [a, b, c] = [reactions(), reactions(), reactions()];
    inFlight.add(event(1), a.done);
    inFlight.add(event(2), b.done);
    a.finish(true);
    await turn();
    inFlight.add(event(3), c.done);
    b.finish(false);
    c.finish(true);
    await inFlight.settled();
    expect(handled).toEqual([1n]);
    expect(await inFlight.room()).toBe(false);
    expect(await inFlight.handledSoFar()).toBe(false);
  });
});
