import { FlatBufferBuilder } from "./FlatBufferBuilder.js";

/** A column type of {@link ArrowFileWriter}: integers, doubles, or text coded as a dictionary of labels. */
export type ArrowColumnType =
  | { readonly kind: "int"; readonly bits: 8 | 16 | 32; readonly signed: boolean }
  | { readonly kind: "float64" }
  | { readonly kind: "dictionary"; readonly indexBits: 8 | 16 | 32; readonly labels: readonly string[] };

export interface ArrowField {
  readonly name: string;
  readonly type: ArrowColumnType;
}

/** The values of one column in a record batch: a typed array matching the column's type (dictionary codes for labels). */
export type ArrowColumnValues = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float64Array;

// Arrow format enumerations (format/Schema.fbs, format/Message.fbs).
const metadataVersionV5 = 4;
const typeInt = 2;
const typeFloatingPoint = 3;
const typeUtf8 = 5;
const precisionDouble = 2;
const headerSchema = 1;
const headerDictionaryBatch = 2;
const headerRecordBatch = 3;
const magic = new TextEncoder().encode("ARROW1");

interface Block {
  readonly offset: number;
  readonly metaDataLength: number;
  readonly bodyLength: number;
}

/**
 * Writes an Apache Arrow IPC file (the random-access "file" format, also known as Feather v2), record batch
 * by record batch, to a byte sink: nothing but the current batch is held in memory, so a table of any length
 * streams in constant memory. Columns are non-nullable integers, doubles, or dictionary-encoded text whose
 * labels are fixed up front (written once, as dictionary batches); the schema carries key–value metadata
 * (pnen-sim puts its provenance there). Uncompressed, little-endian, metadata version V5, buffers padded to 8
 * bytes, as the specification asks (https://arrow.apache.org/docs/format/Columnar.html#ipc-file-format):
 *
 *   "ARROW1\0\0" ─ schema message ─ dictionary batches ─ record batches … ─ end-of-stream ─ footer ─ size ─ "ARROW1"
 *
 * Written with our own FlatBuffers encoder rather than flechette's (which the reader uses): flechette's
 * `tableToIPC` assembles every batch of a table before writing, while a 10-million-patient run must stream.
 * Independent readers (apache-arrow's JavaScript implementation, DuckDB) read the files back in the tests.
 * Each batch costs O(rows × columns).
 */
export class ArrowFileWriter {
  private readonly fields: readonly ArrowField[];
  private readonly metadata: readonly (readonly [string, string])[];
  private readonly write: (bytes: Uint8Array) => void;
  private position = 0;
  private readonly dictionaryBlocks: Block[] = [];
  private readonly recordBlocks: Block[] = [];
  private finished = false;

  /** Starts a file: writes the magic, the schema and the dictionaries through `write`. */
  constructor(fields: readonly ArrowField[], metadata: Readonly<Record<string, string>>, write: (bytes: Uint8Array) => void) {
    this.fields = fields;
    this.metadata = Object.entries(metadata);
    this.write = write;
    this.emit(magic);
    this.emit(new Uint8Array(2));
    this.writeMessage(headerSchema, (b) => this.encodeSchema(b), [], 0);
    let id = 0;
    for (const field of fields) {
      if (field.type.kind !== "dictionary") continue;
      const dictionaryId = id++;
      const { buffers, nodes, length } = utf8Column(field.type.labels);
      this.writeMessage(
        headerDictionaryBatch,
        (b) => {
          const data = this.encodeRecordBatch(b, length, nodes, buffers);
          b.startTable(3);
          b.fieldInt64(0, dictionaryId);
          b.fieldOffset(1, data);
          return b.endTable();
        },
        buffers,
        1,
      );
    }
  }

  /** Appends one record batch: one typed array per field, all of the same length. */
  writeBatch(columns: readonly ArrowColumnValues[]): void {
    if (this.finished) throw new Error("ArrowFileWriter: the file is finished");
    if (columns.length !== this.fields.length) throw new RangeError(`ArrowFileWriter: expected ${this.fields.length} columns, got ${columns.length}`);
    const length = columns[0]?.length ?? 0;
    const buffers: Uint8Array[] = [];
    const nodes: number[] = [];
    columns.forEach((values, c) => {
      if (values.length !== length) throw new RangeError(`ArrowFileWriter: column ${this.fields[c]!.name} has ${values.length} values, expected ${length}`);
      nodes.push(length);
      buffers.push(new Uint8Array(0)); // validity: none (no nulls)
      buffers.push(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    });
    this.writeMessage(headerRecordBatch, (b) => this.encodeRecordBatch(b, length, nodes, buffers), buffers, 2);
  }

  /** Ends the file: end-of-stream marker, footer (schema and block index), footer size and magic. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.emit(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0));
    const b = new FlatBufferBuilder();
    const schema = this.encodeSchema(b);
    const blockVector = (blocks: Block[]) =>
      b.createStructVector(blocks, 24, 8, (block) => {
        b.putInt64(block.bodyLength);
        b.pad(4);
        b.putInt32(block.metaDataLength);
        b.putInt64(block.offset);
      });
    const dictionaries = blockVector(this.dictionaryBlocks);
    const records = blockVector(this.recordBlocks);
    b.startTable(5);
    b.fieldInt16(0, metadataVersionV5);
    b.fieldOffset(1, schema);
    b.fieldOffset(2, dictionaries);
    b.fieldOffset(3, records);
    const footer = b.finish(b.endTable());
    this.emit(footer);
    const size = new Uint8Array(4);
    new DataView(size.buffer).setInt32(0, footer.length, true);
    this.emit(size);
    this.emit(magic);
  }

  private emit(bytes: Uint8Array): void {
    this.write(bytes);
    this.position += bytes.length;
  }

  /**
   * One encapsulated message: continuation marker, metadata length, the Message flatbuffer padded to 8,
   * then the body (each buffer padded to 8). Blocks are recorded for the footer (kind 1 dictionary, 2 batch).
   */
  private writeMessage(headerType: number, header: (b: FlatBufferBuilder) => number, body: readonly Uint8Array[], kind: 0 | 1 | 2): void {
    const bodyLength = body.reduce((sum, buffer) => sum + padded(buffer.length), 0);
    const b = new FlatBufferBuilder();
    const headerOffset = header(b);
    b.startTable(5);
    b.fieldInt64(3, bodyLength);
    b.fieldOffset(2, headerOffset);
    b.fieldInt16(0, metadataVersionV5);
    b.fieldInt8(1, headerType);
    const message = b.finish(b.endTable());
    const metadataLength = padded(message.length + 8) - 8;
    const start = this.position;
    const prefix = new Uint8Array(8);
    const view = new DataView(prefix.buffer);
    view.setInt32(0, -1, true);
    view.setInt32(4, metadataLength, true);
    this.emit(prefix);
    this.emit(message);
    this.emit(new Uint8Array(metadataLength - message.length));
    for (const buffer of body) {
      this.emit(buffer);
      this.emit(new Uint8Array(padded(buffer.length) - buffer.length));
    }
    const block = { offset: start, metaDataLength: metadataLength + 8, bodyLength };
    if (kind === 1) this.dictionaryBlocks.push(block);
    if (kind === 2) this.recordBlocks.push(block);
  }

  private encodeRecordBatch(b: FlatBufferBuilder, length: number, nodes: readonly number[], buffers: readonly Uint8Array[]): number {
    let at = 0;
    const regions = buffers.map((buffer) => {
      const region = { offset: at, length: buffer.length };
      at += padded(buffer.length);
      return region;
    });
    const nodeVector = b.createStructVector(nodes, 16, 8, (nodeLength) => {
      b.putInt64(0); // null count
      b.putInt64(nodeLength);
    });
    const bufferVector = b.createStructVector(regions, 16, 8, (region) => {
      b.putInt64(region.length);
      b.putInt64(region.offset);
    });
    b.startTable(5);
    b.fieldInt64(0, length);
    b.fieldOffset(1, nodeVector);
    b.fieldOffset(2, bufferVector);
    return b.endTable();
  }

  private encodeSchema(b: FlatBufferBuilder): number {
    let dictionaryId = 0;
    const fieldOffsets = this.fields.map((field) => {
      const name = b.createString(field.name);
      const children = b.createOffsetVector([]);
      let typeType: number;
      let type: number;
      let dictionary = 0;
      if (field.type.kind === "float64") {
        b.startTable(1);
        b.fieldInt16(0, precisionDouble);
        type = b.endTable();
        typeType = typeFloatingPoint;
      } else if (field.type.kind === "int") {
        type = intType(b, field.type.bits, field.type.signed);
        typeType = typeInt;
      } else {
        b.startTable(0);
        type = b.endTable();
        typeType = typeUtf8;
        const indexType = intType(b, field.type.indexBits, true);
        b.startTable(4);
        b.fieldInt64(0, dictionaryId++);
        b.fieldOffset(1, indexType);
        dictionary = b.endTable();
      }
      b.startTable(7);
      b.fieldOffset(0, name);
      b.fieldOffset(3, type);
      if (dictionary !== 0) b.fieldOffset(4, dictionary);
      b.fieldOffset(5, children);
      b.fieldInt8(2, typeType);
      return b.endTable();
    });
    const fields = b.createOffsetVector(fieldOffsets);
    const keyValues = this.metadata.map(([key, value]) => {
      const k = b.createString(key);
      const v = b.createString(value);
      b.startTable(2);
      b.fieldOffset(0, k);
      b.fieldOffset(1, v);
      return b.endTable();
    });
    const metadata = keyValues.length === 0 ? 0 : b.createOffsetVector(keyValues);
    b.startTable(4);
    b.fieldOffset(1, fields);
    if (metadata !== 0) b.fieldOffset(2, metadata);
    return b.endTable();
  }
}

function intType(b: FlatBufferBuilder, bits: number, signed: boolean): number {
  b.startTable(2);
  b.fieldInt32(0, bits);
  b.fieldInt8(1, signed ? 1 : 0);
  return b.endTable();
}

function padded(length: number): number {
  return (length + 7) & ~7;
}

/** The buffers of a non-null UTF-8 column (validity, offsets, data). */
function utf8Column(labels: readonly string[]): { buffers: Uint8Array[]; nodes: number[]; length: number } {
  const encoded = labels.map((label) => new TextEncoder().encode(label));
  const offsets = new Int32Array(labels.length + 1);
  encoded.forEach((bytes, i) => (offsets[i + 1] = offsets[i]! + bytes.length));
  const data = new Uint8Array(offsets[labels.length]!);
  encoded.forEach((bytes, i) => data.set(bytes, offsets[i]!));
  return { buffers: [new Uint8Array(0), new Uint8Array(offsets.buffer), data], nodes: [labels.length], length: labels.length };
}
