// What the message logs must contain between them, written out by hand on purpose: the schema
// test checks that these lists equal what schemas/ defines, so adding a message type or an
// operation kind to the schemas without a test that sends it fails instead of going unchecked.

// Every WebSocket message type, by direction.
export const requiredMessageTypes = {
  client: ['hello', 'op', 'presence', 'ping'],
  server: ['welcome', 'event', 'ack', 'error', 'presence', 'pong'],
};

// Every operation kind must appear in at least one server `event`, so that the server's
// encoding of each one (what clients apply) has been checked against operation.schema.json.
export const requiredEventOpKinds = [
  'card.add', 'card.update', 'card.move', 'card.delete',
  'workshop.update',
  'journey.add', 'journey.update', 'journey.delete',
  'phase.add', 'phase.update', 'phase.delete',
  'lane.add', 'lane.update', 'lane.delete',
  'stage.set', 'stage.update',
  'timer.set', 'timer.start', 'timer.pause', 'timer.add', 'timer.reset',
  'board.lock', 'door.set', 'writing.private', 'focus.set', 'screen.pin', 'settings.update',
  'participant.role', 'participant.remove',
  'card.link', 'group.add', 'card.group', 'card.ungroup', 'group.update',
  'round.start', 'vote.add', 'vote.remove', 'vote.done',
  'round.close', 'round.cancel', 'round.reopen', 'round.paper',
  'improvements.rounds', 'improvement.update',
  'score.set', 'evaluation.open', 'evaluation.submit', 'evaluation.show',
];
