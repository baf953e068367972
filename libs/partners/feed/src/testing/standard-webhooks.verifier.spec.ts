import { signWebhook, type StandardWebhookHeaders } from '../lib/webhook.signer';
import { verifyStandardWebhook } from './standard-webhooks.verifier';

const OLD = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;
const NEW = `whsec_${Buffer.alloc(32, 2).toString('base64')}`;
const SENT_AT = new Date('2026-03-03T09:00:00.000Z');
const BODY = JSON.stringify({ specversion: '1.0', id: '0190f6f4-0000-7000-8000-000000000001', data: { n: 1 } });
const signed = (secrets: readonly string[], payload = BODY) =>
  signWebhook({ msgId: 'evt_0190f6f4', timestamp: SENT_AT, payload }, secrets);
const verify = (headers: Partial<StandardWebhookHeaders>, secret: string, body = BODY, now = SENT_AT) =>
  verifyStandardWebhook(headers, body, secret, { now });

describe('a Standard Webhooks verifier written from the specification', () => {
  it('verifies the reference libraries’ published test vector', () => {
    const headers = {
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    };
    const body = '{"test": 2432232314}';
    const now = new Date(1614265330_000);
    expect(verifyStandardWebhook(headers, body, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', { now })).toEqual({
      ok: true,
    });
  });

  it('verifies what the signer sends, as a string or as raw bytes, whatever the header case', () => {
    const headers = signed([NEW]);
    expect(verify(headers, NEW)).toEqual({ ok: true });
    expect(verifyStandardWebhook(headers, Buffer.from(BODY), NEW, { now: SENT_AT })).toEqual({ ok: true });
    const shouted = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(verify(shouted, NEW)).toEqual({ ok: true });
  });

  it('refuses a tampered body, id or timestamp', () => {
    const headers = signed([NEW]);
    expect(verify(headers, NEW, BODY.replace('"n":1', '"n":2'))).toEqual({
      ok: false,
      reason: 'no matching signature',
    });
    expect(verify(headers, NEW, `${BODY} `)).toEqual({ ok: false, reason: 'no matching signature' });
    expect(verify({ ...headers, 'webhook-id': 'evt_other' }, NEW)).toMatchObject({ ok: false });
    const oneSecondLater = String(Number(headers['webhook-timestamp']) + 1);
    expect(verify({ ...headers, 'webhook-timestamp': oneSecondLater }, NEW)).toEqual({
      ok: false,
      reason: 'no matching signature',
    });
  });

  it('refuses a timestamp more than 5 minutes off the receiver’s clock, either way', () => {
    const headers = signed([NEW]);
    const at = (seconds: number) => new Date(SENT_AT.getTime() + seconds * 1000);
    expect(verify(headers, NEW, BODY, at(300))).toEqual({ ok: true });
    expect(verify(headers, NEW, BODY, at(301))).toEqual({ ok: false, reason: 'timestamp outside the tolerance' });
    expect(verify(headers, NEW, BODY, at(-301))).toEqual({ ok: false, reason: 'timestamp outside the tolerance' });
  });

  it('refuses a wrong secret, a missing header, a malformed timestamp and signatures of another version', () => {
    const headers = signed([NEW]);
    expect(verify(headers, OLD)).toEqual({ ok: false, reason: 'no matching signature' });
    expect(verify({ ...headers, 'webhook-signature': undefined }, NEW)).toEqual({
      ok: false,
      reason: 'missing header',
    });
    expect(verify({ ...headers, 'webhook-timestamp': '1772528400.5' }, NEW)).toMatchObject({ ok: false });
    const v1a = headers['webhook-signature'].replace('v1,', 'v1a,');
    expect(verify({ ...headers, 'webhook-signature': v1a }, NEW)).toEqual({
      ok: false,
      reason: 'no matching signature',
    });
  });

  it('verifies with either secret during a rotation’s overlap, and with the new one only after it', () => {
    const during = signed([NEW, OLD]);
    expect(verify(during, NEW)).toEqual({ ok: true });
    expect(verify(during, OLD)).toEqual({ ok: true });
    const after = signed([NEW]);
    expect(verify(after, NEW)).toEqual({ ok: true });
    expect(verify(after, OLD)).toEqual({ ok: false, reason: 'no matching signature' });
  });
});
