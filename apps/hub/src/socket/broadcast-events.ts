import { isQueueEvent, type HubEvent, type QueueEvent } from '@giliran/domain';
import { codelessEvent, publicEvent } from './device-view.ts';
import { CODELESS_ROOM, DEVICE_ROOM, STAFF_ROOM, type HubSocketServer } from './socket-server.ts';

type Room = typeof STAFF_ROOM | typeof DEVICE_ROOM | typeof CODELESS_ROOM;

function hasMembers(io: HubSocketServer, room: Room): boolean {
  return (io.sockets.adapter.rooms.get(room)?.size ?? 0) > 0;
}

function emit(io: HubSocketServer, rooms: Room[], event: QueueEvent, eventId: number, except?: Room): void {
  const payload = { ...event, eventId };
  const target = except === undefined ? io.to(rooms) : io.to(rooms).except(except);
  (target.emit as (name: string, body: typeof payload) => boolean)(event.type, payload);
}

/**
 * Sends committed events, with their ids, to staff screens and to devices (kiosks and displays, which never see a
 * ticket's code or a compensation). Officers are staff without ticket codes (CODELESS_ROOM, a subset of
 * STAFF_ROOM): a new ticket reaches them without its code. Socket.IO encodes a packet before it looks for sockets,
 * so a room nobody is in is skipped before anything is built.
 */
export function broadcastEvents(
  io: HubSocketServer,
  batch: readonly { readonly id: number; readonly event: HubEvent }[],
): void {
  const staff = hasMembers(io, STAFF_ROOM);
  const devices = hasMembers(io, DEVICE_ROOM);
  if (!staff && !devices) return;
  const codeless = staff && hasMembers(io, CODELESS_ROOM);
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
    else if (codeless && codelessEvent(event) !== event) {
      // A new ticket: its code to the staff who hold codes, its number alone to officers and devices.
      emit(io, [STAFF_ROOM], event, id, CODELESS_ROOM);
      emit(io, forDevices ? [CODELESS_ROOM, DEVICE_ROOM] : [CODELESS_ROOM], codelessEvent(event), id);
    } else {
      if (staff) emit(io, [STAFF_ROOM], event, id);
      if (forDevices) emit(io, [DEVICE_ROOM], forDevices, id);
    }
  }
}
