import { AppError } from '@praxisready/model';
import type { AuditArea } from '@praxisready/model';

/** An evidence image for the appendix (screenshot of the TI settings, photo of the rack …). */
export interface EvidenceImage {
  title: string;
  /** PNG or JPEG bytes. */
  data: Buffer;
  caption?: string;
  area?: AuditArea;
  /** ISO timestamp when the picture was taken. */
  takenAt?: string;
}

/** Detects PNG or JPEG by magic bytes; anything else is rejected before it reaches the PDF engine. */
export function imageType(data: Buffer): 'png' | 'jpeg' | undefined {
  if (
    data.length > 8 &&
    data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return 'png';
  }
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) {
    return 'jpeg';
  }
  return undefined;
}

/** The image as a data URL for pdfmake; throws UNSUPPORTED_MEDIA_TYPE for anything but PNG/JPEG. */
export function imageDataUrl(img: EvidenceImage, index: number): string {
  const type = imageType(img.data);
  if (type === undefined) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Evidence image "${img.title}" is neither PNG nor JPEG`, {
      issues: [
        { code: 'image_type', path: ['images', index], message: 'PNG or JPEG expected', severity: 'error' },
      ],
      hint: 'Nur PNG- oder JPEG-Bilder können in den Bericht übernommen werden.',
    });
  }
  return `data:image/${type};base64,${img.data.toString('base64')}`;
}
