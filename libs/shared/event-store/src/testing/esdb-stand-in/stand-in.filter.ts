import type { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { StoredRecord } from './stand-in.log';

export interface RecordFilter {
  matches(record: StoredRecord): boolean;
  /** Records scanned between two checkpoints of a subscription. */
  readonly checkpointEvery: number;
}

/** The server's default search window when the client asks for `count`. */
const DEFAULT_WINDOW = 32;

/** The filter a read or subscription asked for (stream-name or event-type; prefixes or a regex), or none. */
export function filterOf(options: ReadReq.Options): RecordFilter | undefined {
  if (!options.hasFilter()) return undefined;
  const filter = options.getFilter() as ReadReq.Options.FilterOptions;
  const onStream = filter.hasStreamIdentifier();
  const expression = (
    onStream ? filter.getStreamIdentifier() : filter.getEventType()
  ) as ReadReq.Options.FilterOptions.Expression;
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  const prefixes = expression.getPrefixList();
  const window = filter.hasMax() ? filter.getMax() : DEFAULT_WINDOW;
  return {
    checkpointEvery: Math.max(1, window * Math.max(1, filter.getCheckpointintervalmultiplier())),
    matches(record) {
      const target = onStream ? record.streamId : record.type;
      if (regex && !regex.test(target)) return false;
      return prefixes.length === 0 || prefixes.some((p) => target.startsWith(p));
    },
  };
}
