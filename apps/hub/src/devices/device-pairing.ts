import { randomInt } from 'node:crypto';
import type { DevicePaired } from '@giliran/domain';
import {
  PairDeviceRequest,
  type CreatePairingCodeRequest,
  type PairedDevice,
  type PairingCodeView,
} from '@giliran/protocol';
import type { Clock } from '../clock.ts';
import type { CommandBus } from '../commands/command-bus.ts';
import type { RecordCommand } from '../commands/record-command.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { Db } from '../db/database.ts';
import { sql } from '../db/statements.ts';
import { HubError } from '../hub-error.ts';
import { PUBLIC, type Actor } from '../auth/actor.ts';
import { newToken, sha256 } from '../auth/secrets.ts';

/** Long enough to walk to the kiosk and type it; short enough that a code on a sticky note is soon useless. */
export const PAIRING_CODE_MINUTES = 15;
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

interface CodeRow {
  code_sha256: string;
  device_id: string;
  role: 'kiosk' | 'display';
  counter_id: string | null;
  expires_at: string;
  used_at: string | null;
}

/** `ABCD-EFGH` and `abcd efgh` are the same code. */
export function normalizePairingCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * Pairing a device without a secret in any address: an admin creates a one-time code on the MOD page; the
 * device's page asks for it once, trades it for a long random token and keeps that in its own storage. Only
 * hashes of codes and tokens are stored. Pairing again under a device's name gives it a new token, and the old
 * one stops working at once (`onTokensChanged`).
 */
export class DevicePairing {
  constructor(
    private readonly db: Db,
    private readonly site: SiteConfig,
    private readonly clock: Clock,
    private readonly bus: CommandBus,
    private readonly onTokensChanged: () => void,
  ) {}

  create(actor: Actor, request: CreatePairingCodeRequest): PairingCodeView {
    if (request.counterId !== undefined && !this.site.counters.some((c) => c.id === request.counterId))
      throw new HubError('COUNTER_NOT_FOUND');
    if (request.counterId !== undefined && request.role !== 'kiosk')
      throw new HubError('VALIDATION_FAILED', [{ path: 'counterId', message: 'only a kiosk-role tablet' }]);
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)] ?? 'A';
    const now = this.clock.now();
    const expiresAt = new Date(now + PAIRING_CODE_MINUTES * 60_000).toISOString();
    sql(
      this.db,
      `INSERT INTO pairing_codes (code_sha256, device_id, role, counter_id, created_by, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      sha256(code),
      request.deviceId,
      request.role,
      request.counterId ?? null,
      actor.id,
      new Date(now).toISOString(),
      expiresAt,
    );
    return {
      code: `${code.slice(0, 4)}-${code.slice(4)}`,
      deviceId: request.deviceId,
      role: request.role,
      counterId: request.counterId ?? null,
      expiresAt,
    };
  }

  /**
   * Trades a good, unused, unexpired code for the device's token. Devices are a projection of the log, so pairing is
   * a command on the bus: its `device:paired` event carries only the token's hash, and the code is spent in the
   * same transaction (`alongside`: codes are short-lived secrets kept outside the log, like sessions).
   */
  pair(body: unknown): Promise<PairedDevice> {
    return this.bus.record(PUBLIC, this.pairCommand(newToken()), body);
  }

  /** Made per request: the token lives only in this answer; nothing stored or logged holds it. */
  private pairCommand(token: string): RecordCommand<PairDeviceRequest, PairedDevice> {
    return {
      name: 'device.pair',
      allowed: () => true,
      schema: PairDeviceRequest,
      decide: ({ code }, ctx) => {
        const hash = sha256(normalizePairingCode(code));
        const row = sql(this.db, 'SELECT * FROM pairing_codes WHERE code_sha256 = ?').get(hash) as
          CodeRow | undefined;
        if (!row || row.used_at !== null || Date.parse(row.expires_at) <= Date.parse(ctx.now))
          throw new HubError('PAIRING_CODE_INVALID');
        const event: DevicePaired = {
          type: 'device:paired',
          deviceId: row.device_id,
          role: row.role,
          tokenSha256: sha256(token),
          counterId: row.counter_id,
          at: ctx.now,
        };
        const spend = (): void => {
          sql(this.db, 'UPDATE pairing_codes SET used_at = ? WHERE code_sha256 = ?').run(ctx.now, hash);
        };
        return { events: [event], ref: JSON.stringify([row.device_id, row.role]), alongside: spend };
      },
      answer: (ref) => {
        const [deviceId, role] = JSON.parse(ref) as [string, PairedDevice['role']];
        return { token, deviceId, role };
      },
      applied: () => {
        this.onTokensChanged();
      },
    };
  }
}
