/** Creates an empty database on the test server; resolves to its connection URL. */
export declare function createTestDatabase(prefix?: string): Promise<string>;
export declare function dropTestDatabase(url: string): Promise<void>;
