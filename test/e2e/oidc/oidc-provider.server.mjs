// A real OpenID provider (oidc-provider) on loopback, for the gateway's SOOC_AUTH=oidc specs.
// Run by oidc-provider.fixture.ts: node oidc-provider.server.mjs <port> <config.json>
// config.json: { audience, keys: [private JWKs, the signing one first], claims: { users: {sub: claims}, clients: {id: claims} },
//   consoleRedirectUris: [more redirect URIs of the console client, such as a booted gateway's /console/] }
// It is read again for every token, so the fixture can add users and claims while it runs.
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const [port, configFile] = process.argv.slice(2);
const read = () => JSON.parse(readFileSync(configFile, 'utf8'));
const { audience, keys, consoleRedirectUris = [] } = read();
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      // The admin console's login: authorization code with PKCE, a public client.
      client_id: 'console',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: ['http://127.0.0.1/callback', ...consoleRedirectUris],
    },
    {
      // A partner company's machine: client credentials.
      client_id: 'partner-acme',
      client_secret: 'partner-acme-secret',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    },
  ],
  jwks: { keys },
  findAccount: async (_ctx, id) => ({ accountId: id, claims: async () => ({ sub: id }) }),
  features: {
    devInteractions: { enabled: true },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resource) => {
        if (resource !== audience) throw new Error(`unknown resource ${resource}`);
        return {
          scope: 'api',
          audience,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 600,
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  pkce: { required: () => true },
  // sooc's claims in the access token: per user for a login, per client for client credentials.
  extraTokenClaims: (_ctx, token) => {
    const { claims } = read();
    return token.accountId ? claims.users[token.accountId] : claims.clients[token.clientId];
  },
});

provider.listen(Number(port), '127.0.0.1', () => process.stdout.write(`ready ${issuer}\n`));
