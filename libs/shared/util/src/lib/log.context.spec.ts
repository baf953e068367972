import { LogContext } from './log.context';

describe('LogContext', () => {
  it('holds the fields of the work under way through its awaits, and none outside', async () => {
    expect(LogContext.current()).toBeUndefined();
    const seen = await LogContext.run({ correlationId: 'c1', actorId: 'a1' }, async () => {
      await new Promise((done) => setTimeout(done, 1));
      LogContext.name('submitApplication');
      await Promise.resolve();
      return LogContext.current();
    });
    expect(seen).toEqual({ correlationId: 'c1', actorId: 'a1', operation: 'submitApplication' });
    expect(LogContext.current()).toBeUndefined();
  });

  it('names nothing outside a frame', () => {
    LogContext.name('orphan');
    expect(LogContext.current()).toBeUndefined();
  });
});
