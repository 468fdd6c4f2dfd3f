import {
  ContactRequest,
  MessageOptionsBody,
  MessageSettingsView,
  MessagesView,
  MessageTemplatesBody,
  SettingsView,
} from '@giliran/protocol';
import { z } from 'zod';
import type { Operation } from '../http/openapi.ts';

/** Messages to citizens (issue 18) in the API description. */
export const MESSAGE_OPERATIONS: readonly Operation[] = [
  {
    method: 'post',
    path: '/api/messages/contacts',
    summary:
      "A citizen's WhatsApp number for their ticket's messages (the kiosk for its own ticket; FO and managers); 409 MESSAGES_OFF without a channel",
    body: ContactRequest,
    response: z.object({ ticketId: z.string(), to: z.string() }),
    status: 201,
  },
  {
    method: 'get',
    path: '/api/messages',
    summary: 'The outbox with masked recipients, by status (managers)',
    response: MessagesView,
  },
  {
    method: 'get',
    path: '/api/messages/settings',
    summary: 'The message texts and options in force (managers)',
    response: MessageSettingsView,
  },
  {
    method: 'post',
    path: '/api/messages/{id}/retry',
    summary: 'Sends a failed message again, a fresh round of attempts (managers)',
    response: z.object({ id: z.number() }),
  },
  {
    method: 'put',
    path: '/api/settings/message-templates',
    summary: 'The texts of the messages, Indonesian and English (managers, audited)',
    body: MessageTemplatesBody,
    response: SettingsView,
  },
  {
    method: 'put',
    path: '/api/settings/message-options',
    summary: '"N orang lagi" threshold and days numbers are kept after the visit (managers, audited)',
    body: MessageOptionsBody,
    response: SettingsView,
  },
];
