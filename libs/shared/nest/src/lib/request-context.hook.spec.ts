import { Body, Controller, Get, Post } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { RequestContext } from './request-context';
import { useRequestContext } from './request-context.hook';

@Controller()
class EchoController {
  @Get('who')
  async who() {
    await new Promise((resolve) => setTimeout(resolve, 1));
    return RequestContext.current();
  }

  /** After its body was parsed, and after a wait that lets the other requests interleave. */
  @Post('who')
  async whoPosted(@Body() body: { waitMs: number }) {
    await new Promise((resolve) => setTimeout(resolve, body.waitMs));
    return RequestContext.current();
  }
}

describe('useRequestContext', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [EchoController] }).compile();
    const adapter = new FastifyAdapter();
    useRequestContext(adapter.getInstance());
    app = moduleRef.createNestApplication<NestFastifyApplication>(adapter);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  it('gives the handler the actor and correlation id of its own request', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/who',
      headers: { 'x-correlation-id': 'corr-7', 'x-actor-id': 'rev-1', 'x-actor-role': 'reviewer' },
    });
    expect(response.json()).toEqual({ actor: { id: 'rev-1', role: 'reviewer' }, correlationId: 'corr-7' });
  });

  it('keeps each of many interleaved requests in its own context, through body parsing and awaits', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        app.inject({
          method: 'POST',
          url: '/who',
          headers: { 'x-correlation-id': `corr-${i}`, 'x-actor-id': `user-${i}`, 'x-actor-role': 'learner' },
          payload: { waitMs: (i * 7) % 5 },
        }),
      ),
    );
    answers.forEach((response, i) =>
      expect(response.json()).toEqual({ actor: { id: `user-${i}`, role: 'learner' }, correlationId: `corr-${i}` }),
    );
  });

  it('treats a request without actor headers as anonymous', async () => {
    const response = await app.inject({ method: 'GET', url: '/who' });
    expect(response.json()).toMatchObject({ actor: { id: 'anonymous', role: 'anonymous' } });
  });
});
