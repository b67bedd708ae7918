import { open } from "node:fs/promises";

const MAX_META_BYTES = 4 * 1024 * 1024;
const MAX_TOP_LEVEL_BOXES = 64;

type Box = { type: string; start: number; end: number };

/**
 * The displayed width and height of a HEIC/HEIF file's primary image, read from its
 * `ispe` (image spatial extent) property and turned by its `irot` property, without
 * decoding any pixels. The image library bundled with the app cannot decode HEVC, so this
 * is how HEIC photos get their size checked. null when the boxes are missing or damaged.
 */
export async function readHeifSize(filePath: string): Promise<{ width: number; height: number } | null> {
  const meta = await readTopLevelBox(filePath, "meta");
  return meta ? heifSizeFromMeta(meta) : null;
}

/** The same, from the payload of the `meta` box (after its type). */
export function heifSizeFromMeta(meta: Buffer): { width: number; height: number } | null {
  // meta is a full box: 4 bytes of version and flags, then child boxes.
  const children = listBoxes(meta, 4, meta.length);
  const pitm = children.find((box) => box.type === "pitm");
  const iprp = children.find((box) => box.type === "iprp");
  if (!iprp) return null;
  const iprpChildren = listBoxes(meta, iprp.start, iprp.end);
  const ipco = iprpChildren.find((box) => box.type === "ipco");
  if (!ipco) return null;
  const properties = listBoxes(meta, ipco.start, ipco.end);

  let primaryId: number | null = null;
  if (pitm && pitm.end - pitm.start >= 6) {
    primaryId = meta[pitm.start] === 0 ? meta.readUInt16BE(pitm.start + 4) : meta.readUInt32BE(pitm.start + 4);
  }
  const associated = primaryId === null ? null : primaryProperties(meta, iprpChildren, primaryId);

  const chosen = associated ? associated.map((index) => properties[index - 1]).filter((box): box is Box => !!box) : properties;
  const extents = chosen
    .filter((box) => box.type === "ispe" && box.end - box.start >= 12)
    .map((box) => ({ width: meta.readUInt32BE(box.start + 4), height: meta.readUInt32BE(box.start + 8) }))
    .filter((size) => size.width > 0 && size.height > 0);
  // Without associations, the largest extent is the main image (the others are thumbnails).
  const extent = extents.sort((a, b) => b.width * b.height - a.width * a.height)[0];
  if (!extent) return null;

  const irot = associated ? chosen.find((box) => box.type === "irot" && box.end > box.start) : undefined;
  const quarterTurn = irot ? ((meta[irot.start] ?? 0) & 1) === 1 : false;
  return quarterTurn ? { width: extent.height, height: extent.width } : extent;
}

/** 1-based indexes into ipco of the properties associated with an item, from every ipma. */
function primaryProperties(meta: Buffer, iprpChildren: Box[], itemId: number): number[] | null {
  const found: number[] = [];
  let any = false;
  for (const ipma of iprpChildren.filter((box) => box.type === "ipma")) {
    const version = meta[ipma.start] ?? 0;
    const flags = meta.readUIntBE(ipma.start + 1, 3);
    let at = ipma.start + 4;
    if (at + 4 > ipma.end) return null;
    const entries = meta.readUInt32BE(at);
    at += 4;
    for (let e = 0; e < entries; e++) {
      const idBytes = version < 1 ? 2 : 4;
      if (at + idBytes + 1 > ipma.end) return null;
      const id = idBytes === 2 ? meta.readUInt16BE(at) : meta.readUInt32BE(at);
      at += idBytes;
      const count = meta[at] ?? 0;
      at += 1;
      const width = flags & 1 ? 2 : 1;
      if (at + count * width > ipma.end) return null;
      for (let a = 0; a < count; a++) {
        const index = width === 2 ? meta.readUInt16BE(at) & 0x7fff : (meta[at] ?? 0) & 0x7f;
        at += width;
        if (id === itemId) {
          any = true;
          found.push(index);
        }
      }
    }
  }
  return any ? found : null;
}

function listBoxes(buffer: Buffer, start: number, end: number): Box[] {
  const boxes: Box[] = [];
  let at = start;
  while (at + 8 <= end) {
    let size = buffer.readUInt32BE(at);
    const type = buffer.toString("latin1", at + 4, at + 8);
    let header = 8;
    if (size === 1) {
      if (at + 16 > end) break;
      size = Number(buffer.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < header || at + size > end) break;
    boxes.push({ type, start: at + header, end: at + size });
    at += size;
  }
  return boxes;
}

/** The payload of the first top-level box of a type, reading only box headers on the way. */
async function readTopLevelBox(filePath: string, wanted: string): Promise<Buffer | null> {
  const handle = await open(filePath, "r");
  try {
    const { size: fileSize } = await handle.stat();
    const header = Buffer.alloc(16);
    let at = 0;
    for (let n = 0; n < MAX_TOP_LEVEL_BOXES && at + 8 <= fileSize; n++) {
      const { bytesRead } = await handle.read(header, 0, 16, at);
      if (bytesRead < 8) return null;
      let size = header.readUInt32BE(0);
      const type = header.toString("latin1", 4, 8);
      let headerSize = 8;
      if (size === 1) {
        if (bytesRead < 16) return null;
        size = Number(header.readBigUInt64BE(8));
        headerSize = 16;
      } else if (size === 0) {
        size = fileSize - at;
      }
      if (size < headerSize || at + size > fileSize) return null;
      if (type === wanted) {
        const length = size - headerSize;
        if (length > MAX_META_BYTES) return null;
        const payload = Buffer.alloc(length);
        await handle.read(payload, 0, length, at + headerSize);
        return payload;
      }
      at += size;
    }
    return null;
  } finally {
    await handle.close();
  }
}
