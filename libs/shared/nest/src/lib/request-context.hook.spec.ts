import { Body, Controller, Get, Post } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { TestIdentity } from '@sooc/auth/testing';
import { RequestContext } from './request-context';
import { useRequestContext } from './request-context.hook';

@Controller()
class EchoController {
  @Get('who')
  async who() {
    await new Promise((resolve) => setTimeout(resolve, 1));
    const { actor, correlationId } = RequestContext.current();
    return { actor, correlationId };
  }

  /** After its body was parsed, and after a wait that lets the other requests interleave. */
  @Post('who')
  async whoPosted(@Body() body: { waitMs: number }) {
    await new Promise((resolve) => setTimeout(resolve, body.waitMs));
    const { actor, correlationId } = RequestContext.current();
    return { actor, correlationId };
  }
}

describe('useRequestContext', () => {
  let app: NestFastifyApplication;
  let identity: TestIdentity;

  beforeAll(async () => {
    identity = await TestIdentity.create();
    const moduleRef = await Test.createTestingModule({ controllers: [EchoController] }).compile();
    const adapter = new FastifyAdapter();
    useRequestContext(adapter.getInstance(), identity.authenticate);
    app = moduleRef.createNestApplication<NestFastifyApplication>(adapter);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  it("gives the handler the token's actor and the request's correlation id", async () => {
    const headers = await identity.headers({ role: 'reviewer', subject: 'rev-1', cohorts: ['c-1'] });
    const response = await app.inject({
      method: 'GET',
      url: '/who',
      headers: { ...headers, 'x-correlation-id': 'corr-7' },
    });
    expect(response.json()).toEqual({ actor: { id: 'rev-1', role: 'reviewer' }, correlationId: 'corr-7' });
  });

  it('keeps each of many interleaved requests in its own context, through body parsing and awaits', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, async (_, i) =>
        app.inject({
          method: 'POST',
          url: '/who',
          headers: {
            ...(await identity.headers({ role: 'learner', subject: `user-${i}`, learnerId: `user-${i}` })),
            'x-correlation-id': `corr-${i}`,
          },
          payload: { waitMs: (i * 7) % 5 },
        }),
      ),
    );
    answers.forEach((response, i) =>
      expect(response.json()).toEqual({ actor: { id: `user-${i}`, role: 'learner' }, correlationId: `corr-${i}` }),
    );
  });

  it('treats a request without a token as anonymous, and ignores the old development headers', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/who',
      headers: { 'x-actor-id': 'admin-1', 'x-actor-role': 'admin' },
    });
    expect(response.json()).toMatchObject({ actor: { id: 'anonymous', role: 'anonymous' } });
  });

  it('refuses a bad token with 401 UNAUTHENTICATED before any handler runs', async () => {
    for (const authorization of ['Bearer not.a.jwt', 'Basic YWRtaW46YWRtaW4=', 'Bearer']) {
      const response = await app.inject({ method: 'GET', url: '/who', headers: { authorization } });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer error="invalid_token"/);
      expect(response.json()).toEqual({
        errors: [
          {
            message: expect.stringMatching(/^The bearer token is not valid: /),
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
      });
    }
  });
});
