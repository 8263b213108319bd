import { useApolloClient } from '@apollo/client';
import { Avatar, Menu, UnstyledButton, Text, Group } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useLogoutMutation, useMeQuery } from '../../graphql/generated';
import { setToken } from '../../lib/session';

export function UserMenu() {
  const { data } = useMeQuery({ fetchPolicy: 'cache-first' });
  const [logout] = useLogoutMutation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const me = data?.me;
  const signOut = async () => {
    try {
      await logout();
    } catch {
      // the token is dropped locally either way
    }
    setToken(null);
    await client.clearStore();
    navigate('/sign-in');
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label="Account menu">
          <Group gap={6}>
            <Avatar size="sm" radius="xl" color="indigo">
              {(me?.name || me?.email || '?').charAt(0).toUpperCase()}
            </Avatar>
            <Text size="sm" visibleFrom="sm">
              {me?.name || me?.email}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {me && (
          <Menu.Label>
            {me.email} · {me.role.toLowerCase()}
          </Menu.Label>
        )}
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={signOut}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
