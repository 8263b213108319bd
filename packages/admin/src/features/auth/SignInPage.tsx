import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { useLoginMutation } from '../../graphql/generated';
import { setToken, useToken } from '../../lib/session';
import { describeError, errorFor, generalErrors } from '../../lib/user-errors';

/** Only same-app paths: never send the user to another site after sign-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const token = useToken();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [login, { data, loading, error }] = useLoginMutation();
  if (token) return <Navigate to={next} replace />;
  const userErrors = data?.login.userErrors;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      const res = await login({ variables: { email, password } });
      const t = res.data?.login.token;
      if (t) {
        setToken(t);
        // A one-time or well-known password (the demo login): choose a new one before anything else.
        navigate(res.data?.login.mustChangePassword ? '/change-password' : next, { replace: true });
      }
    } catch {
      // shown below from `error`
    }
  };

  return (
    <>
      <ConnectionBanner />
      <Center mih="90vh" p="md">
        <Paper withBorder shadow="sm" p="xl" w={380} component="form" onSubmit={submit}>
          <Stack>
            <div>
              <Title order={2}>Sign in</Title>
              <Text c="dimmed" size="sm">OMS back office</Text>
            </div>
            {params.get('next') && <Alert color="blue" variant="light">Please sign in to continue.</Alert>}
            <TextInput label="E-mail" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errorFor(userErrors, 'email')} />
            <PasswordInput label="Password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={errorFor(userErrors, 'password')} />
            {generalErrors(userErrors, ['email', 'password']).map((m) => <Alert key={m} color="red" role="alert">{m}</Alert>)}
            {error && <Alert color="red" role="alert">{describeError(error)}</Alert>}
            <Button type="submit" loading={loading}>Sign in</Button>
          </Stack>
        </Paper>
      </Center>
    </>
  );
}
