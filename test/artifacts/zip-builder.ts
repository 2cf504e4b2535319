import { crc32, deflateRawSync } from "node:zlib";

/** One entry of a test zip; the `declared*` fields forge what the headers claim. */
export interface ZipEntrySpec {
  name: string;
  data?: Buffer | string;
  method?: "deflate" | "store";
  declaredUncompressedSize?: number;
  declaredCompressedSize?: number;
  /** General purpose flag bit 0: traditional encryption (the data is not actually encrypted). */
  encrypted?: boolean;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const STORE = 0;

/** A minimal zip writer (no zip64, no comments) that can also lie in its headers. */
export function buildZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const spec of entries) {
    const data = Buffer.from(spec.data ?? "");
    const method = spec.method === "store" ? STORE : DEFLATE;
    const body = method === DEFLATE ? deflateRawSync(data) : data;
    const name = Buffer.from(spec.name, "utf8");
    const fields = {
      flags: UTF8_NAMES | (spec.encrypted === true ? 1 : 0),
      method,
      crc: crc32(data),
      compressed: spec.declaredCompressedSize ?? body.length,
      uncompressed: spec.declaredUncompressedSize ?? data.length,
      nameLength: name.length,
    };
    const local = header(30, [
      [0, 4, LOCAL_HEADER],
      [4, 2, 20],
      [6, 2, fields.flags],
      [8, 2, fields.method],
      [14, 4, fields.crc],
      [18, 4, fields.compressed],
      [22, 4, fields.uncompressed],
      [26, 2, fields.nameLength],
    ]);
    const central = header(46, [
      [0, 4, CENTRAL_HEADER],
      [4, 2, 20],
      [6, 2, 20],
      [8, 2, fields.flags],
      [10, 2, fields.method],
      [16, 4, fields.crc],
      [20, 4, fields.compressed],
      [24, 4, fields.uncompressed],
      [28, 2, fields.nameLength],
      [42, 4, offset],
    ]);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = header(22, [
    [0, 4, END_OF_CENTRAL_DIRECTORY],
    [8, 2, entries.length],
    [10, 2, entries.length],
    [12, 4, directory.length],
    [16, 4, offset],
  ]);
  return Buffer.concat([...locals, directory, end]);
}

function header(size: number, fields: [offset: number, bytes: 2 | 4, value: number][]): Buffer {
  const buffer = Buffer.alloc(size);
  for (const [at, bytes, value] of fields) {
    if (bytes === 2) buffer.writeUInt16LE(value, at);
    else buffer.writeUInt32LE(value >>> 0, at);
  }
  return buffer;
}
