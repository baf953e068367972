import { ANONYMOUS_PRINCIPAL } from '@sooc/auth';
import { ANONYMOUS, RequestContext } from './request-context';

describe('RequestContext', () => {
  it('keeps a well-formed x-correlation-id and generates one otherwise', () => {
    expect(RequestContext.correlationIdFrom({ 'x-correlation-id': 'req-42' })).toBe('req-42');
    const generated = RequestContext.correlationIdFrom({ 'x-correlation-id': 'has spaces and ☃' });
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(RequestContext.correlationIdFrom({})).not.toBe(RequestContext.correlationIdFrom({}));
  });

  it('records a principal as the actor of its events: its subject and role, anonymous without a role', () => {
    const facilitator = { ...ANONYMOUS_PRINCIPAL, subject: 'u-1', role: 'facilitator' as const, authenticated: true };
    expect(RequestContext.of(facilitator, 'c').actor).toEqual({ id: 'u-1', role: 'facilitator' });
    expect(RequestContext.of({ ...facilitator, role: null }, 'c').actor).toEqual({ id: 'u-1', role: 'anonymous' });
  });

  it('is visible across awaits inside run and absent outside', async () => {
    const data = RequestContext.of({ ...ANONYMOUS_PRINCIPAL, subject: 'a', role: 'admin', authenticated: true }, 'c-1');
    const seen = await RequestContext.run(data, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return RequestContext.current();
    });
    expect(seen).toEqual(data);
    expect(RequestContext.current().actor).toEqual(ANONYMOUS);
  });
});
