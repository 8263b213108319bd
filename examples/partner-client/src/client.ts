/**
 * A typed GraphQL client in a few lines: `request(document, variables)` sends a document that
 * codegen typed (src/gql) and returns its data with that type. GraphQL errors (not userErrors:
 * those are data) are thrown as GraphQLRequestError with their `extensions.code`; a 429 or 503 is
 * retried after the `Retry-After` the server sends.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export class GraphQLRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: GraphQLErrorBody[],
    readonly requestId: string | null,
  ) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ') || `HTTP ${status}`);
  }

  /** The first error's code, e.g. UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED, QUERY_TOO_COMPLEX. */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. https://oms.example.com/graphql. */
  url: string;
  /** The API key's secret (omsk_…). */
  apiKey: string;
  /** How often a 429 or 503 is retried before its error is thrown. */
  retries?: number;
}

export type Request = <TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
) => Promise<TResult>;

export function createClient({ url, apiKey, retries = 3 }: ClientOptions): Request {
  return async function request<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
  ): Promise<TResult> {
    const body = JSON.stringify({ query: print(document), variables });
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body,
      });
      const json = (await res.json().catch(() => ({}))) as { data?: TResult; errors?: GraphQLErrorBody[] };
      if ((res.status === 429 || res.status === 503) && attempt < retries) {
        const seconds = Number(res.headers.get('retry-after')) || 1;
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
        continue;
      }
      if (json.errors?.length || !json.data)
        throw new GraphQLRequestError(res.status, json.errors ?? [], res.headers.get('x-request-id'));
      return json.data;
    }
  };
}

/** An amount in minor units as text, with the currency's own number of decimals (1999 EUR: "19.99 EUR"). */
export function formatMoney({ amount, currency }: { amount: number; currency: string }): string {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return `${(amount / 10 ** digits).toFixed(digits)} ${currency}`;
}
