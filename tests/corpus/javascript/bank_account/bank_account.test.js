const { describe, it, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const { BankAccount, ValueError } = require('./bank_account.js');

describe('BankAccount', () => {
  let account;

  beforeEach(() => {
    account = new BankAccount();
  });

  it('newly opened account has zero balance', () => {
    account.open();
    assert.equal(account.balance, 0);
  });

  it('can deposit money', () => {
    account.open();
    account.deposit(100);
    assert.equal(account.balance, 100);
  });

  it('can withdraw money', () => {
    account.open();
    account.deposit(100);
    account.withdraw(50);
    assert.equal(account.balance, 50);
  });

  it('checking balance of closed account throws error', () => {
    account.open();
    account.close();
    assert.throws(() => account.balance, ValueError);
  });

  it('deposit into closed account throws error with a message', () => {
    assert.throws(() => account.deposit(50), { name: 'ValueError', message: 'account not open' });
  });

  it('withdraw more than deposited throws', () => {
    account.open();
    account.deposit(25);
    assert.throws(() => account.withdraw(50), /amount must be less than balance/);
  });

  it('errors are instances of ValueError and Error', () => {
    try {
      account.close();
      assert.fail('close() of an unopened account must throw');
    } catch (error) {
      assert.ok(error instanceof ValueError);
      assert.ok(error instanceof Error);
    }
  });

  it('cannot deposit a negative amount', () => {
    account.open();
    assert.throws(() => account.deposit(-1), (error) => error.message === 'amount must be greater than 0');
  });

  it('reopened account has zero balance', () => {
    account.open();
    account.deposit(50);
    account.close();
    account.open();
    assert.equal(account.balance, 0);
  });

  it('accounts are independent', () => {
    const other = new BankAccount();
    account.open();
    other.open();
    account.deposit(10);
    assert.deepStrictEqual([account.balance, other.balance], [10, 0]);
  });
});
