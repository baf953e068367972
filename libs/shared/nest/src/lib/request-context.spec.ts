import { ANONYMOUS, RequestContext } from './request-context';

describe('RequestContext', () => {
  it('keeps a well-formed x-correlation-id and generates one otherwise', () => {
    expect(RequestContext.fromHeaders({ 'x-correlation-id': 'req-42' }).correlationId).toBe('req-42');
    const generated = RequestContext.fromHeaders({ 'x-correlation-id': 'has spaces and ☃' }).correlationId;
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(RequestContext.fromHeaders({}).correlationId).not.toBe(RequestContext.fromHeaders({}).correlationId);
  });

  it('is anonymous unless both development actor headers name a known role', () => {
    expect(RequestContext.fromHeaders({}).actor).toEqual(ANONYMOUS);
    expect(RequestContext.fromHeaders({ 'x-actor-id': 'u-1' }).actor).toEqual(ANONYMOUS);
    expect(RequestContext.fromHeaders({ 'x-actor-id': 'u-1', 'x-actor-role': 'root' }).actor).toEqual(ANONYMOUS);
    expect(RequestContext.fromHeaders({ 'x-actor-id': 'u-1', 'x-actor-role': 'admin' }).actor).toEqual({
      id: 'u-1',
      role: 'admin',
    });
  });

  it('is visible across awaits inside run and absent outside', async () => {
    const data = { actor: { id: 'a', role: 'admin' as const }, correlationId: 'c-1' };
    const seen = await RequestContext.run(data, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return RequestContext.current();
    });
    expect(seen).toEqual(data);
    expect(RequestContext.current().actor).toEqual(ANONYMOUS);
  });
});
