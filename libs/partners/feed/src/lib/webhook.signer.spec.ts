import { signWebhook } from './webhook.signer';

/** The Standard Webhooks reference libraries' published test vector. */
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  msgId: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: new Date(1614265330_000),
  payload: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const OTHER = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

describe('signWebhook', () => {
  it('reproduces the reference signature, with the id and the timestamp in Unix seconds', () => {
    expect(signWebhook(VECTOR, [VECTOR.secret])).toEqual({
      'webhook-id': VECTOR.msgId,
      'webhook-timestamp': '1614265330',
      'webhook-signature': VECTOR.signature,
    });
  });

  it('drops the milliseconds of the timestamp, as receivers read whole seconds', () => {
    const headers = signWebhook({ ...VECTOR, timestamp: new Date(1614265330_999) }, [VECTOR.secret]);
    expect(headers['webhook-timestamp']).toBe('1614265330');
    expect(headers['webhook-signature']).toBe(VECTOR.signature);
  });

  it('signs with each active secret, in the order given, space-separated', () => {
    const signature = signWebhook(VECTOR, [OTHER, VECTOR.secret])['webhook-signature'];
    const entries = signature.split(' ');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(entries[1]).toBe(VECTOR.signature);
  });

  it('refuses to sign without a secret, or with an id holding a dot', () => {
    expect(() => signWebhook(VECTOR, [])).toThrow('at least one secret');
    expect(() => signWebhook({ ...VECTOR, msgId: 'msg.1' }, [VECTOR.secret])).toThrow('hold no "."');
  });
});
