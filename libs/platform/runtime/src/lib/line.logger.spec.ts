import { LogContext } from '@sooc/util';
import { createLineLogger } from './line.logger';

describe('createLineLogger', () => {
  const capture = (warningsTo?: 'stdout' | 'stderr', level: 'debug' | 'warn' = 'debug') => {
    const out: string[] = [];
    const err: string[] = [];
    const log = createLineLogger('projector', level, {
      ...(warningsTo ? { warningsTo } : {}),
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    });
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    const parse = (lines: string[]) =>
      lines.map((l) => {
        expect(l.endsWith('\n')).toBe(true);
        const { level: at, service, msg } = JSON.parse(l) as Record<string, unknown>;
        return `${service} ${at} ${msg}`;
      });
    return { out: parse(out), err: parse(err) };
  };

  it('writes one JSON object a line naming the service and the level; errors to stderr, warnings to stdout by default', () => {
    expect(capture()).toEqual({
      out: ['projector debug d', 'projector info i', 'projector warn w'],
      err: ['projector error e'],
    });
  });

  it('sends warnings to stderr when asked, and drops what is below the level', () => {
    expect(capture('stderr', 'warn')).toEqual({ out: [], err: ['projector warn w', 'projector error e'] });
  });

  it('announces at info whatever the level, even silent', () => {
    const out: string[] = [];
    const log = createLineLogger('gateway', 'silent', { out: (l) => out.push(l) });
    log.error('dropped');
    log.announce('ready: http://localhost:3000/graphql');
    expect(out.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ level: 'info', service: 'gateway', msg: 'ready: http://localhost:3000/graphql' }),
    ]);
  });

  it('stamps the correlation id, actor and operation of the work under way, and a time', () => {
    const out: string[] = [];
    const log = createLineLogger('reactor', 'info', { out: (l) => out.push(l) });
    log.info('outside');
    LogContext.run({ correlationId: 'corr-1', actorId: 'reactor', operation: 'AdmitApplicant' }, () =>
      log.info('inside'),
    );
    const [outside, inside] = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(outside).not.toHaveProperty('correlationId');
    expect(inside).toMatchObject({
      service: 'reactor',
      level: 'info',
      msg: 'inside',
      correlationId: 'corr-1',
      actorId: 'reactor',
      operation: 'AdmitApplicant',
    });
    expect(new Date(inside!['time'] as string).toISOString()).toBe(inside!['time']);
  });
});
