import { CompressionType, setCompressionCodec, tableFromIPC } from "@uwdata/flechette";
import { decompress as decompressZstd } from "fzstd";
import { decodeLz4Frame } from "./decodeLz4Frame.js";
import { InputError } from "../util/InputError.js";
import type { SurvivalColumns, SurvivalData, SurvivalReadOptions } from "./SurvivalData.js";
import { survivalDataFromValues } from "./survivalDataFromValues.js";

/**
 * Reads survival data from Apache Arrow IPC bytes, file format (`.arrow`, Feather v2) or stream format
 * (`.arrows`), with flechette (the Arrow library of arquero). Columns may be of any integer, floating-point,
 * decimal, boolean, text or dictionary type; nulls are missing values. Record batches may be compressed with
 * LZ4 (R's and pyarrow's default for Feather) or ZSTD. See {@link survivalDataFromValues} for the rules.
 * O(rows) after decoding.
 */
export function parseSurvivalArrow(bytes: Uint8Array, columns: SurvivalColumns, source = "input", options: SurvivalReadOptions = {}): SurvivalData {
  // flechette decodes compressed buffers through codecs registered with it (decoding only; idempotent).
  const decodeOnly = (decode: (data: Uint8Array, length?: number) => Uint8Array) => ({
    encode(): Uint8Array {
      throw new Error("pnen-sim registers Arrow codecs for reading only");
    },
    decode,
  });
  setCompressionCodec(CompressionType.LZ4_FRAME, decodeOnly((data, length) => decodeLz4Frame(data, length)));
  setCompressionCodec(CompressionType.ZSTD, decodeOnly((data, length) => decompressZstd(data, length === undefined || length < 0 ? undefined : new Uint8Array(length))));
  let table: ReturnType<typeof tableFromIPC>;
  try {
    table = tableFromIPC(bytes);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (/codec|compress|LZ4/i.test(text)) throw new InputError(`${source}: the Arrow file's compressed buffers cannot be read (${text.slice(0, 200)})`);
    throw new InputError(`${source}: not a readable Arrow IPC file (${text.slice(0, 200)})`);
  }
  const names = table.names as string[];
  const column = (flag: string, name: string) => {
    const index = names.indexOf(name);
    if (index < 0) throw new InputError(`${source}: no column '${name}' (--${flag}); columns: ${names.slice(0, 20).join(", ")}${names.length > 20 ? ", …" : ""}`);
    if (names.indexOf(name, index + 1) >= 0) throw new InputError(`${source}: column '${name}' (--${flag}) appears more than once; rename one`);
    try {
      return table.getChildAt(index).toArray() as ArrayLike<unknown>;
    } catch (error) {
      throw new InputError(`${source}: column '${name}' (--${flag}) cannot be read (${error instanceof Error ? error.message.slice(0, 200) : String(error)})`);
    }
  };
  return survivalDataFromValues(
    {
      time: column("time", columns.time),
      event: column("event", columns.event),
      ...(columns.group === undefined ? {} : { group: column("group", columns.group) }),
      ...(columns.strata === undefined ? {} : { strata: column("strata", columns.strata) }),
    },
    columns,
    source,
    "arrow",
    options,
  );
}
