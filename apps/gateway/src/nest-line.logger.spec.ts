import type { LogLevel } from '@sooc/runtime';
import { createLineLogger } from '@sooc/runtime';
import { NestLineLogger } from './nest-line.logger';

function capture(level: LogLevel) {
  const out: string[] = [];
  const err: string[] = [];
  const logger = new NestLineLogger(
    level,
    createLineLogger('gateway', level, { warningsTo: 'stderr', out: (l) => out.push(l), err: (l) => err.push(l) }),
  );
  return { logger, out, err };
}

describe("Nest's logs in the gateway's line format", () => {
  it("keep Nest's start-up chatter for debug, and warnings and errors for every level but silent", () => {
    const { logger, out, err } = capture('info');
    logger.log('Mapped {/graphql, POST} route', 'GraphQLModule');
    logger.warn('slow subscriber', 'DashboardUpdatesPublisher');
    logger.error('boom', 'Error: boom\n    at here (file.ts:1:1)', 'GraphQL');
    expect(out).toEqual([]);
    expect(err).toEqual([
      'sooc gateway: [DashboardUpdatesPublisher] slow subscriber\n',
      'sooc gateway: [GraphQL] boom\nError: boom\n    at here (file.ts:1:1)\n',
    ]);
  });

  it('print the chatter at debug, verbose only at trace, nothing when silent', () => {
    const debug = capture('debug');
    debug.logger.log('Starting Nest application...', 'NestFactory');
    debug.logger.verbose('details', 'X');
    expect(debug.out).toEqual(['sooc gateway: [NestFactory] Starting Nest application...\n']);

    const trace = capture('trace');
    trace.logger.verbose('details', 'X');
    expect(trace.out).toEqual(['sooc gateway: [X] details\n']);

    const silent = capture('silent');
    silent.logger.error('boom');
    silent.logger.fatal('down');
    expect([...silent.out, ...silent.err]).toEqual([]);
  });

  it('take a lone stack after an error message as its stack, not its context', () => {
    const { logger, err } = capture('error');
    logger.error('failed', 'Error: failed\n    at x (y.ts:1:1)');
    logger.error(new Error('thrown'));
    expect(err[0]).toBe('sooc gateway: failed\nError: failed\n    at x (y.ts:1:1)\n');
    expect(err[1]).toMatch(/^sooc gateway: Error: thrown\n\s+at /);
  });
});
