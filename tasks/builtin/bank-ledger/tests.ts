import assert from "node:assert/strict";
import { Ledger } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "deposits and withdrawals update the balance": () => {
    const ledger = new Ledger();
    assert.equal(ledger.balance, 0);
    assert.equal(ledger.deposit(1_000), 1_000);
    assert.equal(ledger.withdraw(250), 750);
    assert.equal(ledger.deposit(5), 755);
    assert.equal(ledger.balance, 755);
  },
  "records a history of entries": () => {
    const ledger = new Ledger();
    ledger.deposit(500);
    ledger.withdraw(200);
    assert.deepEqual(ledger.history(), [
      { type: "deposit", amount: 500, balance: 500 },
      { type: "withdrawal", amount: 200, balance: 300 },
    ]);
  },
  "refuses to overdraw without an overdraft": () => {
    const ledger = new Ledger();
    ledger.deposit(100);
    assert.throws(() => ledger.withdraw(101), /insufficient funds/);
    assert.equal(ledger.balance, 100);
    assert.equal(ledger.history().length, 1);
    assert.equal(ledger.withdraw(100), 0);
  },
  "allows going negative down to the overdraft limit": () => {
    const ledger = new Ledger({ overdraftLimit: 500 });
    ledger.deposit(100);
    assert.equal(ledger.withdraw(600), -500);
    assert.throws(() => ledger.withdraw(1), /insufficient funds/);
    assert.equal(ledger.balance, -500);
  },
  "charges the fee when a withdrawal ends below zero": () => {
    const ledger = new Ledger({ overdraftLimit: 1_000, overdraftFee: 35 });
    ledger.deposit(100);
    assert.equal(ledger.withdraw(300), -235);
    assert.deepEqual(ledger.history().slice(1), [
      { type: "withdrawal", amount: 300, balance: -200 },
      { type: "fee", amount: 35, balance: -235 },
    ]);
    assert.equal(ledger.withdraw(10), -280);
    assert.equal(ledger.history().length, 5);
  },
  "no fee when the balance ends exactly at zero or above": () => {
    const ledger = new Ledger({ overdraftLimit: 1_000, overdraftFee: 35 });
    ledger.deposit(300);
    assert.equal(ledger.withdraw(100), 200);
    assert.equal(ledger.withdraw(200), 0);
    assert.deepEqual(ledger.history().map((e) => e.type), ["deposit", "withdrawal", "withdrawal"]);
  },
  "the fee must fit within the overdraft limit": () => {
    const ledger = new Ledger({ overdraftLimit: 100, overdraftFee: 30 });
    assert.throws(() => ledger.withdraw(71), /insufficient funds/);
    assert.equal(ledger.balance, 0);
    assert.deepEqual(ledger.history(), []);
    assert.equal(ledger.withdraw(70), -100);
    assert.throws(() => ledger.withdraw(1), /insufficient funds/);
  },
  "a zero fee adds no fee entry": () => {
    const ledger = new Ledger({ overdraftLimit: 50 });
    assert.equal(ledger.withdraw(50), -50);
    assert.deepEqual(ledger.history(), [{ type: "withdrawal", amount: 50, balance: -50 }]);
  },
  "rejects amounts that are not positive whole cents": () => {
    const ledger = new Ledger({ overdraftLimit: 1_000 });
    for (const bad of [0, -5, 1.5, Number.NaN, Infinity, 2 ** 53]) {
      assert.throws(() => ledger.deposit(bad), RangeError);
      assert.throws(() => ledger.withdraw(bad), RangeError);
    }
    assert.equal(ledger.balance, 0);
    assert.deepEqual(ledger.history(), []);
    assert.equal(ledger.deposit(1), 1);
  },
  "rejects invalid options": () => {
    assert.throws(() => new Ledger({ overdraftLimit: -1 }), RangeError);
    assert.throws(() => new Ledger({ overdraftLimit: 2.5 }), RangeError);
    assert.throws(() => new Ledger({ overdraftFee: -1 }), RangeError);
    assert.throws(() => new Ledger({ overdraftFee: 0.5 }), RangeError);
    assert.equal(new Ledger({ overdraftLimit: 0, overdraftFee: 0 }).balance, 0);
  },
  "history returns copies": () => {
    const ledger = new Ledger();
    ledger.deposit(10);
    const history = ledger.history();
    history[0].amount = 999;
    history.push({ type: "deposit", amount: 1, balance: 11 });
    assert.deepEqual(ledger.history(), [{ type: "deposit", amount: 10, balance: 10 }]);
  },
};
