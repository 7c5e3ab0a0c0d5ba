export type Entry = { type: "deposit" | "withdrawal" | "fee"; amount: number; balance: number };

function checkCents(value: number, what: string, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`invalid ${what}`);
  return value;
}

export class Ledger {
  private readonly entries: Entry[] = [];
  private readonly limit: number;
  private readonly fee: number;

  constructor({ overdraftLimit = 0, overdraftFee = 0 } = {}) {
    this.limit = checkCents(overdraftLimit, "overdraft limit", 0);
    this.fee = checkCents(overdraftFee, "overdraft fee", 0);
  }

  get balance(): number {
    return this.entries[this.entries.length - 1]?.balance ?? 0;
  }

  deposit(amount: number): number {
    checkCents(amount, "amount", 1);
    return this.record("deposit", amount, this.balance + amount);
  }

  withdraw(amount: number): number {
    checkCents(amount, "amount", 1);
    const after = this.balance - amount;
    const fee = after < 0 ? this.fee : 0;
    if (after - fee < -this.limit) throw new Error(`insufficient funds for ${amount}`);
    this.record("withdrawal", amount, after);
    if (fee > 0) this.record("fee", fee, after - fee);
    return this.balance;
  }

  history(): Entry[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  private record(type: Entry["type"], amount: number, balance: number): number {
    this.entries.push({ type, amount, balance });
    return balance;
  }
}
