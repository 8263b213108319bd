/** Asks before an action that cannot be undone (revoke a key, delete an endpoint). */
import { Button, Group, Modal, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  /** What happens if confirmed. */
  children: ReactNode;
  /** Form fields the confirmation needs (e.g. a reason), under the text. */
  fields?: ReactNode;
  /** Whether the confirm button is busy (the action is running). */
  loading?: boolean;
  confirmLabel: string;
  cancelLabel?: string;
  color?: string;
  onConfirm: () => void;
  onClose: () => void;
}

export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Keep it',
  color = 'red',
  fields,
  loading,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Text size="sm">{children}</Text>
      {fields}
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {cancelLabel}
        </Button>
        <Button color={color} onClick={onConfirm} loading={loading}>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
}
