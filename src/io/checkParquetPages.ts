import type { FileMetaData } from "hyparquet";
import { parquetHeader } from "hyparquet/src/column.js";
import { InputError } from "../util/InputError.js";

/**
 * Checks the page headers of the named columns of a Parquet file before hyparquet decodes them, because a damaged
 * header can make its decoder loop for minutes (e.g. a data page v2 whose `num_nulls` is negative and whose
 * `num_rows` is missing after one flipped byte). Every page must lie inside its column chunk, which must lie inside
 * the file; sizes and counts must be whole numbers from 0 to what the row group holds (a flat column has at most
 * one value per row, a page at most its chunk's values, a dictionary at most as many entries as values). Throws an
 * InputError naming the file, row group, column and page. Reads only the page headers: O(pages).
 */
export function checkParquetPages(file: ArrayBuffer, metadata: FileMetaData, columns: readonly string[], source: string): void {
  const view = new DataView(file);
  const count = (value: unknown): number => (typeof value === "bigint" ? Number(value) : typeof value === "number" ? value : Number.NaN);
  const within = (value: unknown, max: number) => {
    const n = count(value);
    return Number.isInteger(n) && n >= 0 && n <= max;
  };
  metadata.row_groups.forEach((rowGroup, g) => {
    const rows = count(rowGroup.num_rows);
    for (const chunk of rowGroup.columns) {
      const meta = chunk.meta_data;
      const name = meta?.path_in_schema.join(".");
      if (meta === undefined || name === undefined || !columns.includes(name)) continue;
      const where = `${source}: row group ${g + 1}, column '${name}'`;
      const values = count(meta.num_values);
      const start = count(meta.dictionary_page_offset ?? meta.data_page_offset);
      const end = start + count(meta.total_compressed_size);
      if (!within(values, rows) || !within(start, file.byteLength) || !within(end, file.byteLength) || end < start) {
        throw new InputError(`${where}: the column chunk's sizes do not fit the file (damaged Parquet file)`);
      }
      const reader = { view, offset: start };
      let seen = 0;
      for (let page = 1; seen < values && reader.offset < end; page++) {
        const bad = (what: string) => new InputError(`${where}, page ${page}: ${what} (damaged Parquet file)`);
        let header: ReturnType<typeof parquetHeader>;
        try {
          header = parquetHeader(reader);
        } catch {
          throw bad("the page header cannot be read");
        }
        const dataStart = reader.offset;
        const size = count(header.compressed_page_size);
        if (!within(size, end - dataStart) || !within(header.uncompressed_page_size, 1 << 30)) throw bad("the page's size does not fit its column chunk");
        const v1 = header.data_page_header;
        const v2 = header.data_page_header_v2;
        const dictionary = header.dictionary_page_header;
        if (v1 !== undefined) {
          if (!within(v1.num_values, values - seen)) throw bad("the page's number of values does not fit its column");
          seen += count(v1.num_values);
        } else if (v2 !== undefined) {
          if (!within(v2.num_values, values - seen) || !within(v2.num_rows, rows) || !within(v2.num_nulls, count(v2.num_values))) throw bad("the page's numbers of values, nulls or rows do not fit its column");
          if (!within(v2.definition_levels_byte_length, size) || !within(v2.repetition_levels_byte_length, size)) throw bad("the page's level sizes do not fit the page");
          seen += count(v2.num_values);
        } else if (dictionary !== undefined && !within(dictionary.num_values, values)) throw bad("the dictionary's number of entries does not fit its column");
        reader.offset = dataStart + size;
      }
    }
  });
}
