/** Where a user with a one-time password (set by an admin) or a well-known one (the demo login) chooses their own before anything else. */
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { MeDocument, useChangePasswordMutation } from '../../graphql/generated';
import { useFormMutation } from '../../hooks/useFormMutation';

export function ChangePasswordPage() {
  const navigate = useNavigate();
  const [change, { loading }] = useChangePasswordMutation({ refetchQueries: [MeDocument], awaitRefetchQueries: true });
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const form = useFormMutation();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (newPassword !== repeat) {
      form.setErrors([{ field: ['repeat'], code: 'INVALID_INPUT', message: 'The two new passwords differ' }]);
      return;
    }
    if (
      await form.run(
        async () => (await change({ variables: { input: { currentPassword, newPassword } } })).data?.changePassword,
      )
    )
      navigate('/', { replace: true });
  };
  return (
    <Center mih="90vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={400} component="form" onSubmit={submit}>
        <Stack>
          <div>
            <Title order={2}>Choose your password</Title>
            <Text c="dimmed" size="sm">
              Your password was set by an administrator, or is a well-known default. Choose your own to continue.
            </Text>
          </div>
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            autoFocus
            value={currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={form.fieldError('currentPassword')}
          />
          <PasswordInput
            label="New password"
            description="10 characters or more, at most 72 bytes"
            autoComplete="new-password"
            required
            value={newPassword}
            onChange={(e) => setNew(e.currentTarget.value)}
            error={form.fieldError('newPassword')}
          />
          <PasswordInput
            label="New password again"
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={form.fieldError('repeat')}
          />
          {form.generalErrors(['currentPassword', 'newPassword', 'repeat']).map((m) => (
            <Alert key={m} color="red" role="alert">
              {m}
            </Alert>
          ))}
          <Button type="submit" loading={loading}>
            Save password
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
