import { buildSchema, getNamedType, isNonNullType, type GraphQLField } from 'graphql';
import { printGatewaySchema } from './gateway.schema';

/** A mutation that breaks the API's one shape, and how. */
function shapeProblems(
  name: string,
  field: GraphQLField<unknown, unknown>,
  payloadUsers: Map<string, string[]>,
): string[] {
  const capitalised = name[0]!.toUpperCase() + name.slice(1);
  const problems: string[] = [];
  // Beside its input, every mutation has the optional idempotencyKey that withIdempotencyKeys adds to all of them.
  const key = field.args.find((arg) => arg.name === 'idempotencyKey');
  const [input, ...others] = field.args.filter((arg) => arg !== key);
  if (!key || String(key.type) !== 'String') problems.push('lacks the optional `idempotencyKey: String` argument');
  if (!input || others.length > 0 || input.name !== 'input')
    problems.push('takes something else than one `input` argument');
  else if (!isNonNullType(input.type) || String(input.type) !== `${capitalised}Input!`)
    problems.push(`input is ${String(input.type)}, not ${capitalised}Input!`);
  if (String(field.type) !== `${capitalised}Payload!`)
    problems.push(`returns ${String(field.type)}, not ${capitalised}Payload!`);
  const sharers = payloadUsers.get(getNamedType(field.type).name) ?? [];
  if (sharers.length > 1) problems.push(`shares its payload with ${sharers.filter((s) => s !== name).join(', ')}`);
  return problems;
}

describe('every mutation', () => {
  it('takes exactly one non-null `input: <Name>Input!` (and the optional idempotencyKey) and returns its own `<Name>Payload!`', async () => {
    const schema = buildSchema(await printGatewaySchema());
    const mutations = Object.entries(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThanOrEqual(19);

    // Which fields anywhere in the schema return each payload type: a payload belongs to one mutation.
    const payloadUsers = new Map<string, string[]>();
    for (const type of Object.values(schema.getTypeMap())) {
      if (!('getFields' in type) || type.name.startsWith('__')) continue;
      for (const [fieldName, field] of Object.entries(type.getFields())) {
        const returned = (getNamedType(field.type) as { name: string } | undefined)?.name ?? '';
        if (returned.endsWith('Payload'))
          payloadUsers.set(returned, [...(payloadUsers.get(returned) ?? []), fieldName]);
      }
    }

    const broken = mutations
      .map(([name, field]) => ({ name, problems: shapeProblems(name, field, payloadUsers) }))
      .filter((m) => m.problems.length > 0);
    expect(broken).toEqual([]);
  });
});
