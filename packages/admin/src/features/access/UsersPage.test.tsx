import { MockedResponse } from '@apollo/client/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../../test/render';
import { CreateUserDocument, MeDocument, Role, UsersDocument } from '../../graphql/generated';
import { UsersPage } from './UsersPage';

const ADMIN = {
  __typename: 'User',
  id: 'u1',
  email: 'admin@example.com',
  name: 'Administrator',
  role: Role.Admin,
  active: true,
  mustChangePassword: false,
  lastLoginAt: null,
  createdAt: '2026-11-01T10:00:00Z',
};
const base: MockedResponse[] = [
  {
    request: { query: UsersDocument },
    result: {
      data: {
        users: {
          __typename: 'UserConnection',
          nodes: [ADMIN],
          totalCount: 1,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        },
      },
    },
  },
  {
    request: { query: MeDocument },
    result: {
      data: {
        me: {
          __typename: 'User',
          id: 'u1',
          email: ADMIN.email,
          name: ADMIN.name,
          role: Role.Admin,
          mustChangePassword: false,
          permissions: ['USER_MANAGE'],
        },
      },
    },
  },
];

test('the users table marks the signed-in admin, who cannot change their own role or deactivate themselves', async () => {
  renderApp(<UsersPage />, { mocks: base });
  const row = await screen.findByTestId('user-row-admin@example.com');
  expect(within(row).getByText('(you)')).toBeInTheDocument();
  expect(within(row).queryByRole('button', { name: 'Deactivate' })).toBeNull();
  await waitFor(() => expect(within(row).getByRole('combobox', { name: 'Role of admin@example.com' })).toBeDisabled());
});

test('an invitation the server refuses shows each error at its field and keeps what was typed', async () => {
  const mocks: MockedResponse[] = [
    ...base,
    {
      request: {
        query: CreateUserDocument,
        variables: { input: { email: 'ops@example.com', name: 'Ops', role: Role.Support, password: 'short-one-1' } },
      },
      result: {
        data: {
          createUser: {
            __typename: 'UserPayload',
            user: null,
            userErrors: [
              {
                __typename: 'UserError',
                field: ['input', 'email'],
                code: 'CONFLICT',
                message: 'A user with this e-mail already exists',
              },
            ],
          },
        },
      },
    },
  ];
  renderApp(<UsersPage />, { mocks });
  const form = await screen.findByRole('form', { name: 'Invite a user' });
  await userEvent.type(within(form).getByLabelText(/^E-mail/), 'ops@example.com');
  await userEvent.type(within(form).getByLabelText(/^Name/), 'Ops');
  await userEvent.type(within(form).getByLabelText(/^One-time password/), 'short-one-1');
  await userEvent.click(within(form).getByRole('button', { name: 'Invite' }));
  const email = within(form).getByLabelText(/^E-mail/);
  await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
  expect(within(form).getByText('A user with this e-mail already exists')).toBeInTheDocument();
  expect(email).toHaveValue('ops@example.com');
});
