import type { ServerWritableStream } from '@grpc/grpc-js';

/**
 * Writes a server stream with backpressure: a client that stops reading (or a consumer that
 * stops pulling) parks the writer instead of growing the server's buffer without bound.
 */
export class CallWriter<Req, Res> {
  private cancelled = false;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly call: ServerWritableStream<Req, Res>) {
    call.on('cancelled', () => {
      this.cancelled = true;
      this.wakeAll();
    });
  }

  get open(): boolean {
    return !this.cancelled;
  }

  async write(message: Res): Promise<void> {
    if (this.cancelled || this.call.write(message)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.call.off('drain', done);
        this.waiters.delete(done);
        resolve();
      };
      this.waiters.add(done);
      this.call.once('drain', done);
    });
  }

  /** Resolves at the next call of the returned `wake`, or when the client goes away. */
  parked(): { readonly woken: Promise<void>; wake(): void } {
    let wake!: () => void;
    const woken = new Promise<void>((resolve) => {
      wake = () => {
        this.waiters.delete(wake);
        resolve();
      };
    });
    if (this.cancelled) wake();
    else this.waiters.add(wake);
    return { woken, wake };
  }

  end(): void {
    if (!this.cancelled) this.call.end();
  }

  private wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }
}
