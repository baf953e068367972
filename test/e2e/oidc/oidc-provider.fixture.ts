import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

/** A real OpenID provider in a child process on loopback (oidc-provider is ESM only; jest runs CommonJS). */
export interface OidcProvider {
  /** `http://127.0.0.1:<port>`; discovery under it. Stays the same across key rotations. */
  readonly issuer: string;
  /** Claims the provider adds to the access tokens of this user's logins, such as their roles. */
  setUserClaims(sub: string, claims: Record<string, unknown>): void;
  /** An access token (JWT for the audience) from a real login: authorization code with PKCE, through the provider's login and consent pages. */
  userToken(sub: string, claims: Record<string, unknown>): Promise<string>;
  /** A client-credentials access token of the partner machine client `partner-acme`, carrying these claims. */
  clientCredentialsToken(claims: Record<string, unknown>): Promise<string>;
  /** A new signing key (new kid) signs from now on; the old one stays published. The provider restarts on the same port. */
  rotateKeys(): Promise<void>;
  /** Only the current signing key stays published. */
  dropOldKeys(): Promise<void>;
  /** The kids the provider publishes now, the signing one first. */
  kids(): string[];
  close(): Promise<void>;
}

const SERVER = join(__dirname, 'oidc-provider.server.mjs');
const REDIRECT_URI = 'http://127.0.0.1/callback';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function newKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'RS256', use: 'sig' };
}

/** Cookies by name, as a browser keeps them for one site. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export interface OidcProviderOptions {
  readonly audience: string;
  /** More redirect URIs of the `console` client (a gateway's `/console/`, for the browser's sign-in). */
  readonly consoleRedirectUris?: readonly string[];
}

export async function startOidcProvider({
  audience,
  consoleRedirectUris = [],
}: OidcProviderOptions): Promise<OidcProvider> {
  const dir = mkdtempSync(join(tmpdir(), 'sooc-oidc-'));
  const configFile = join(dir, 'config.json');
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  let keys: JWK[] = [await newKey()];
  const claims = { users: {} as Record<string, unknown>, clients: {} as Record<string, unknown> };
  const save = () => writeFileSync(configFile, JSON.stringify({ audience, keys, claims, consoleRedirectUris }));
  let child: ChildProcess | null = null;

  const start = async () => {
    save();
    const started = spawn(process.execPath, [SERVER, String(port), configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      started.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(`ready ${issuer}`)) resolve();
      });
      started.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      started.once('exit', (code) => reject(new Error(`the OpenID provider exited ${code}:\n${output}`)));
    });
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  await start();

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  return {
    issuer,
    setUserClaims(sub, userClaims) {
      claims.users[sub] = userClaims;
      save();
    },
    async userToken(sub, userClaims) {
      claims.users[sub] = userClaims;
      save();
      const verifier = randomBytes(32).toString('base64url');
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      const jar = new CookieJar();
      const authorize = new URL('/auth', issuer);
      authorize.search = form({
        client_id: 'console',
        response_type: 'code',
        scope: 'openid api',
        redirect_uri: REDIRECT_URI,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        resource: audience,
        state: randomBytes(8).toString('hex'),
      });
      let location = authorize.toString();
      // Follow the provider's redirects as a browser would, filling its login and consent pages.
      for (let hops = 0; !location.startsWith(REDIRECT_URI); hops++) {
        if (hops > 20) throw new Error('the login flow did not end at the redirect URI');
        const page = await fetch(location, { redirect: 'manual', headers: { cookie: jar.header() } });
        jar.take(page);
        if (page.status >= 300 && page.status < 400) {
          location = new URL(page.headers.get('location')!, issuer).toString();
          continue;
        }
        const html = await page.text();
        const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
        if (!prompt) throw new Error(`the provider answered ${page.status} without a form:\n${html.slice(0, 500)}`);
        const submitted = await fetch(location, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
          body: form(prompt === 'login' ? { prompt, login: sub, password: 'any' } : { prompt }),
        });
        jar.take(submitted);
        location = new URL(submitted.headers.get('location')!, issuer).toString();
      }
      const code = new URL(location).searchParams.get('code');
      if (!code) throw new Error(`no code in ${location}`);
      const token = await fetch(new URL('/token', issuer), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form({
          grant_type: 'authorization_code',
          code,
          redirect_uri: REDIRECT_URI,
          client_id: 'console',
          code_verifier: verifier,
          resource: audience,
        }),
      });
      const body = (await token.json()) as { access_token?: string };
      if (!body.access_token) throw new Error(`no access token: ${JSON.stringify(body)}`);
      return body.access_token;
    },
    async clientCredentialsToken(clientClaims) {
      claims.clients['partner-acme'] = clientClaims;
      save();
      const token = await fetch(new URL('/token', issuer), {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from('partner-acme:partner-acme-secret').toString('base64')}`,
        },
        body: form({ grant_type: 'client_credentials', scope: 'api', resource: audience }),
      });
      const body = (await token.json()) as { access_token?: string };
      if (!body.access_token) throw new Error(`no access token: ${JSON.stringify(body)}`);
      return body.access_token;
    },
    async rotateKeys() {
      keys = [await newKey(), ...keys];
      await stop();
      await start();
    },
    async dropOldKeys() {
      keys = keys.slice(0, 1);
      await stop();
      await start();
    },
    kids: () => keys.map((key) => String(key.kid)),
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
