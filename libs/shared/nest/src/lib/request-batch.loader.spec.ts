import { ANONYMOUS_PRINCIPAL } from '@sooc/auth';
import { RequestBatchLoader } from './request-batch.loader';
import { RequestContext } from './request-context';

describe('RequestBatchLoader', () => {
  const loadsOf = () => {
    const calls: string[][] = [];
    const loader = new RequestBatchLoader<string>(async (keys) => {
      calls.push([...keys]);
      return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, `value of ${k}`]));
    });
    return { calls, loader };
  };
  const inRequest = <T>(id: string, fn: () => Promise<T>) =>
    RequestContext.run(RequestContext.of(ANONYMOUS_PRINCIPAL, id), fn);

  it('reads the keys one request asks for together in one call, and answers each with its own value', async () => {
    const { calls, loader } = loadsOf();
    const values = await inRequest('r1', () => Promise.all(['a', 'b', 'a', 'missing'].map((k) => loader.get(k))));
    expect(values).toEqual(['value of a', 'value of b', 'value of a', null]);
    expect(calls).toEqual([['a', 'b', 'missing']]);
  });

  it('keeps two requests apart, and starts a new batch once one was read', async () => {
    const { calls, loader } = loadsOf();
    await Promise.all([inRequest('r1', () => loader.get('a')), inRequest('r2', () => loader.get('b'))]);
    await inRequest('r3', async () => {
      await loader.get('c');
      await loader.get('d');
    });
    expect(calls).toEqual([['a'], ['b'], ['c'], ['d']]);
  });
});
