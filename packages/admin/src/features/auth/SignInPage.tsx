import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { useLoginMutation } from '../../graphql/generated';
import { useFormMutation } from '../../hooks/useFormMutation';
import { setToken, useToken } from '../../lib/session';

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
  const [login, { loading }] = useLoginMutation();
  const form = useFormMutation();
  if (token) return <Navigate to={next} replace />;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await form.run(async () => (await login({ variables: { email, password } })).data?.login);
    if (r?.token) {
      setToken(r.token);
      // A one-time or well-known password (the demo login): choose a new one before anything else.
      navigate(r.mustChangePassword ? '/change-password' : next, { replace: true });
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
              <Text c="dimmed" size="sm">
                OMS back office
              </Text>
            </div>
            {params.get('next') && (
              <Alert color="blue" variant="light">
                Please sign in to continue.
              </Alert>
            )}
            <TextInput
              label="E-mail"
              type="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={form.fieldError('email')}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={form.fieldError('password')}
            />
            {form.generalErrors(['email', 'password']).map((m) => (
              <Alert key={m} color="red" role="alert">
                {m}
              </Alert>
            ))}
            <Button type="submit" loading={loading}>
              Sign in
            </Button>
          </Stack>
        </Paper>
      </Center>
    </>
  );
}
