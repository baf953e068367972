import * as oauth from 'oauth4webapi';

/** The provider and the console's client, as the gateway's /console/settings.json gives them. */
export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly scopes: string;
  readonly rolesClaim: string;
}

/** What this tab remembers between leaving for the provider and coming back: one sign-in at a time. */
interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly redirectUri: string;
}

const PENDING = 'sooc.console.oidc-pending';

/** A sign-in that cannot finish, in words for the person who tried. */
export class SignInRefused extends Error {}

/** The console's own address (`https://<gateway>/console/`), the redirect URI to register at the provider. */
export function redirectUri(): string {
  const here = new URL(location.href);
  return `${here.origin}${here.pathname}`;
}

/** Whether this page load is the provider sending the browser back (with a code or an error). */
export function isCallback(url = new URL(location.href)): boolean {
  return url.searchParams.has('code') || url.searchParams.has('error');
}

// An http issuer is accepted where the operator configured one (a provider on loopback in
// development and tests); SOOC_OIDC_ISSUER is https in any real deployment.
const requestOptions = (issuer: URL) => (issuer.protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {});

async function discover(settings: OidcSettings): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(settings.issuer);
  try {
    const response = await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...requestOptions(issuer) });
    return await oauth.processDiscoveryResponse(issuer, response);
  } catch (error) {
    throw new SignInRefused(`Could not reach the identity provider at ${settings.issuer}: ${(error as Error).message}`);
  }
}

/**
 * Leaves for the provider's login: authorization code flow with PKCE (S256), a `state` that ties
 * the answer to this tab, and a `nonce` that ties the ID token to this sign-in.
 */
export async function startSignIn(settings: OidcSettings): Promise<void> {
  const as = await discover(settings);
  if (!as.authorization_endpoint) throw new SignInRefused('The identity provider names no authorization endpoint');
  const pending: PendingSignIn = {
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    codeVerifier: oauth.generateRandomCodeVerifier(),
    redirectUri: redirectUri(),
  };
  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: settings.clientId,
    response_type: 'code',
    redirect_uri: pending.redirectUri,
    scope: settings.scopes,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
  }).toString();
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  location.assign(url.href);
}

function takePending(): PendingSignIn | null {
  const raw = sessionStorage.getItem(PENDING);
  // One use only: a second answer (a reload, a replayed link) finds nothing to finish.
  sessionStorage.removeItem(PENDING);
  try {
    return raw ? (JSON.parse(raw) as PendingSignIn) : null;
  } catch {
    return null;
  }
}

/**
 * Finishes the sign-in the provider sent the browser back from: checks `state`, exchanges the code
 * with the PKCE verifier at the token endpoint (a public client: no secret), checks the ID token's
 * issuer, audience and nonce, and answers the access token the API takes.
 */
export async function finishSignIn(settings: OidcSettings, callback: URL): Promise<string> {
  const pending = takePending();
  if (!pending)
    throw new SignInRefused('This browser tab did not start a sign-in, or already finished it. Sign in again.');
  const as = await discover(settings);
  const client: oauth.Client = { client_id: settings.clientId };
  let parameters: URLSearchParams;
  try {
    parameters = oauth.validateAuthResponse(as, client, callback, pending.state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError)
      throw new SignInRefused(
        `The identity provider refused the sign-in: ${error.error_description ?? error.error} (${error.error}).`,
      );
    throw new SignInRefused(
      'The sign-in was refused: the answer does not match the sign-in this tab started (its state differs). ' +
        'Nothing was signed in; sign in again.',
    );
  }
  const issuer = new URL(settings.issuer);
  try {
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.None(),
      parameters,
      pending.redirectUri,
      pending.codeVerifier,
      requestOptions(issuer),
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, {
      expectedNonce: pending.nonce,
      requireIdToken: true,
    });
    return tokens.access_token;
  } catch (error) {
    const detail =
      error instanceof oauth.ResponseBodyError
        ? `${error.error_description ?? error.error} (${error.error})`
        : (error as Error).message;
    throw new SignInRefused(`The identity provider did not give a token for the code: ${detail}`);
  }
}
