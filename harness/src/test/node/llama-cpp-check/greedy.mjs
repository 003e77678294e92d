// Loads a GGUF file in llama.cpp (CPU) and decodes greedily from the given prompt token ids, printing one JSON
// object: the llama.cpp release, the model's training context, and the tokens picked.
// Usage: node greedy.mjs FILE.gguf ID,ID,... NEW_TOKENS
import { getLlama } from "node-llama-cpp";

const [file, promptArg, countArg] = process.argv.slice(2);
if (!file || !promptArg || !countArg) {
  console.error("usage: node greedy.mjs FILE.gguf ID,ID,... NEW_TOKENS");
  process.exit(2);
}
const prompt = promptArg.split(",").map(Number);
const count = Number(countArg);
const llama = await getLlama({ gpu: false, build: "never", logLevel: "error" });
const model = await llama.loadModel({ modelPath: file });
const context = await model.createContext({ contextSize: Math.max(64, prompt.length + count), threads: 1 });
const tokens = [];
for await (const t of context.getSequence().evaluate(prompt, { temperature: 0 })) {
  tokens.push(t);
  if (tokens.length >= count) {
    break;
  }
}
process.stdout.write(JSON.stringify({
  llamaCpp: llama.llamaCppRelease,
  trainContextSize: model.trainContextSize,
  tokens,
}) + "\n");
await context.dispose();
await model.dispose();
await llama.dispose();
