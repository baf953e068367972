import { hostname } from 'node:os';
import { ConfigError } from '../config.error';
import { EnvReader, type Env } from '../env.reader';
import { readWorkerConfig, type WorkerName } from './worker.config';

function load(env: Env, worker?: WorkerName) {
  const reader = new EnvReader(env);
  const config = readWorkerConfig(reader, worker);
  reader.done();
  return config;
}

function problems(env: Env): string {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('readWorkerConfig', () => {
  it('defaults: all interfaces, the worker’s own port, a 5 s lease, <hostname>-<pid> as instance id', () => {
    expect(load({})).toEqual({
      host: '0.0.0.0',
      port: 9464,
      leaseTtlMs: 5000,
      instanceId: `${hostname()}-${process.pid}`,
    });
    expect(load({}, 'reactor').port).toBe(9465);
  });

  it('reads every variable', () => {
    expect(load({ HOST: '127.0.0.1', PORT: '0', SOOC_LEASE_TTL_MS: '2000', SOOC_INSTANCE_ID: 'projector-0' })).toEqual({
      host: '127.0.0.1',
      port: 0,
      leaseTtlMs: 2000,
      instanceId: 'projector-0',
    });
    expect(load({ HOST: '::1', SOOC_LEASE_TTL_MS: '60000', SOOC_INSTANCE_ID: 'x'.repeat(200) }).leaseTtlMs).toBe(60000);
  });

  it('names every bad variable and what it accepts', () => {
    const message = problems({
      PORT: '65536',
      HOST: 'my host',
      SOOC_LEASE_TTL_MS: '999',
      SOOC_INSTANCE_ID: 'two words',
    });
    expect(message).toContain('PORT="65536": expected a port from 0 to 65535 (0: any free port)');
    expect(message).toContain('HOST="my host": expected a host name or IP address to listen on');
    expect(message).toContain('SOOC_LEASE_TTL_MS="999": expected milliseconds from 1000 to 60000');
    expect(message).toContain('SOOC_INSTANCE_ID="two words": expected 1 to 200 characters without spaces');
    expect(problems({ SOOC_LEASE_TTL_MS: '60001' })).toContain('SOOC_LEASE_TTL_MS="60001"');
    expect(problems({ SOOC_INSTANCE_ID: 'x'.repeat(201) })).toContain('SOOC_INSTANCE_ID=');
    expect(problems({ PORT: 'http' })).toContain('PORT="http"');
  });
});
