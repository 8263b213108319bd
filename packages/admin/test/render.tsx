/** Renders a component as the app does: Mantine theme, a router at `url`, Apollo mocks. */
import { MockedProvider, MockedResponse } from '@apollo/client/testing';
import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { theme } from '../src/app/theme';

/** Shows the current URL so tests can assert on it. */
function LocationProbe() {
  const l = useLocation();
  return <output data-testid="location">{l.pathname + l.search}</output>;
}

export function renderApp(ui: React.ReactElement, { url = '/', path = '*', mocks = [] as MockedResponse[] } = {}) {
  return render(
    <MantineProvider theme={theme}>
      <MockedProvider mocks={mocks}>
        <MemoryRouter initialEntries={[url]}>
          <Routes>
            <Route
              path={path}
              element={
                <>
                  {ui}
                  <LocationProbe />
                </>
              }
            />
          </Routes>
        </MemoryRouter>
      </MockedProvider>
    </MantineProvider>,
  );
}
