import { Anchor, AppShell, Burger, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBox,
  IconBuildingWarehouse,
  IconChartBar,
  IconDatabaseExport,
  IconDeviceTv,
  IconGauge,
  IconAddressBook,
  IconKey,
  IconListDetails,
  IconMail,
  IconPackages,
  IconReceipt,
  IconRobot,
  IconStack2,
  IconTimeline,
  IconUsers,
  IconWebhook,
} from '@tabler/icons-react';
import { Link, Outlet, useLocation } from 'react-router';
import { ConnectionBanner } from '../components/ConnectionBanner';
import { ThemeToggle } from '../components/ThemeToggle';
import { UserMenu } from '../features/auth/UserMenu';
import { Permission } from '../graphql/generated';
import { useMe } from '../lib/me';

const NAV: { to: string; label: string; icon: typeof IconGauge; exact?: boolean; permission?: Permission }[] = [
  { to: '/', label: 'Dashboard', icon: IconGauge, exact: true },
  { to: '/reports', label: 'Reports', icon: IconChartBar, permission: Permission.ReportRead },
  { to: '/orders', label: 'Orders', icon: IconReceipt },
  { to: '/customers', label: 'Customers', icon: IconAddressBook, permission: Permission.CustomerRead },
  { to: '/inventory', label: 'Stock', icon: IconPackages, exact: true },
  { to: '/inventory/products', label: 'Products', icon: IconBox },
  { to: '/inventory/locations', label: 'Warehouses & channels', icon: IconBuildingWarehouse },
];

/** Administration pages, shown to those whose role allows them. */
const ADMIN_NAV = [
  { to: '/settings/users', label: 'Users', icon: IconUsers, permission: Permission.UserManage },
  { to: '/settings/api-keys', label: 'API keys', icon: IconKey, permission: Permission.ApiKeyManage },
  { to: '/settings/audit-log', label: 'Audit log', icon: IconListDetails, permission: Permission.AuditRead },
  { to: '/settings/automation', label: 'Automation', icon: IconRobot, permission: Permission.RuleManage },
  { to: '/settings/webhooks', label: 'Webhooks', icon: IconWebhook, permission: Permission.WebhookManage },
  { to: '/settings/emails', label: 'E-mails', icon: IconMail, permission: Permission.EmailManage },
  { to: '/settings/jobs', label: 'Jobs', icon: IconStack2, permission: Permission.JobManage },
  { to: '/settings/events', label: 'Events', icon: IconTimeline, permission: Permission.EventRead },
];

export function Layout() {
  const { can } = useMe();
  const adminNav = ADMIN_NAV.filter((item) => can(item.permission));
  const dataNav = can(Permission.DataExport) || can(Permission.DataImport);
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Title order={4}>OMS back office</Title>
            </Anchor>
          </Group>
          <Group gap="xs">
            <ThemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <ScrollArea>
          <nav aria-label="Main">
            {NAV.filter((item) => !item.permission || can(item.permission)).map((item) => (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                leftSection={<item.icon size={18} />}
                active={item.exact ? pathname === item.to : pathname.startsWith(item.to)}
                onClick={close}
              />
            ))}
            {dataNav && (
              <NavLink
                component={Link}
                to="/data"
                label="Data"
                leftSection={<IconDatabaseExport size={18} />}
                active={pathname.startsWith('/data')}
                onClick={close}
              />
            )}
            <NavLink component={Link} to="/screen" label="Screen mode" leftSection={<IconDeviceTv size={18} />} />
            {adminNav.length > 0 && (
              <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">
                Administration
              </Text>
            )}
            {adminNav.map((item) => (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                leftSection={<item.icon size={18} />}
                active={pathname.startsWith(item.to)}
                onClick={close}
              />
            ))}
          </nav>
          <Text size="xs" c="dimmed" mt="md" px="sm">
            Live updates arrive over WebSocket.
          </Text>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <ConnectionBanner />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
