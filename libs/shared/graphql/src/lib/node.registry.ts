import { Injectable } from '@nestjs/common';
import { parseGlobalId } from './global-id';
import type { TypedNode } from './node.interface';

/** Reads one object of a type by its key (the part of the global id after `<TypeName>:`). */
export type NodeLoader = (key: string) => Promise<object | null>;

/**
 * The types `node(id:)` can answer, each registered by the context that owns it (its API module
 * registers its loaders when it is built), so no context reads another's read models.
 */
@Injectable()
export class NodeRegistry {
  private readonly loaders = new Map<string, NodeLoader>();

  register(type: string, loader: NodeLoader): void {
    if (this.loaders.has(type)) throw new Error(`Two node loaders for type ${type}`);
    this.loaders.set(type, loader);
  }

  /** The object, tagged with its type; null for a malformed id, an unknown type or a missing object. */
  async load(id: string): Promise<TypedNode | null> {
    const parsed = parseGlobalId(id);
    const loader = parsed && this.loaders.get(parsed.type);
    if (!parsed || !loader) return null;
    const found = await loader(parsed.key);
    return found && Object.assign(found, { __typename: parsed.type });
  }
}
