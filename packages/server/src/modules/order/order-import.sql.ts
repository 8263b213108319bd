/**
 * The SQL of the order import (order-import.ts). Placeholders are PostgreSQL's $1, $2, ... (run
 * with common/sql `run`, in the import's transaction).
 */

export interface Statement {
  text: string;
  values: unknown[];
}

export function channelByCode(code: string): Statement {
  return { text: 'select id, code, currency from channel where code = $1', values: [code] };
}

/** Serializes imports of one order key (channel + external id, or number) for the rest of the transaction. */
export function lockImportKey(key: string): Statement {
  return { text: 'select pg_advisory_xact_lock(hashtext($1))', values: [key] };
}

export function orderByExternalId(channelId: string, externalId: string): Statement {
  return { text: 'select id from "order" where channel_id = $1 and external_id = $2', values: [channelId, externalId] };
}

export function orderByNumber(number: string): Statement {
  return { text: 'select id from "order" where number = $1', values: [number] };
}

export function nextOrderNumber(): Statement {
  return { text: "select nextval('order_number_seq')::text as number", values: [] };
}

/** Moves the order-number sequence past a kept numeric number, so placed orders never collide with it. */
export function moveOrderNumbersPast(number: string): Statement {
  return {
    text: "select setval('order_number_seq', $1::bigint) where $1::bigint > (select last_value from order_number_seq)",
    values: [number],
  };
}
