import { describe, expect, it } from 'vitest';
import { splitTransfers } from './transfer-groups';

const tr = (id: string, status: string, from: string, to: string) => ({ id, status, from: { id: from }, to: { id: to } });

describe('transfer groups', () => {
  it('puts what comes here in to receive, what was asked of here in to send, and the rest in done', () => {
    const g = splitTransfers(
      [
        tr('1', 'IN_TRANSIT', 'other', 'here'),
        tr('2', 'REQUESTED', 'other', 'here'),
        tr('3', 'REQUESTED', 'here', 'other'),
        tr('4', 'IN_TRANSIT', 'here', 'other'),
        tr('5', 'RECEIVED', 'other', 'here'),
        tr('6', 'CANCELLED', 'here', 'other'),
      ],
      'here',
    );
    expect(g.toReceive.map((t) => t.id)).toEqual(['1', '2']);
    expect(g.toSend.map((t) => t.id)).toEqual(['3']);
    expect(g.done.map((t) => t.id)).toEqual(['4', '5', '6']);
  });
});
