import { InvalidTokenError } from './claims.mapping';
import { ANONYMOUS_PRINCIPAL, type Principal } from './principal';
import type { TokenVerifier } from './token.verifier';

/** The caller of a request from its `Authorization` header: synchronous when the token was verified a moment ago. */
export type Authenticate = (authorization: string | undefined) => Principal | Promise<Principal>;

const BEARER = /^Bearer +([A-Za-z0-9._~+/=-]+) *$/i;

/** No header is an anonymous caller; a header that is not a valid bearer token is refused, never downgraded. */
export function bearerAuthenticator(verifier: TokenVerifier): Authenticate {
  return (authorization) => {
    if (authorization === undefined || authorization === '') return ANONYMOUS_PRINCIPAL;
    const token = BEARER.exec(authorization)?.[1];
    if (token === undefined) throw new InvalidTokenError('the Authorization header is not "Bearer <token>"');
    return verifier.cached(token) ?? verifier.verify(token);
  };
}
