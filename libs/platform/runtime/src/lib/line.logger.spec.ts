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
    return { out, err };
  };

  it('prefixes every line with the worker and sends errors to stderr, warnings to stdout marked by default', () => {
    expect(capture()).toEqual({
      out: ['sooc projector: d\n', 'sooc projector: i\n', 'sooc projector: warning: w\n'],
      err: ['sooc projector: e\n'],
    });
  });

  it('sends warnings to stderr when asked, and drops what is below the level', () => {
    expect(capture('stderr', 'warn')).toEqual({ out: [], err: ['sooc projector: w\n', 'sooc projector: e\n'] });
  });
});
