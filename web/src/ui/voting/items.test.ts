import { describe, expect, it } from 'vitest';
import { canDragGroup, defaultGroupTitle, groupChoices, itemInfo, linkChoices, planGroup } from './items';
import { votingBoard } from './testBoard';

describe('voting items: cards and groups as the screens describe them', () => {
  it('describes a card with its phase, lane and linked pain point', () => {
    expect(itemInfo(votingBoard(), 'i1')).toMatchObject({ kind: 'card', text: 'Voorbeeld bij elk veld', phase: 'Oriënteren', lane: 'Verbeteridee', linkedText: 'Formulier onduidelijk' });
  });

  it('describes a group by its title and its first member in board order', () => {
    const info = itemInfo(votingBoard(), 'g1');
    expect(info.kind).toBe('group');
    expect(info.text).toBe('Uploaden');
    // i3 is in the earlier phase, so it comes first even though i2 was listed first.
    expect(info.members.map((c) => c.id)).toEqual(['i3', 'i2']);
    expect(info.phase).toBe('Oriënteren');
    expect(info.linkedText).toBe('Upload mislukt');
  });

  it('says when an item is gone', () => {
    expect(itemInfo(votingBoard(), 'nope')).toMatchObject({ kind: 'gone', text: '', members: [] });
  });

  it('offers existing groups, then other ungrouped ideas, never private or pain-point cards', () => {
    expect(groupChoices(votingBoard(), 'i1')).toEqual([
      { kind: 'group', id: 'g1', text: 'Uploaden', size: 2 },
      { kind: 'card', id: 'i4', text: 'Bel terug binnen een dag', phase: 'Aanvragen' },
    ]);
    expect(groupChoices(votingBoard(), 'i2')).toEqual([]); // already grouped
  });

  it('offers the pain points of the journey to link an idea to', () => {
    expect(linkChoices(votingBoard(), 'i4').map((c) => c.id)).toEqual(['k1', 'k2']);
    expect(linkChoices(votingBoard(), 'k1')).toEqual([]); // not an idea
  });

  it('groups two ungrouped cards into a new group titled after the target', () => {
    expect(planGroup(votingBoard(), 'i4', { kind: 'card', id: 'i1' }, '', 'gNew')).toEqual([
      { kind: 'group.add', groupId: 'gNew', title: 'Voorbeeld bij elk veld', cardIds: ['i1', 'i4'] },
    ]);
    expect(planGroup(votingBoard(), 'i4', { kind: 'card', id: 'i1' }, ' Uitleg ', 'gNew')[0]).toMatchObject({ title: 'Uitleg' });
  });

  it('joins the group of a grouped target, leaving an old group first', () => {
    const b = votingBoard();
    expect(planGroup(b, 'i4', { kind: 'card', id: 'i2' }, '', 'x')).toEqual([{ kind: 'card.group', cardId: 'i4', groupId: 'g1' }]);
    expect(planGroup(b, 'i4', { kind: 'group', id: 'g1' }, '', 'x')).toEqual([{ kind: 'card.group', cardId: 'i4', groupId: 'g1' }]);
    expect(planGroup(b, 'i2', { kind: 'card', id: 'i4' }, '', 'gNew')).toEqual([
      { kind: 'card.ungroup', cardId: 'i2' },
      { kind: 'group.add', groupId: 'gNew', title: 'Bel terug binnen een dag', cardIds: ['i4', 'i2'] },
    ]);
    expect(planGroup(b, 'i2', { kind: 'card', id: 'i3' }, '', 'x')).toEqual([]); // same group already
  });

  it('groups by drag only idea cards of one journey that are not together yet', () => {
    const b = votingBoard();
    expect(canDragGroup(b, 'i1', 'i4')).toBe(true);
    expect(canDragGroup(b, 'i1', 'k1')).toBe(false);
    expect(canDragGroup(b, 'i2', 'i3')).toBe(false);
    expect(canDragGroup(b, 'i1', 'i1')).toBe(false);
  });

  it('shortens a long default group title', () => {
    expect(defaultGroupTitle('a  b')).toBe('a b');
    expect([...defaultGroupTitle('x'.repeat(100))].length).toBe(60);
  });
});

describe('card decorations', () => {
  it('show group, link, and own dots only during an open round the viewer votes in', async () => {
    const { decorationOf } = await import('./CardDecorator');
    const { round } = await import('./testBoard');
    const open = votingBoard([round({ myVotes: { g1: 2 } })]);
    expect(decorationOf(open, open.cards.get('i2')!)).toEqual({
      groupId: 'g1',
      groupTitle: 'Uploaden',
      linkedId: null,
      linkedText: null,
      solvedBy: [],
      idea: true,
      myDots: 2,
      itemId: 'g1',
      roundId: 'r1',
    });
    expect(decorationOf(open, open.cards.get('i1')!)).toMatchObject({ linkedText: 'Formulier onduidelijk', myDots: 0 });
    // The pain point shows the ideas linked to it (card.linkedTo read the other way round).
    expect(decorationOf(open, open.cards.get('k1')!).solvedBy).toEqual(['Voorbeeld bij elk veld']);
    // Not an item of the round, not a voter, or no open round: no dots.
    expect(decorationOf(open, open.cards.get('k1')!).myDots).toBeNull();
    const asFacilitator = votingBoard([round({ mayVote: false })]);
    expect(decorationOf(asFacilitator, asFacilitator.cards.get('i1')!).myDots).toBeNull();
    const none = votingBoard();
    expect(decorationOf(none, none.cards.get('i1')!).myDots).toBeNull();
  });
});
