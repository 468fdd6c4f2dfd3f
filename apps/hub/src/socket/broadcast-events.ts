import { isQueueEvent, type HubEvent, type QueueEvent } from '@giliran/domain';
import { publicEvent } from './device-view.ts';
import { DEVICE_ROOM, STAFF_ROOM, type HubSocketServer } from './socket-server.ts';

type Room = typeof STAFF_ROOM | typeof DEVICE_ROOM;

function hasMembers(io: HubSocketServer, room: Room): boolean {
  return (io.sockets.adapter.rooms.get(room)?.size ?? 0) > 0;
}

function emit(io: HubSocketServer, rooms: Room[], event: QueueEvent, eventId: number): void {
  const payload = { ...event, eventId };
  (io.to(rooms).emit as (name: string, body: typeof payload) => boolean)(event.type, payload);
}

/**
 * Sends committed events, with their ids, to staff screens and to devices (kiosks and displays, which never see a
 * ticket's code or a compensation). Socket.IO encodes a packet before it looks for sockets, so a room nobody is in
 * is skipped before anything is built.
 */
export function broadcastEvents(
  io: HubSocketServer,
  batch: readonly { readonly id: number; readonly event: HubEvent }[],
): void {
  const staff = hasMembers(io, STAFF_ROOM);
  const devices = hasMembers(io, DEVICE_ROOM);
  if (!staff && !devices) return;
  for (const { id, event } of batch) {
    if (!isQueueEvent(event)) {
      // Another feature's event names people (a complainant, a respondent): staff screens hear only that the log
      // moved on, so a screen that checks for gaps knows it missed nothing; the feature announces what it shows.
      if (staff) io.to(STAFF_ROOM).emit('log:advanced', { type: 'log:advanced', eventId: id });
      continue;
    }
    const forDevices = devices ? publicEvent(event) : null;
    // Most events are the same for everyone: one packet, encoded once, for both rooms.
    if (staff && forDevices === event) emit(io, [STAFF_ROOM, DEVICE_ROOM], event, id);
    else {
      if (staff) emit(io, [STAFF_ROOM], event, id);
      if (forDevices) emit(io, [DEVICE_ROOM], forDevices, id);
    }
  }
}
