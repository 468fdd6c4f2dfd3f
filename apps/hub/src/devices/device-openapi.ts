import {
  CreatePairingCodeRequest,
  PairDeviceRequest,
  PairedDevice,
  PairingCodeView,
} from '@giliran/protocol';
import type { Operation } from '../http/openapi.ts';

export const DEVICE_OPERATIONS: readonly Operation[] = [
  {
    method: 'post',
    path: '/api/devices/pairing-codes',
    summary:
      'Create a one-time pairing code (15 minutes) for a kiosk, counter-side tablet or display (admin)',
    body: CreatePairingCodeRequest,
    response: PairingCodeView,
    status: 201,
  },
  {
    method: 'post',
    path: '/api/devices/pair',
    summary: 'Trade a pairing code for the device token the page keeps in its storage (no token needed)',
    body: PairDeviceRequest,
    response: PairedDevice,
    status: 201,
    auth: false,
  },
];
