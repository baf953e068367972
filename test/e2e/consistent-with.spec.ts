import { COHORT, COHORTS, draftCourse, planCohort } from './cohorts.fixture';
import { DASHBOARD } from './enrollment.fixture';
import { startGateway, type Harness } from './gateway.harness';

const U64_MAX = 2n ** 64n - 1n;

describe('consistentWith refuses impossible positions at once', () => {
  let h: Harness;
  let cohortId: string;
  let head: bigint;
  beforeAll(async () => {
    h = await startGateway();
    cohortId = await planCohort(h, await draftCourse(h));
    head = (await h.gateway.infrastructure.eventStore.headPosition()) ?? 0n;
  });
  afterAll(() => h.close());

  it.each([
    ['one past 64 bits', (U64_MAX + 1n).toString()],
    ['23 digits', '12345678901234567890123'],
  ])('refuses a position of %s as BAD_USER_INPUT naming the variable', async (_name, at) => {
    const result = await h.gql(COHORT, { id: cohortId, at });
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('64-bit'),
        extensions: expect.objectContaining({
          code: 'BAD_USER_INPUT',
          fields: [expect.objectContaining({ field: 'at' })],
        }),
      }),
    ]);
  });

  it('refuses a literal past 64 bits as BAD_USER_INPUT too', async () => {
    const result = await h.gql(`{ cohorts(consistentWith: "${U64_MAX + 1n}") { totalCount } }`);
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('64-bit'),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
  });

  it.each([
    ['the head + 1', () => head + 1n],
    ['the largest 64-bit position', () => U64_MAX],
  ])('refuses %s as READ_MODEL.POSITION_AHEAD instead of waiting', async (_name, position) => {
    const at = position().toString();
    for (const result of [
      await h.gql(COHORT, { id: cohortId, at }),
      await h.gql(COHORTS, { at }),
      await h.gql(DASHBOARD, { cohortId, at }),
    ]) {
      expect(result.errors).toEqual([
        expect.objectContaining({
          message: expect.stringContaining(`store's head`),
          extensions: {
            code: 'READ_MODEL.POSITION_AHEAD',
            category: 'BAD_USER_INPUT',
            fields: [{ field: 'consistentWith', message: expect.any(String) }],
          },
        }),
      ]);
    }
  });

  it('still answers a position the store has reached', async () => {
    const result = await h.gql<{ cohort: { cohortId: string } }>(COHORT, { id: cohortId, at: head.toString() });
    expect(result).toEqual({ data: { cohort: expect.objectContaining({ cohortId }) } });
  });
});
