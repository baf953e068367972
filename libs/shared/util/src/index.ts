export * from './lib/error.text';
export * from './lib/position.key';
export * from './lib/hash-trie.map';
export * from './lib/sorted-chunks.list';
export * from './lib/json.column';
export * from './lib/score.column';
export * from './lib/page.size';
export * from './lib/position.cursor';
