/**
 * A map from non-negative 32-bit integer keys to small integer values (insertion indices), as an open-addressing
 * hash table in two typed arrays: the per-patient lookup of a pathway by its code (src/rules `pathwayFromCode`,
 * src/simulate `simulateRange`: a few hundred distinct codes, millions of lookups) without the hashing and
 * boxing of a `Map`. Multiplicative (Fibonacci) hashing,
 * linear probing, doubled when half full. Lookup O(1) expected, no allocation; insertion amortised O(1).
 */
export interface IntegerKeyTable {
  keys: Int32Array;
  values: Int32Array;
  /** 32 − log₂(capacity): the shift that turns the hash into a slot. */
  shift: number;
  size: number;
}

const emptyKey = -1;

/** An empty table with room for `capacity` keys before it grows (rounded up to a power of two, at least 16). */
export function createIntegerKeyTable(capacity = 256): IntegerKeyTable {
  let bits = 4;
  while (1 << bits < 2 * capacity && bits < 30) bits++;
  return { keys: new Int32Array(1 << bits).fill(emptyKey), values: new Int32Array(1 << bits), shift: 32 - bits, size: 0 };
}

/** The value stored for `key` (0 ≤ key < 2³¹), or −1. */
export function integerKeyGet(table: IntegerKeyTable, key: number): number {
  const keys = table.keys;
  const mask = keys.length - 1;
  let slot = Math.imul(key, 0x9e3779b1) >>> table.shift;
  for (;;) {
    const stored = keys[slot];
    if (stored === key) return table.values[slot];
    if (stored === emptyKey) return -1;
    slot = (slot + 1) & mask;
  }
}

/** Stores `value` for `key` (0 ≤ key < 2³¹), which must not be in the table yet. */
export function integerKeySet(table: IntegerKeyTable, key: number, value: number): void {
  if (2 * (table.size + 1) > table.keys.length) grow(table);
  const keys = table.keys;
  const mask = keys.length - 1;
  let slot = Math.imul(key, 0x9e3779b1) >>> table.shift;
  while (keys[slot] !== emptyKey) slot = (slot + 1) & mask;
  keys[slot] = key;
  table.values[slot] = value;
  table.size++;
}

function grow(table: IntegerKeyTable): void {
  const { keys, values } = table;
  const bigger = createIntegerKeyTable(keys.length);
  for (let slot = 0; slot < keys.length; slot++) if (keys[slot] !== emptyKey) integerKeySet(bigger, keys[slot], values[slot]);
  table.keys = bigger.keys;
  table.values = bigger.values;
  table.shift = bigger.shift;
}
