import type { EnvReader } from '@sooc/runtime';
import type { AuthConfig } from './access/auth.config';

/**
 * What the console needs to sign people in at the provider (authorization code with PKCE, as a
 * public client: no secret, since anything shipped to a browser is public). The gateway only
 * passes these on; the provider decides who signs in, the gateway checks the tokens it issues.
 */
export interface ConsoleOidcSettings {
  /** SOOC_OIDC_ISSUER: where the console discovers the provider's endpoints. */
  readonly issuer: string;
  /** SOOC_CONSOLE_OIDC_CLIENT_ID: the console's client at the provider, registered with the redirect URI `<gateway>/console/`. */
  readonly clientId: string;
  /** SOOC_CONSOLE_OIDC_SCOPES: what the console asks for; `openid` plus whatever makes the provider issue an access token for this API. */
  readonly scopes: string;
  /** SOOC_ROLES_CLAIM: where the console reads the role it shows in the token (the API checks the same claim). */
  readonly rolesClaim: string;
}

const CLIENT_ID = /^[\x21-\x7e]{1,200}$/;
const SCOPES = /^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/;

/** Null unless SOOC_AUTH=oidc and SOOC_CONSOLE_OIDC_CLIENT_ID is set; the client id is refused in local mode, where it would do nothing. */
export function readConsoleOidcSettings(reader: EnvReader, auth: AuthConfig): ConsoleOidcSettings | null {
  const clientId = reader.read<string | null>(
    'SOOC_CONSOLE_OIDC_CLIENT_ID',
    null,
    "the console's client id at the provider (printable, no spaces)",
    (raw) => (CLIENT_ID.test(raw) ? raw : undefined),
  );
  const scopes = reader.read(
    'SOOC_CONSOLE_OIDC_SCOPES',
    'openid',
    'scopes separated by single spaces, openid among them',
    (raw) => (SCOPES.test(raw) && raw.split(' ').includes('openid') ? raw : undefined),
  );
  if (auth.mode !== 'oidc') {
    if (clientId !== null)
      reader.refuse(
        'SOOC_CONSOLE_OIDC_CLIENT_ID',
        clientId,
        'unset when SOOC_AUTH=local: the gateway signs the tokens',
      );
    return null;
  }
  if (clientId === null) return null;
  return { issuer: auth.issuer, clientId, scopes, rolesClaim: auth.claims.roles };
}
