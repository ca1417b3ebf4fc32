class ValueError extends Error {
  constructor() {
    super('Bank account error');
  }
}

class BankAccount {
  open() {
    throw new Error('Remove this line and implement the function');
  }

  close() {
    throw new Error('Remove this line and implement the function');
  }

  deposit(amount) {
    throw new Error('Remove this line and implement the function');
  }

  withdraw(amount) {
    throw new Error('Remove this line and implement the function');
  }

  get balance() {
    throw new Error('Remove this line and implement the function');
  }
}

module.exports = { BankAccount, ValueError };
