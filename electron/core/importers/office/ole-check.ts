/**
 * An OLE2 compound file's structure checked before word-extractor reads it. Its reader trusts
 * the file: a sector chain that loops back (only a chain onto itself is caught) grows an array
 * until memory runs out — 2.6 GB in 11 s for one looped FAT entry of a 20 KB .doc — a sector
 * shift of 30 allocates a gigabyte per sector, and a directory whose entries point back at each
 * other recurses for ever. Here every chain the reader will follow (the DIFAT, the FAT's and mini
 * FAT's sectors, the directory, the mini stream, each stream) is walked once, in the file's own
 * bounds, with no sector met twice, and the directory tree is visited with no entry met twice.
 * The cost is one pass over tables the file already holds, no more memory than its FAT.
 */

const FREE = -1;
const HEADER = 512;
const DIR_ENTRY = 128;
const MINI_SECTOR = 64;
const STREAM = 2;
const STORAGE = 1;
const ROOT = 5;

/** Whether word-extractor can read the file's structure without looping or over-allocating. */
export function oleStructureSound(bytes: Buffer): boolean {
  if (bytes.length < HEADER) return false;
  const shift = bytes.readUInt16LE(0x1e);
  // Version 3 files use 512-byte sectors, version 4 files 4096-byte ones; mini sectors are 64.
  if ((shift !== 9 && shift !== 12) || bytes.readUInt16LE(0x20) !== 6) return false;
  if (bytes.readInt32LE(0x38) !== 4096) return false; // the mini stream cut-off is fixed
  const size = 2 ** shift;
  const sectors = Math.ceil(bytes.length / size) - 1;
  const perSector = size / 4;
  const sector = (id: number) => (id + 1) * size;
  const int = (offset: number) => (offset + 4 <= bytes.length ? bytes.readInt32LE(offset) : FREE);

  /** Follow a chain in `table`; its length, or -1 when it leaves the bounds or loops. */
  const walk = (table: Int32Array, start: number, bound: number): number => {
    const seen = new Set<number>();
    for (let id = start; id > FREE; id = table[id] ?? FREE) {
      if (id >= bound || id >= table.length || seen.has(id)) return -1;
      seen.add(id);
    }
    return seen.size;
  };

  // The FAT's own sectors: the header's first 109, then the DIFAT chain's.
  const fatCount = bytes.readInt32LE(0x2c);
  const difatCount = bytes.readInt32LE(0x48);
  if (fatCount <= 0 || fatCount > sectors || difatCount < 0 || difatCount > sectors) return false;
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(int(0x4c + 4 * i));
  const difatSeen = new Set<number>();
  let difat = bytes.readInt32LE(0x44);
  for (let i = 0; i < difatCount && fatSectors.length < fatCount; i++) {
    if (difat < 0 || difat >= sectors || difatSeen.has(difat)) return false;
    difatSeen.add(difat);
    for (let k = 0; k < perSector - 1 && fatSectors.length < fatCount; k++)
      fatSectors.push(int(sector(difat) + 4 * k));
    difat = int(sector(difat) + size - 4);
  }
  if (fatSectors.length < fatCount) return false;
  if (fatSectors.some((id) => id < 0 || id >= sectors)) return false;
  const fat = new Int32Array(fatSectors.length * perSector);
  fatSectors.forEach((id, i) => {
    for (let k = 0; k < perSector; k++) fat[i * perSector + k] = int(sector(id) + 4 * k);
  });

  // The directory, the mini FAT and the mini stream.
  const dirStart = bytes.readInt32LE(0x30);
  const dirLength = walk(fat, dirStart, sectors);
  if (dirLength <= 0) return false;
  const miniFatStart = bytes.readInt32LE(0x3c);
  const miniFatLength = walk(fat, miniFatStart, sectors);
  if (miniFatLength < 0) return false; // its count in the header is not trusted, nor needed
  const miniFat = new Int32Array(miniFatLength * perSector);
  for (let i = 0, id = miniFatStart; i < miniFatLength; i++, id = fat[id]) {
    for (let k = 0; k < perSector; k++) miniFat[i * perSector + k] = int(sector(id) + 4 * k);
  }
  const entries: {
    type: number;
    left: number;
    right: number;
    child: number;
    start: number;
    size: number;
  }[] = [];
  for (let i = 0, id = dirStart; i < dirLength; i++, id = fat[id]) {
    for (let k = 0; k < size / DIR_ENTRY; k++) {
      const at = sector(id) + k * DIR_ENTRY;
      entries.push({
        type: at + 67 <= bytes.length ? bytes.readInt8(at + 66) : 0,
        left: int(at + 68),
        right: int(at + 72),
        child: int(at + 76),
        start: int(at + 116),
        size: int(at + 120),
      });
    }
  }
  const root = entries.find((e) => e.type === ROOT);
  if (!root) return false;
  const miniStream = walk(fat, root.start, sectors);
  if (miniStream < 0) return false;
  const miniSectors = (miniStream * size) / MINI_SECTOR;

  // The tree under the root, each entry once; each stream's chain in its own table.
  const seen = new Set<number>();
  const pending = [root];
  while (pending.length) {
    const storage = pending.pop()!;
    const siblings = storage.child === FREE ? [] : [storage.child];
    while (siblings.length) {
      const id = siblings.pop()!;
      if (id < 0 || id >= entries.length || seen.has(id)) return false;
      seen.add(id);
      const entry = entries[id];
      for (const next of [entry.left, entry.right]) if (next !== FREE) siblings.push(next);
      if (entry.type === STORAGE) pending.push(entry);
      if (entry.type === STREAM) {
        if (entry.size < 0) return false;
        const length =
          entry.size < 4096
            ? walk(miniFat, entry.start, miniSectors)
            : walk(fat, entry.start, sectors);
        if (length < 0) return false;
      }
    }
  }
  return true;
}
