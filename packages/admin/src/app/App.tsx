/** Providers (theme, notifications, Apollo) and the router. */
import { ApolloProvider } from '@apollo/client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useMemo } from 'react';
import { BrowserRouter } from 'react-router';
import { setToken, signInUrlFor } from '../lib/session';
import { createApollo } from './apollo';
import { AppRoutes } from './routes';
import { theme } from './theme';

export function App() {
  const apollo = useMemo(
    () =>
      createApollo({
        onUnauthenticated: () => {
          setToken(null);
          if (!window.location.pathname.startsWith('/sign-in'))
            window.history.replaceState(null, '', signInUrlFor(window.location));
          window.dispatchEvent(new PopStateEvent('popstate'));
        },
      }),
    [],
  );
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <ApolloProvider client={apollo.client}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </ApolloProvider>
    </MantineProvider>
  );
}
