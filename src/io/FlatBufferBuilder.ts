/**
 * A minimal FlatBuffers builder: just what the Arrow IPC metadata needs (tables of scalars, offsets,
 * strings, vectors of offsets and of fixed-size structs). Like the reference builders it writes back to
 * front into a growing buffer, so that every offset points forward; `finish` returns the bytes with the
 * root table's offset first. See https://flatbuffers.dev/internals/ for the layout: a table starts with a
 * signed offset back to its vtable, which lists each field's position in the table (0 = absent, default).
 *
 * Not general: no vtable sharing, no nested builders. Each method costs O(bytes written).
 */
export class FlatBufferBuilder {
  private bytes = new Uint8Array(256);
  private view = new DataView(this.bytes.buffer);
  /** Free bytes at the front of `bytes`; data occupies `bytes[space..]`. */
  private space = 256;
  private minAlign = 1;
  private fields: number[] = [];
  private objectStart = 0;

  /** Bytes written so far: the offset (from the end) of the last thing written. */
  offset(): number {
    return this.bytes.length - this.space;
  }

  private grow(): void {
    const old = this.bytes;
    const bigger = new Uint8Array(old.length * 2);
    bigger.set(old, old.length);
    this.space += old.length;
    this.bytes = bigger;
    this.view = new DataView(bigger.buffer);
  }

  /** Pads so that, once `additional` more bytes are written, a `size`-byte value is aligned to `size`. */
  prep(size: number, additional: number): void {
    if (size > this.minAlign) this.minAlign = size;
    const alignSize = (-(this.offset() + additional) & (size - 1)) >>> 0;
    while (this.space < alignSize + size + additional) this.grow();
    this.pad(alignSize);
  }

  pad(count: number): void {
    for (let i = 0; i < count; i++) this.bytes[--this.space] = 0;
  }

  putInt8(value: number): void {
    this.space -= 1;
    this.view.setInt8(this.space, value);
  }
  putInt16(value: number): void {
    this.space -= 2;
    this.view.setInt16(this.space, value, true);
  }
  putInt32(value: number): void {
    this.space -= 4;
    this.view.setInt32(this.space, value, true);
  }
  putInt64(value: number): void {
    this.space -= 8;
    this.view.setBigInt64(this.space, BigInt(value), true);
  }

  addInt8(value: number): void {
    this.prep(1, 0);
    this.putInt8(value);
  }
  addInt16(value: number): void {
    this.prep(2, 0);
    this.putInt16(value);
  }
  addInt32(value: number): void {
    this.prep(4, 0);
    this.putInt32(value);
  }
  addInt64(value: number): void {
    this.prep(8, 0);
    this.putInt64(value);
  }
  /** An unsigned offset to something written earlier, relative to where the offset itself lands. */
  addOffset(target: number): void {
    this.prep(4, 0);
    this.putInt32(this.offset() - target + 4);
  }

  /** A UTF-8 string: length, bytes, a terminating zero. Returns its offset. */
  createString(text: string): number {
    const utf8 = new TextEncoder().encode(text);
    this.prep(4, utf8.length + 1);
    this.putInt8(0);
    while (this.space < utf8.length) this.grow();
    this.space -= utf8.length;
    this.bytes.set(utf8, this.space);
    this.putInt32(utf8.length);
    return this.offset();
  }

  /** A vector of offsets (to tables or strings), in the given order. Returns its offset. */
  createOffsetVector(targets: readonly number[]): number {
    this.prep(4, 4 * targets.length);
    for (let i = targets.length - 1; i >= 0; i--) this.addOffset(targets[i]!);
    this.putInt32(targets.length);
    return this.offset();
  }

  /**
   * A vector of structs of `size` bytes aligned to `alignment`; `write` writes one struct's fields back to
   * front (last field first) with the put* methods. Returns the vector's offset.
   */
  createStructVector<T>(items: readonly T[], size: number, alignment: number, write: (item: T) => void): number {
    this.prep(4, size * items.length);
    this.prep(alignment, size * items.length);
    for (let i = items.length - 1; i >= 0; i--) {
      this.prep(alignment, size);
      write(items[i]!);
    }
    this.prep(4, 0);
    this.putInt32(items.length);
    return this.offset();
  }

  startTable(fieldCount: number): void {
    this.fields = new Array<number>(fieldCount).fill(0);
    this.objectStart = this.offset();
  }

  /** Marks the value just written as field `index` of the table being built. */
  slot(index: number): void {
    this.fields[index] = this.offset();
  }

  fieldInt8(index: number, value: number): void {
    this.addInt8(value);
    this.slot(index);
  }
  fieldInt16(index: number, value: number): void {
    this.addInt16(value);
    this.slot(index);
  }
  fieldInt32(index: number, value: number): void {
    this.addInt32(value);
    this.slot(index);
  }
  fieldInt64(index: number, value: number): void {
    this.addInt64(value);
    this.slot(index);
  }
  fieldOffset(index: number, target: number): void {
    this.addOffset(target);
    this.slot(index);
  }

  /** Ends the table: writes its vtable and the table's offset to it. Returns the table's offset. */
  endTable(): number {
    this.addInt32(0); // the soffset to the vtable, filled in below
    const tableOffset = this.offset();
    let count = this.fields.length;
    while (count > 0 && this.fields[count - 1] === 0) count--;
    for (let i = count - 1; i >= 0; i--) this.addInt16(this.fields[i] === 0 ? 0 : tableOffset - this.fields[i]!);
    this.addInt16(tableOffset - this.objectStart);
    this.addInt16((count + 2) * 2);
    const vtableOffset = this.offset();
    this.view.setInt32(this.bytes.length - tableOffset, vtableOffset - tableOffset, true);
    return tableOffset;
  }

  /** Finishes the buffer with `root` as its root table; returns the bytes (a copy). */
  finish(root: number): Uint8Array {
    this.prep(this.minAlign, 4);
    this.addOffset(root);
    return this.bytes.slice(this.space);
  }
}
