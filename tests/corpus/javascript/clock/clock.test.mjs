import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Clock, { at } from './clock.mjs';

describe('Clock', () => {
  describe('creating a new clock with an initial time', () => {
    it('on the hour', () => {
      assert.equal(new Clock(8).toString(), '08:00');
    });

    it('past the hour', () => {
      assert.equal(new Clock(11, 9).toString(), '11:09');
    });

    it('midnight is zero hours', () => {
      assert.equal(new Clock(24, 0).toString(), '00:00');
    });

    it('negative minutes roll over continuously', () => {
      assert.equal(new Clock(1, -4820).toString(), '16:40');
    });

    it('negative hour and minutes both roll over', () => {
      assert.equal(new Clock(-25, -160).toString(), '20:20');
    });

    it('in a template string', () => {
      assert.equal(`Il est ${new Clock(9, 5)}`, 'Il est 09:05');
    });
  });

  describe('adding and subtracting minutes', () => {
    it('add minutes', () => {
      assert.equal(new Clock(10, 0).plus(3).toString(), '10:03');
    });

    it('add across midnight', () => {
      assert.equal(new Clock(23, 59).plus(2).toString(), '00:01');
    });

    it('subtract across midnight', () => {
      assert.equal(new Clock(0, 3).minus(4).toString(), '23:59');
    });

    it('plus returns a new clock', () => {
      const clock = new Clock(10, 0);
      const later = clock.plus(30);
      assert.notStrictEqual(later, clock);
      assert.equal(clock.toString(), '10:00');
    });
  });

  describe('comparing clocks', () => {
    it('clocks with same time', () => {
      assert.equal(new Clock(15, 37).equals(new Clock(15, 37)), true);
    });

    it('clocks a minute apart', () => {
      assert.equal(new Clock(15, 36).equals(new Clock(15, 37)), false);
    });

    it('clocks with hour overflow', () => {
      assert.equal(new Clock(10, 37).equals(new Clock(34, 37)), true);
    });

    it('fields of a clock', () => {
      const { hours, minutes } = new Clock(25, 61);
      assert.deepStrictEqual({ hours, minutes }, { hours: 2, minutes: 1 });
    });
  });

  it('at() is a shortcut for new Clock()', () => {
    assert.ok(at(7, 30) instanceof Clock);
    assert.equal(String(at(7, 30)), '07:30');
  });
});
