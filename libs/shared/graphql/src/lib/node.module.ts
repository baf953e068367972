import { Global, Module } from '@nestjs/common';
import { NodeRegistry } from './node.registry';
import { NodeResolver } from './node.resolver';

/**
 * `node(id:)` and the registry the contexts' API modules add their types to. Global: each API
 * module injects the one registry without importing the others.
 */
@Global()
@Module({ providers: [NodeRegistry, NodeResolver], exports: [NodeRegistry] })
export class NodeModule {}
