// The compiled OpenCC dictionaries in the extension (#opencc-bytes under the `browser` condition):
// files of the extension's own, written there at build (wxt.config.ts), fetched on first use.

export async function chunkBytes(name: string): Promise<ArrayBuffer> {
  const url = (globalThis as unknown as { chrome: { runtime: { getURL(path: string): string } } }).chrome.runtime.getURL(`/opencc/${name}.bin`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the ${name} dictionary could not be loaded (${response.status})`);
  return response.arrayBuffer();
}
