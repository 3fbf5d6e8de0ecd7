// Which of a store's transfers need its hands: to receive (coming here: requested or on the way), to send
// (asked of this store, not shipped yet), and the rest (received, cancelled, or sent and on the way elsewhere).
interface TransferLike {
  status: string;
  from: { id: string };
  to: { id: string };
}

export function splitTransfers<T extends TransferLike>(transfers: T[], here: string): { toReceive: T[]; toSend: T[]; done: T[] } {
  const out = { toReceive: [] as T[], toSend: [] as T[], done: [] as T[] };
  for (const tr of transfers) {
    if (tr.to.id === here && (tr.status === 'IN_TRANSIT' || tr.status === 'REQUESTED')) out.toReceive.push(tr);
    else if (tr.from.id === here && tr.status === 'REQUESTED') out.toSend.push(tr);
    else out.done.push(tr);
  }
  return out;
}
