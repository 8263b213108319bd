/** The SQL of sales channels. Placeholders are PostgreSQL's $1, $2, ... (run with common/sql.ts `run`). */
import type { Statement } from '../../common/sql';

/** A channel's id, code and currency by its code (none if unknown). */
export function channelWithCode(code: string): Statement {
  return { text: 'select id, code, currency from channel where code = $1', values: [code] };
}

/** The id of every channel (channels are never deleted). */
export function channelIds(): Statement {
  return { text: 'select id from channel', values: [] };
}
