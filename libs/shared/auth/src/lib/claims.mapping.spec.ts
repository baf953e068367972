import { DEFAULT_CLAIM_NAMES, InvalidTokenError, principalFromClaims } from './claims.mapping';
import { strongestRole } from './role';

describe('principalFromClaims', () => {
  it('reads the default claims: subject, roles, cohorts, company, learner, expiry', () => {
    const principal = principalFromClaims(
      { sub: 'u-1', roles: ['reviewer'], cohorts: ['c-1', 'c-2'], company: 'acme', learner: 'ada', exp: 1_900_000_000 },
      DEFAULT_CLAIM_NAMES,
    );
    expect(principal).toEqual({
      subject: 'u-1',
      role: 'reviewer',
      authenticated: true,
      cohorts: ['c-1', 'c-2'],
      companyId: 'acme',
      learnerId: 'ada',
      expiresAt: 1_900_000_000_000,
    });
  });

  it('follows dotted paths and takes space-separated lists, as identity providers write them', () => {
    const names = { ...DEFAULT_CLAIM_NAMES, roles: 'realm_access.roles', cohorts: 'sooc.cohorts' };
    const principal = principalFromClaims(
      { sub: 'kc-1', realm_access: { roles: ['offline_access', 'facilitator'] }, sooc: { cohorts: 'c-1 c-2' } },
      names,
    );
    expect(principal).toMatchObject({ role: 'facilitator', cohorts: ['c-1', 'c-2'] });
  });

  it('keeps the strongest known role and ignores unknown names', () => {
    expect(strongestRole(['learner', 'admin', 'uma_authorization'])).toBe('admin');
    expect(strongestRole(['reviewer', 'facilitator'])).toBe('facilitator');
    expect(strongestRole(['root', 42])).toBeNull();
  });

  it('takes the client id as the subject of a client-credentials token without sub', () => {
    expect(principalFromClaims({ client_id: 'partner-acme', roles: 'partner' }, DEFAULT_CLAIM_NAMES)).toMatchObject({
      subject: 'partner-acme',
      role: 'partner',
    });
  });

  it('refuses a token that names no subject, and ignores ids of the wrong kind', () => {
    expect(() => principalFromClaims({ roles: ['admin'] }, DEFAULT_CLAIM_NAMES)).toThrow(InvalidTokenError);
    const principal = principalFromClaims(
      { sub: 'x', company: 42, learner: '', cohorts: [1, 'c-1'] },
      DEFAULT_CLAIM_NAMES,
    );
    expect(principal).toMatchObject({ companyId: null, learnerId: null, cohorts: ['c-1'], role: null });
  });
});
