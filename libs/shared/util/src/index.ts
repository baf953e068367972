export * from './lib/error.text';
export * from './lib/position.key';
export * from './lib/hash-trie.map';
export * from './lib/sorted-chunks.list';
