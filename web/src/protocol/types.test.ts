import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateTypes, typesFile } from '../../scripts/gen-types.mjs';
import { schemaFiles, type SchemaDoc } from './schemas.testing';
import * as wire from './wire';

const common = schemaFiles.get('common.schema.json')!.$defs as Record<string, SchemaDoc>;
const ops = schemaFiles.get('operation.schema.json')!.$defs as Record<string, SchemaDoc>;
const opField = (kind: string, field: string): SchemaDoc => ops[kind]!.properties[field];

describe('the wire types', () => {
  it('types.ts is what schemas/ gives (npm run gen:types writes it)', async () => {
    expect(readFileSync(typesFile, 'utf8')).toBe(await generateTypes());
  }, 60_000);

  it('the value lists of wire.ts are the enums of common.schema.json, in order', () => {
    expect(wire.LANE_KINDS).toEqual(common.laneKind!.enum);
    expect(wire.CARD_COLORS).toEqual(common.color!.enum);
    expect(wire.TARGET_GROUPS).toEqual(common.targetGroup!.enum);
    expect(wire.CHANNELS).toEqual(common.channel!.enum);
    expect(wire.SCORE_SCALES).toEqual(common.scoreScale!.enum);
    expect(wire.ANONYMITY_VALUES).toEqual(common.anonymity!.enum);
    expect(wire.IMPROVEMENT_STATUSES).toEqual(common.improvementStatus!.enum);
  });

  it('the limits of wire.ts are the limits of the schemas', () => {
    expect(wire.PROTOCOL_VERSION).toBe(schemaFiles.get('welcome.schema.json')!.properties.protocolVersion.const);
    expect(wire.ID_PATTERN.source).toBe(common.id!.pattern);
    expect(wire.MAX_CARD_TEXT).toBe(common.cardText!.maxLength);
    expect(wire.MAX_TITLE).toBe(common.title!.maxLength);
    expect(wire.MAX_DISPLAY_NAME).toBe(common.displayName!.maxLength);
    expect(wire.MAX_QUESTION).toBe(common.question!.maxLength);
    expect(wire.MAX_PERSONA_DESCRIPTION).toBe(common.persona!.oneOf[1].properties.description.maxLength);
    expect(wire.MAX_INSTRUCTION).toBe(opField('stageUpdate', 'instruction').maxLength);
    expect(wire.MAX_CRITERION).toBe(common.label!.maxLength);
    expect(wire.MAX_PAPER_LABEL).toBe(common.label!.maxLength);
    expect(wire.MAX_OWNER).toBe(opField('improvementUpdate', 'owner').maxLength);
    expect([wire.TIMER_MIN_MS, wire.TIMER_MAX_MS]).toEqual([opField('timerSet', 'durationMs').minimum, opField('timerSet', 'durationMs').maximum]);
    expect(wire.TIMER_ADD_MAX_MS).toBe(opField('timerAdd', 'ms').maximum);
    expect(wire.ROUND_MIN_MS).toBe(opField('roundStart', 'durationMs').anyOf[0].minimum);
    expect(wire.MAX_REMARKS).toBe(common.remarks!.maxLength);
    expect(wire.MAX_SHOWN_REMARKS).toBe(common.evaluationSummary!.properties.shown.maxItems);
    expect([wire.EVALUATION_RATINGS[0], wire.EVALUATION_RATINGS.at(-1)]).toEqual([common.rating!.minimum, common.rating!.maximum]);
  });
});
