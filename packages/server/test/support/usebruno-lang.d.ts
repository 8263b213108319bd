/** Bruno's own parser of .bru files (it ships no types): the shapes test/partner-collection.e2e.test.ts reads. */
declare module '@usebruno/lang' {
  export function bruToJsonV2(text: string): {
    meta: { name: string; type: string; seq: string };
    http: { method: string; url: string; body: string; auth: string };
    auth: { bearer: { token: string } };
    body: { graphql: { query: string; variables: string } };
    script?: { res?: string };
    docs?: string;
  };
  export function bruToEnvJsonV2(text: string): { variables: { name: string; value: string; secret: boolean }[] };
}
