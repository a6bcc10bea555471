// What the voting screens say about one item of a round (a card, or a group voted on as one),
// and the choices offered by the card actions "Groeperen met…" and "Koppelen aan knelpunt…".
// Plain functions over the board, tested without a browser.

import type { Board, Card } from '../../model/board';
import { compareCards, groupMembers } from '../../model/ranking';

export interface ItemInfo {
  id: string;
  kind: 'card' | 'group' | 'gone';
  /** Card text, or the group title ('' for a card or group that no longer exists). */
  text: string;
  /** The card, or the group's first member in board order. */
  first: Card | null;
  /** Member cards of a group in board order; [card] for a card. */
  members: Card[];
  phase: string;
  lane: string;
  /** The pain point the card (or a group's first linked member) answers, if any. */
  linkedText: string | null;
}

export function itemInfo(board: Board, itemId: string): ItemInfo {
  const card = board.cards.get(itemId);
  const group = card ? undefined : board.groups.get(itemId);
  const members = card ? [card] : group ? groupMembers(board, group.id) : [];
  const first = members[0] ?? null;
  const linkedId = members.find((m) => m.linkedTo && board.cards.has(m.linkedTo))?.linkedTo ?? null;
  return {
    id: itemId,
    kind: card ? 'card' : group ? 'group' : 'gone',
    text: card ? card.text : (group?.title ?? ''),
    first,
    members,
    phase: first ? (board.phases.get(first.phaseId)?.title ?? '') : '',
    lane: first ? (board.lanes.get(first.laneId)?.title ?? '') : '',
    linkedText: linkedId ? (board.cards.get(linkedId)?.text ?? null) : null,
  };
}

function laneKind(board: Board, card: Card) {
  return board.lanes.get(card.laneId)?.kind;
}

export function isIdea(board: Board, card: Card): boolean {
  return laneKind(board, card) === 'idea';
}

/** One thing a card can be grouped with: another ungrouped card, or an existing group. */
export type GroupChoice =
  | { kind: 'card'; id: string; text: string; phase: string }
  | { kind: 'group'; id: string; text: string; size: number };

/**
 * What `cardId` may be grouped with (same journey, SPEC-3 group.add / card.group): the
 * existing groups first, then the other ungrouped idea cards, both in board order.
 */
export function groupChoices(board: Board, cardId: string): GroupChoice[] {
  const card = board.cards.get(cardId);
  if (!card || card.groupId) return [];
  const order = (a: Card, b: Card) => compareCards(board, a, b);
  const groups = [...board.groups.values()]
    .filter((g) => g.journeyId === card.journeyId)
    .map((g) => ({ g, members: groupMembers(board, g.id) }))
    .filter((x) => x.members.length > 0)
    .sort((a, b) => order(a.members[0]!, b.members[0]!))
    .map<GroupChoice>((x) => ({ kind: 'group', id: x.g.id, text: x.g.title, size: x.members.length }));
  const cards = [...board.cards.values()]
    .filter((c) => c.id !== cardId && c.journeyId === card.journeyId && !c.groupId && !c.private && isIdea(board, c))
    .sort(order)
    .map<GroupChoice>((c) => ({ kind: 'card', id: c.id, text: c.text, phase: board.phases.get(c.phaseId)?.title ?? '' }));
  return [...groups, ...cards];
}

export interface LinkChoice {
  id: string;
  text: string;
  phase: string;
}

/** The pain points of the card's journey an idea can be linked to (SPEC-3 card.link). */
export function linkChoices(board: Board, cardId: string): LinkChoice[] {
  const card = board.cards.get(cardId);
  if (!card || !isIdea(board, card)) return [];
  return [...board.cards.values()]
    .filter((c) => c.journeyId === card.journeyId && !c.private && laneKind(board, c) === 'pain_point')
    .sort((a, b) => compareCards(board, a, b))
    .map((c) => ({ id: c.id, text: c.text, phase: board.phases.get(c.phaseId)?.title ?? '' }));
}

/** A group's default title: its first card's text, shortened. */
export function defaultGroupTitle(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ').trim();
  if (one === '') return '…';
  return [...one].length > max ? `${[...one].slice(0, max - 1).join('')}…` : one;
}

/** Dragging one idea card onto another groups them (both in idea lanes of one journey). */
export function canDragGroup(board: Board, cardId: string, ontoId: string): boolean {
  const card = board.cards.get(cardId);
  const onto = board.cards.get(ontoId);
  if (!card || !onto || card.id === onto.id || card.journeyId !== onto.journeyId) return false;
  if (!isIdea(board, card) || !isIdea(board, onto)) return false;
  return !(card.groupId !== null && card.groupId === onto.groupId);
}

export type GroupingOp =
  | { kind: 'card.ungroup'; cardId: string }
  | { kind: 'card.group'; cardId: string; groupId: string }
  | { kind: 'group.add'; groupId: string; title: string; cardIds: string[] };

/**
 * The operations that put `cardId` together with a target: into an existing group, into the
 * group a target card is in, or into a new group with the target card (titled `title`, or the
 * target's text). A card already in another group leaves it first.
 */
export function planGroup(
  board: Board,
  cardId: string,
  target: { kind: 'card' | 'group'; id: string },
  title: string,
  newGroupId: string,
): GroupingOp[] {
  const card = board.cards.get(cardId);
  if (!card) return [];
  let groupId: string | null = null;
  let ontoCard: Card | undefined;
  if (target.kind === 'group') {
    if (!board.groups.has(target.id)) return [];
    groupId = target.id;
  } else {
    ontoCard = board.cards.get(target.id);
    if (!ontoCard || ontoCard.id === cardId) return [];
    groupId = ontoCard.groupId;
  }
  if (groupId !== null && card.groupId === groupId) return [];
  const ops: GroupingOp[] = [];
  if (card.groupId !== null) ops.push({ kind: 'card.ungroup', cardId });
  if (groupId !== null) ops.push({ kind: 'card.group', cardId, groupId });
  else {
    const name = title.trim() === '' ? defaultGroupTitle(ontoCard!.text) : title.trim();
    ops.push({ kind: 'group.add', groupId: newGroupId, title: name, cardIds: [ontoCard!.id, cardId] });
  }
  return ops;
}
