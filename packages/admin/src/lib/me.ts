/** The signed-in user and what their role allows, for showing only what they may use. */
import { Permission, useMeQuery } from '../graphql/generated';

export function useMe() {
  const { data, loading } = useMeQuery({ fetchPolicy: 'cache-first' });
  const me = data?.me ?? null;
  const permissions = new Set<string>(me?.permissions ?? []);
  return { me, loading, can: (p: Permission) => permissions.has(p) };
}
