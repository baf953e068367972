import { Controller, Get } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { RequestContext } from './request-context';
import { RequestContextInterceptor } from './request-context.interceptor';

@Controller()
class EchoController {
  @Get('who')
  async who() {
    await new Promise((resolve) => setTimeout(resolve, 1));
    return RequestContext.current();
  }
}

describe('RequestContextInterceptor', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [EchoController],
      providers: [{ provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor }],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
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
});
