/** Encodes bytes as base64 in chunks (String.fromCharCode on a whole file overflows the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/**
 * Splits files into requests of at most `maxBytes` (base64 grows by a third) and `maxFiles`,
 * keeping order; a file larger than the limit travels alone.
 */
export function planBatches(
  sizes: readonly number[],
  maxBytes = 24_000_000,
  maxFiles = 200,
): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  sizes.forEach((size, index) => {
    const encoded = Math.ceil(size / 3) * 4;
    if (current.length > 0 && (bytes + encoded > maxBytes || current.length >= maxFiles)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(index);
    bytes += encoded;
  });
  if (current.length > 0) batches.push(current);
  return batches;
}
