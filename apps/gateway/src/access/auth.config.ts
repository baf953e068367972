import { DEFAULT_CLAIM_NAMES, type ClaimNames } from '@sooc/auth';
import type { EnvReader } from '@sooc/runtime';

export type AuthMode = 'local' | 'oidc';

/** How callers prove who they are (SOOC_AUTH and the SOOC_OIDC_* variables). */
export type AuthConfig =
  | {
      /** The gateway signs and checks tokens with a key of its data directory; `npm run sooc -- token` mints them. */
      readonly mode: 'local';
      readonly claims: ClaimNames;
      readonly referenceKey: string | null;
    }
  | {
      readonly mode: 'oidc';
      /** SOOC_OIDC_ISSUER: exactly the provider's `issuer`, its discovery document under it. */
      readonly issuer: string;
      /** SOOC_OIDC_AUDIENCE: what the provider puts in `aud` for this API. */
      readonly audience: string;
      readonly claims: ClaimNames;
      /** SOOC_OIDC_JWKS_MAX_AGE_MS: a removed provider key stops verifying at most this long after. */
      readonly jwksMaxAgeMs: number;
      /** SOOC_OIDC_JWKS_COOLDOWN_MS: least time between two fetches of the key set. */
      readonly jwksCooldownMs: number;
      readonly referenceKey: string | null;
    };

const CLAIM_PATH = /^[A-Za-z0-9_:/-]+(\.[A-Za-z0-9_:/-]+)*$/;

export function readAuthConfig(reader: EnvReader, production: boolean): AuthConfig {
  const mode = reader.read<AuthMode>('SOOC_AUTH', 'local', 'local or oidc', (raw) =>
    raw === 'local' || raw === 'oidc' ? raw : undefined,
  );
  if (production && reader.raw('SOOC_AUTH') === undefined)
    reader.refuse('SOOC_AUTH', '(unset)', 'set explicitly when NODE_ENV=production: oidc, or local for a single host');
  const claim = (variable: string, fallback: string) =>
    reader.read(variable, fallback, 'a claim name, or a dotted path such as realm_access.roles', (raw) =>
      CLAIM_PATH.test(raw) ? raw : undefined,
    );
  const claims: ClaimNames = {
    roles: claim('SOOC_ROLES_CLAIM', DEFAULT_CLAIM_NAMES.roles),
    company: claim('SOOC_COMPANY_CLAIM', DEFAULT_CLAIM_NAMES.company),
    learner: claim('SOOC_LEARNER_CLAIM', DEFAULT_CLAIM_NAMES.learner),
    cohorts: claim('SOOC_COHORTS_CLAIM', DEFAULT_CLAIM_NAMES.cohorts),
  };
  const referenceKey = reader.read<string | null>(
    'SOOC_REFERENCE_KEY',
    null,
    '32 bytes in base64 (openssl rand -base64 32)',
    (raw) => (Buffer.from(raw, 'base64').length === 32 ? raw : undefined),
  );
  if (mode === 'local') return { mode, claims, referenceKey };
  const issuer = reader.read(
    'SOOC_OIDC_ISSUER',
    '',
    "the provider's issuer URL, such as https://id.example.org/realms/sooc",
    (raw) => (/^https?:\/\/\S+$/.test(raw) ? raw : undefined),
  );
  if (issuer === '') reader.refuse('SOOC_OIDC_ISSUER', '(unset)', "the provider's issuer URL when SOOC_AUTH=oidc");
  const audience = reader.read('SOOC_OIDC_AUDIENCE', '', 'the audience tokens for this API carry', (raw) =>
    /^\S{1,500}$/.test(raw) ? raw : undefined,
  );
  if (audience === '')
    reader.refuse('SOOC_OIDC_AUDIENCE', '(unset)', 'the audience tokens for this API carry when SOOC_AUTH=oidc');
  return {
    mode,
    issuer,
    audience,
    claims,
    jwksMaxAgeMs: reader.integer('SOOC_OIDC_JWKS_MAX_AGE_MS', 600_000, 1_000, 86_400_000),
    jwksCooldownMs: reader.integer('SOOC_OIDC_JWKS_COOLDOWN_MS', 5_000, 0, 600_000),
    referenceKey,
  };
}
