// Generates src/protocol/types.ts from schemas/ (the wire contract) with json-schema-to-typescript.
//   node scripts/gen-types.mjs          writes the file (npm run gen:types)
//   node scripts/gen-types.mjs --check  fails when the committed file is not what schemas/ gives
//                                       (npm run build runs this; so does a unit test)
//
// The schemas are written for validation, not for naming: the types the client uses live at
// places the schemas do not name ($defs and inline objects alike). So the script first resolves
// every $ref itself, turning a reference to (or the occurrence of) a place listed in `named`
// into a reference to that TypeScript name, and inlining everything else; then it compiles each
// named place on its own. Keywords TypeScript cannot express are left out on the way: the
// envelope in allOf (it only says `type` is a string, which every message narrows to a const),
// "at least one of these fields" (anyOf/oneOf of bare `required` lists), `examples`, if/then
// (event.op's "a card operation is summarised": the union already has the summary).

import { compile } from 'json-schema-to-typescript';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const schemasDir = path.join(here, '../../schemas');
export const typesFile = path.join(here, '../src/protocol/types.ts');

const op = (key, name = key[0].toUpperCase() + key.slice(1) + 'Op') => [`operation.schema.json#/$defs/${key}`, name];
const board = (pointer, name) => [`board-state.schema.json#${pointer}`, name];
const common = (key, name) => [`common.schema.json#/$defs/${key}`, name];

/** The places of schemas/ that get a TypeScript name, in the order they are written out. */
const named = new Map([
  common('role', 'Role'),
  common('grantedRole', 'ParticipantRole'),
  common('laneKind', 'LaneKind'),
  common('color', 'CardColor'),
  common('targetGroup', 'TargetGroup'),
  common('channel', 'Channel'),
  common('scoreScale', 'ScoreScale'),
  common('anonymity', 'Anonymity'),
  common('improvementStatus', 'ImprovementStatus'),
  common('errorCode', 'ErrorCode'),
  ['common.schema.json#/$defs/persona/oneOf/1', 'Persona'],
  common('roundScope', 'RoundScope'),
  common('roundResult', 'RoundResult'),
  ['common.schema.json#/$defs/roundResult/properties/ranking/items', 'RankingEntry'],
  common('tally', 'ScoreTally'),
  common('evaluationSummary', 'EvaluationSummaryDoc'),
  ['common.schema.json#/$defs/evaluationSummary/properties/shown/items', 'ShownRemarkDoc'],

  ['operation.schema.json', 'Operation'],
  ...['cardAdd', 'cardUpdate', 'cardMove', 'cardDelete', 'workshopUpdate', 'journeyAdd', 'journeyUpdate',
    'journeyDelete', 'phaseAdd', 'phaseUpdate', 'phaseDelete', 'laneAdd', 'laneUpdate', 'laneDelete',
    'stageSet', 'stageUpdate', 'timerSet', 'timerStart', 'timerPause', 'timerAdd', 'timerReset',
    'boardLock', 'doorSet', 'writingPrivate', 'focusSet', 'screenPin', 'settingsUpdate',
    'participantRole', 'participantRemove', 'cardLink', 'groupAdd', 'cardGroup', 'cardUngroup',
    'groupUpdate', 'roundStart', 'voteAdd', 'voteRemove', 'voteDone', 'roundClose', 'roundCancel',
    'roundReopen', 'roundPaper', 'improvementsRounds', 'improvementUpdate', 'scoreSet',
    'evaluationOpen', 'evaluationSubmit', 'evaluationShow'].map((key) => op(key)),

  board('', 'BoardSnapshot'),
  board('/properties/workshop', 'WorkshopDoc'),
  board('/properties/journeys/items', 'JourneyDoc'),
  board('/properties/journeys/items/properties/phases/items', 'PhaseDoc'),
  board('/properties/journeys/items/properties/lanes/items', 'LaneDoc'),
  board('/$defs/card', 'CardDoc'),
  board('/properties/facilitation', 'FacilitationDoc'),
  board('/properties/facilitation/properties/stages/items', 'StageDoc'),
  board('/properties/facilitation/properties/timer', 'TimerDoc'),
  board('/properties/facilitation/properties/focus/anyOf/1', 'FocusDoc'),
  board('/properties/groups/items', 'GroupDoc'),
  board('/properties/rounds/items', 'RoundDoc'),
  board('/properties/rounds/items/properties/paper/items', 'PaperVotes'),
  board('/properties/improvements', 'ImprovementsDoc'),
  board('/properties/improvements/properties/items/items', 'ImprovementItemDoc'),
  board('/properties/improvementList', 'ImprovementListDoc'),
  board('/$defs/improvementRow', 'ImprovementRowDoc'),
  board('/properties/methodFigures', 'MethodFiguresDoc'),
  board('/$defs/journeyFigures', 'JourneyFiguresDoc'),
  board('/$defs/curvePoint', 'CurvePointDoc'),
  board('/$defs/gapRow', 'GapRowDoc'),
  board('/$defs/scoreStats', 'ScoreStatsDoc'),
  board('/properties/scores/items', 'ScoreDoc'),
  board('/properties/evaluation', 'EvaluationDoc'),
  board('/properties/evaluation/properties/responses/items', 'EvaluationResponseDoc'),

  ['client-message.schema.json', 'ClientMessage'],
  ['hello.schema.json', 'HelloMessage'],
  ['op.schema.json', 'OpMessage'],
  ['client-presence.schema.json', 'ClientPresenceMessage'],
  ['ping.schema.json', 'PingMessage'],

  ['server-message.schema.json', 'ServerMessage'],
  ['welcome.schema.json', 'WelcomeMessage'],
  ['welcome.schema.json#/properties/you', 'You'],
  ['event.schema.json', 'EventMessage'],
  ['event.schema.json#/$defs/body', 'EventBody'],
  ['event.schema.json#/$defs/body/properties/op/anyOf/1', 'HiddenOp'],
  ['event.schema.json#/$defs/cardOpSummary', 'CardOpSummary'],
  ['event.schema.json#/$defs/patch', 'RecordPatch'],
  ['ack.schema.json', 'AckMessage'],
  ['error.schema.json', 'ErrorMessage'],
  ['server-presence.schema.json', 'ServerPresenceMessage'],
  ['server-presence.schema.json#/$defs/entry', 'PresenceEntry'],
  ['server-presence.schema.json#/$defs/update', 'PresenceUpdate'],
  ['server-presence.schema.json#/$defs/welcomeList', 'PresenceList'],
  ['server-presence.schema.json#/$defs/votingProgress', 'VotingStatus'],
  ['pong.schema.json', 'PongMessage'],

  ['http-create-workshop-response.schema.json', 'CreateWorkshopResponse'],
  ['http-join-response.schema.json', 'JoinLookupResponse'],
  ['http-error.schema.json', 'ApiErrorBody'],
]);

function loadSchemas() {
  const files = readdirSync(schemasDir).filter((f) => f.endsWith('.schema.json')).sort();
  return new Map(files.map((f) => [f, JSON.parse(readFileSync(path.join(schemasDir, f), 'utf8'))]));
}

function at(doc, pointer) {
  let node = doc;
  for (const part of pointer.split('/').slice(1)) {
    node = node?.[part.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  if (node === undefined) throw new Error(`gen-types: nothing at ${pointer}`);
  return node;
}

const isEnvelopeRef = (s) => s && s.$ref === 'envelope.schema.json';
/** anyOf/oneOf whose branches only require fields ("at least one of"): no shape of its own. */
const onlyRequires = (list) =>
  Array.isArray(list) &&
  list.every((b) => Object.keys(b).every((k) => k === 'required' || (k === 'properties' && Object.values(b.properties).every((p) => p === true))));
const dropped = new Set(['examples', '$schema', '$id', '$defs', 'title', '$comment', 'if', 'then']);

/** `node` (found at file#pointer) with every $ref resolved: named places by name, others inline. */
function resolve(schemas, file, pointer, node, root) {
  const here = `${file}#${pointer}`;
  const hereKey = pointer === '' ? file : here;
  if (!root && named.has(hereKey)) return { tsType: named.get(hereKey), ...(node.description ? { description: node.description } : {}) };
  if (Array.isArray(node)) return node.map((n, i) => resolve(schemas, file, `${pointer}/${i}`, n, false));
  if (node === null || typeof node !== 'object') return node;

  let out = {};
  if (typeof node.$ref === 'string') {
    const [refFile, refPointer = ''] = node.$ref.split('#');
    const targetFile = refFile || file;
    const target = at(schemas.get(targetFile), refPointer);
    out = resolve(schemas, targetFile, refPointer, target, false);
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' || dropped.has(key)) continue;
    if ((key === 'anyOf' || key === 'oneOf') && onlyRequires(value)) continue;
    if (key === 'allOf') {
      const parts = value.map((v, i) => [v, i]).filter(([v]) => !isEnvelopeRef(v));
      if (parts.length) out.allOf = parts.map(([v, i]) => resolve(schemas, file, `${pointer}/allOf/${i}`, v, false));
      continue;
    }
    const childPointer = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    // Keywords whose values are maps of schemas or schemas themselves.
    if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(schemas, file, `${childPointer}/${k}`, v, false)]));
    } else if (['items', 'anyOf', 'oneOf', 'additionalProperties', 'propertyNames', 'not'].includes(key) && typeof value === 'object') {
      out[key] = resolve(schemas, file, childPointer, value, false);
    } else {
      out[key] = value;
    }
  }
  // A $ref with its own description: the place's words win over the target's.
  return out;
}

const options = {
  bannerComment: '',
  additionalProperties: false, // the schemas are closed (unevaluatedProperties), which the tool does not read
  declareExternallyReferenced: false,
  ignoreMinAndMaxItems: true, // arrays as T[]: the client builds them as arrays; the server checks lengths
  format: true,
  strictIndexSignatures: false, // tsconfig has noUncheckedIndexedAccess: reads are checked there
  style: { singleQuote: true, printWidth: 110 },
};

/** The whole text of types.ts, as schemas/ gives it now. */
export async function generateTypes() {
  const schemas = loadSchemas();
  const parts = [];
  for (const [key, name] of named) {
    const [file, pointer = ''] = key.split('#');
    const node = at(schemas.get(file), pointer);
    const schema = resolve(schemas, file, pointer, node, true);
    parts.push(await compile({ ...schema, title: name }, name, options));
  }
  return [
    '// GENERATED from schemas/ by web/scripts/gen-types.mjs (npm run gen:types): do not edit.',
    '// The names and constants the rest of the client uses beside these are in ./wire.ts.',
    '/* eslint-disable */',
    '',
    ...parts.map((p) => p.trim() + '\n'),
    "export * from './wire';",
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = await generateTypes();
  if (process.argv.includes('--check')) {
    if (readFileSync(typesFile, 'utf8') !== text) {
      console.error('src/protocol/types.ts is not what schemas/ gives: run `npm run gen:types` and commit it.');
      process.exit(1);
    }
  } else {
    writeFileSync(typesFile, text);
  }
}
