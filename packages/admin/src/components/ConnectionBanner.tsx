import { Alert } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useConnectionState } from '../lib/connection';

/** Shown on every page while the server cannot be reached; the links keep retrying meanwhile. */
export function ConnectionBanner() {
  const state = useConnectionState();
  if (state === 'online') return null;
  return (
    <Alert
      color="red"
      variant="filled"
      radius={0}
      icon={<IconPlugConnectedX size={18} />}
      role="alert"
      data-testid="offline-banner"
    >
      The server cannot be reached. Showing the last data received; reconnecting automatically…
    </Alert>
  );
}
