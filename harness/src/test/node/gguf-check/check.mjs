// Reads a GGUF file's header and tensor table with @huggingface/gguf (an independent reader) and prints
// them as one JSON object on stdout: scalar metadata as they are, arrays as their length and first items,
// tensor infos with shapes in ggml order, and the library's parameter count.
// Usage: node check.mjs FILE.gguf
import { gguf } from "@huggingface/gguf";
import { resolve } from "node:path";

const file = process.argv[2];
if (!file) {
  console.error("usage: node check.mjs FILE.gguf");
  process.exit(2);
}
const parsed = await gguf(resolve(file), { allowLocalFile: true, computeParametersCount: true });
const plain = (v) => (typeof v === "bigint" ? Number(v) : v);
const metadata = {};
for (const [key, value] of Object.entries(parsed.metadata)) {
  metadata[key] = Array.isArray(value)
    ? { length: value.length, first: value.slice(0, 3).map(plain), last: plain(value[value.length - 1]) }
    : plain(value);
}
const tensors = parsed.tensorInfos.map((t) => ({
  name: t.name,
  shape: t.shape.map(plain),
  dtype: t.dtype,
  offset: plain(t.offset),
}));
process.stdout.write(JSON.stringify({
  metadata,
  tensors,
  parameterCount: plain(parsed.parameterCount),
  tensorDataOffset: plain(parsed.tensorDataOffset),
}) + "\n");
