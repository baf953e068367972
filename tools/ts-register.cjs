// Lets plain `node` run the TypeScript sources (child processes in tests, the CLI in dev):
// `node --conditions=@sooc/source -r ./tools/ts-register.cjs file.ts`.
// swc keeps decorator metadata, which Nest's dependency injection needs (esbuild would not).
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    sourceMaps: 'inline',
    module: { type: 'commonjs' },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
  });
  module._compile(code, filename);
};
