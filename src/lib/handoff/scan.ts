/**
 * Reading a QR code from the camera or a photo, on the device: the browser's own BarcodeDetector
 * where it reads QR codes (Chrome on Android and macOS, Samsung Internet), otherwise the same API
 * from `qr`'s decoder (Firefox, Safari, desktop Chrome on Windows and Linux), loaded only then.
 */

/** Something a frame can be read from: the camera's video, or a decoded photo. */
export type Frame = HTMLVideoElement | ImageBitmap;

export type ReadFrame = (frame: Frame) => Promise<string | null>;

interface Detector {
  detect(source: Frame): Promise<{ rawValue: string }[]>;
}
interface DetectorClass {
  new (options: { formats: 'qr_code'[] }): Detector;
  getSupportedFormats(): Promise<readonly string[]>;
}

async function nativeDetector(): Promise<DetectorClass | null> {
  const Native = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  try {
    return Native && (await Native.getSupportedFormats()).includes('qr_code') ? Native : null;
  } catch {
    return null;
  }
}

/** The best reader this browser has. */
export async function frameReader(): Promise<ReadFrame> {
  const Detector: DetectorClass = (await nativeDetector()) ?? (await import('qr/decode.js')).BarcodeDetector;
  const detector = new Detector({ formats: ['qr_code'] });
  return async (frame) => (await detector.detect(frame))[0]?.rawValue ?? null;
}

/** The QR code's text in a photo file, or null when it shows none. */
export async function readPhoto(file: Blob, read: ReadFrame): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    return await read(bitmap);
  } finally {
    bitmap.close();
  }
}

/**
 * Reads the camera until a code shows, every `interval` ms, and returns its text; `signal` stops it
 * (then null). The caller owns the stream and stops its tracks.
 */
export async function readVideo(video: HTMLVideoElement, read: ReadFrame, signal: AbortSignal, interval = 250): Promise<string | null> {
  while (!signal.aborted) {
    if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
      const text = await read(video).catch(() => null);
      if (text && !signal.aborted) return text;
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  return null;
}
