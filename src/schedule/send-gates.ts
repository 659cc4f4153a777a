// The send gates of all the bot's accounts, in the order the accounts were given.
import type { SendGate } from './send-gate.js';

export class SendGates {
  private readonly byAccount: Map<string, SendGate>;

  constructor(readonly list: readonly SendGate[]) {
    if (list.length === 0) throw new Error('at least one send gate is needed');
    this.byAccount = new Map(list.map((gate) => [gate.account, gate]));
  }

  /** The gate of an account; an unknown name is a bug. */
  of(account: string): SendGate {
    const gate = this.byAccount.get(account);
    if (!gate) throw new Error(`no send gate for account "${account}"`);
    return gate;
  }

  /** Messages all accounts sent on the day of `at`. */
  async sentOn(at: Date): Promise<number> {
    let total = 0;
    for (const gate of this.list) total += await gate.sentOn(at);
    return total;
  }

  /** All accounts' daily caps together. */
  get dailyCap(): number {
    return this.list.reduce((sum, gate) => sum + gate.limits.dailyCap, 0);
  }
}
