// File contents that start the way real files do, so that tests pass the content check a form makes.
const HEADS: Record<string, number[]> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff, 0xe0],
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37],
  'video/mp4': [0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32],
  'application/msword': [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
};

/** `size` bytes that read as a file of type `mime` (padding after the signature); text for other types. */
export function fileBytes(mime: string, size: number): Buffer {
  const head = HEADS[mime];
  const data = Buffer.alloc(size, head ? 0 : 0x61);
  if (head) Buffer.from(head).copy(data, 0, 0, Math.min(head.length, size));
  return data;
}
