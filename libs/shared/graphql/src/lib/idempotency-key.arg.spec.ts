import { RequestContext } from '@sooc/nest';
import { buildSchema, graphql } from 'graphql';
import { digest, withIdempotencyKeys } from './idempotency-key.arg';

function schemaSeeing(seen: object[]) {
  const schema = buildSchema(`
    type Query { ok: Boolean }
    input Input { a: Int, b: String }
    type Mutation { change(input: Input!): String }
  `);
  schema.getMutationType()!.getFields()['change'].resolve = (_source, args) => {
    seen.push({ args, idempotency: RequestContext.current().idempotency ?? null });
    return 'done';
  };
  return withIdempotencyKeys(schema);
}

describe('withIdempotencyKeys', () => {
  it('adds an optional, described idempotencyKey to every mutation', () => {
    const arg = withIdempotencyKeys(schemaSeeing([])).getMutationType()!.getFields()['change'].args.at(-1)!;
    expect(arg).toMatchObject({ name: 'idempotencyKey', type: expect.objectContaining({ name: 'String' }) });
    expect(arg.description).toContain('IDEMPOTENCY_KEY_REUSED');
  });

  it('hands the resolver its arguments without the key, and the command runner the key and a digest of the rest', async () => {
    const seen: { args: unknown; idempotency: { fingerprint: string } | null }[] = [];
    const schema = schemaSeeing(seen);
    const run = (source: string) => graphql({ schema, source });
    await run('mutation { change(input: { a: 1, b: "x" }, idempotencyKey: "k-1") }');
    await run('mutation { change(input: { b: "x", a: 1 }, idempotencyKey: "k-1") }');
    await run('mutation { change(input: { a: 2, b: "x" }, idempotencyKey: "k-1") }');
    await run('mutation { change(input: { a: 1, b: "x" }) }');
    expect(seen[0].args).toEqual({ input: { a: 1, b: 'x' } });
    expect(seen[0].idempotency).toMatchObject({ key: 'k-1', operation: 'change', commands: 0 });
    expect(seen[1].idempotency?.fingerprint).toBe(seen[0].idempotency?.fingerprint);
    expect(seen[2].idempotency?.fingerprint).not.toBe(seen[0].idempotency?.fingerprint);
    expect(seen[3].idempotency).toBeNull();
  });

  it.each(['', ' leading', 'x'.repeat(201), 'tab\there', 'é'])(
    'refuses the key %p, naming the argument',
    async (key) => {
      const seen: object[] = [];
      const result = await graphql({
        schema: schemaSeeing(seen),
        source: 'mutation($key: String) { change(input: { a: 1 }, idempotencyKey: $key) }',
        variableValues: { key },
      });
      expect(result.errors?.[0]?.originalError).toMatchObject({
        code: 'IDEMPOTENCY_KEY_INVALID',
        fields: [{ field: 'idempotencyKey' }],
      });
      expect(seen).toEqual([]);
    },
  );

  it('digests equal arguments equally whatever their order, and bigints as their digits', () => {
    expect(digest({ a: 1, b: [1, { c: 2n, d: null }] })).toBe(digest({ b: [1, { d: null, c: 2n }], a: 1 }));
    expect(digest({ a: 1 })).not.toBe(digest({ a: '1' }));
  });
});
