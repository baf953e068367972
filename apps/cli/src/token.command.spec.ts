import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateLocalKey, localKeyPath, localTokenVerifier } from '@sooc/auth';
import { sooc } from './testing/sooc.run';

describe('sooc token', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sooc-cli-'));
  const env = { SOOC_DATA_DIR: dataDir };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function verify(token: string) {
    const key = await loadOrCreateLocalKey(dataDir);
    return localTokenVerifier(key, { cacheMs: 0 }).verify(token);
  }

  it("prints one token the gateway's verifier accepts, with the role, scope and lifetime asked for", async () => {
    const before = Date.now();
    const { out, error } = await sooc(
      ['token', '--role', 'reviewer', '--sub', 'rev-7', '--cohort', 'c-1', '--cohort', 'c-2', '--ttl', '90m'],
      env,
    );
    expect(error).toBeNull();
    expect(out).toHaveLength(1);
    const principal = await verify(out[0]!);
    expect(principal).toMatchObject({
      subject: 'rev-7',
      role: 'reviewer',
      cohorts: ['c-1', 'c-2'],
      authenticated: true,
    });
    expect(principal.expiresAt! - before).toBeGreaterThan(89 * 60_000);
    expect(principal.expiresAt! - before).toBeLessThanOrEqual(90 * 60_000 + 1_000);
  });

  it('makes the key on first use, readable by its owner only, and signs with the same key after', async () => {
    const first = await sooc(['token', '--role', 'admin'], env);
    const mode = statSync(localKeyPath(dataDir)).mode & 0o777;
    expect(mode).toBe(0o600);
    const second = await sooc(['token', '--role', 'partner', '--company', 'acme'], env);
    expect((await verify(first.out[0]!)).role).toBe('admin');
    expect(await verify(second.out[0]!)).toMatchObject({ role: 'partner', companyId: 'acme', subject: 'partner-acme' });
  });

  it.each([
    [['token'], /required option '--role <role>' not specified/],
    [['token', '--role', 'root'], /Allowed choices are admin, compliance, facilitator, reviewer, partner, learner/],
    [['token', '--role', 'reviewer'], /a reviewer token needs --cohort <cohortId>/],
    [['token', '--role', 'partner'], /a partner token needs --company <companyId>/],
    [['token', '--role', 'learner'], /a learner token needs --learner <learnerId>/],
    [['token', '--role', 'admin', '--ttl', '0'], /--ttl.*at most 30d/],
    [['token', '--role', 'admin', '--ttl', 'forever'], /expected seconds or a duration such as 90m/],
    [['token', '--role', 'admin', '--sub', 'has spaces'], /--sub is 1 to 200 letters/],
  ])('refuses %j, naming what to fix', async (args, message) => {
    const { out, error } = await sooc(args, env);
    expect(out).toEqual([]);
    expect(error).toMatch(message);
  });

  it('refuses to mint when the gateway takes its tokens from an identity provider', async () => {
    const { error } = await sooc(['token', '--role', 'admin'], { ...env, SOOC_AUTH: 'oidc' });
    expect(error).toMatch(/SOOC_AUTH=oidc: the gateway only accepts its identity provider's tokens/);
  });

  it('has --help on every command', async () => {
    expect((await sooc(['--help'], env)).out.join('')).toContain('token');
    expect((await sooc(['token', '--help'], env)).out.join('')).toContain('--cohort <cohortId>');
  });
});
