// A small OpenAI-compatible streaming server over real llama.cpp (node-llama-cpp's prebuilt CPU build), so
// unitcost's endpoint runs are tested end to end against real inference over real HTTP on machines where no
// vLLM or llama-server can be installed. It is a test fixture, not one of the dialects unitcost replays: it
// speaks the OpenAI streaming API as the other servers do (role chunk, one chunk per token, a finish chunk, a
// usage chunk when stream_options.include_usage is set, [DONE]) and names itself in its Server header.
//
// Usage: node serve.mjs FILE.gguf PORT MODEL_NAME [SEQUENCES]
//   PORT 0 picks a free port; the first line on stdout is {"port": N} once the model is loaded.
//   SEQUENCES (default 4) requests decode together in one llama.cpp context; more wait for a free sequence.
//   UNITCOST_SERVE_DIE_AFTER=N: the process exits in the middle of the Nth streamed completion (after its second
//   token), as a server that dies mid-run does; later requests find nothing listening.
import http from "node:http";
import { getLlama } from "node-llama-cpp";

const [file, portArg, name, sequencesArg] = process.argv.slice(2);
if (!file || portArg === undefined || !name) {
  console.error("usage: node serve.mjs FILE.gguf PORT MODEL_NAME [SEQUENCES]");
  process.exit(2);
}
const sequences = Number(sequencesArg ?? 4);
// One llama.cpp thread by default: its workers spin between tokens, and on a small machine they then starve the
// event loop that streams each token (and the client measuring it). UNITCOST_LLAMA_THREADS overrides.
const threads = Number(process.env.UNITCOST_LLAMA_THREADS ?? 1);
const contextPerSequence = 1024;
const llama = await getLlama({ gpu: false, build: "never", logLevel: "error" });
const model = await llama.loadModel({ modelPath: file });
const context = await model.createContext({ sequences, contextSize: sequences * contextPerSequence, threads });
const waiting = [];
const dieAfter = Number(process.env.UNITCOST_SERVE_DIE_AFTER ?? 0);
let started = 0;

function acquire() {
  if (context.sequencesLeft > 0) {
    return Promise.resolve(context.getSequence());
  }
  return new Promise((resolve) => waiting.push(resolve));
}

async function release(sequence) {
  await sequence.dispose();
  const next = waiting.shift();
  if (next) {
    next(context.getSequence());
  }
}

function promptOf(body, chat) {
  if (!chat) {
    return typeof body.prompt === "string" ? body.prompt : null;
  }
  if (!Array.isArray(body.messages)) {
    return null;
  }
  return body.messages.map((m) => (typeof m.content === "string" ? m.content : "")).join("\n");
}

function error(res, status, message, type) {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify({ error: { message, type, code: status } }));
}

async function complete(req, res, chat) {
  let raw = "";
  for await (const part of req) {
    raw += part;
  }
  let body;
  try {
    body = JSON.parse(raw);
  } catch {
    return error(res, 400, "the body is not JSON", "invalid_request_error");
  }
  if (body.model !== name) {
    return error(res, 404, `The model '${body.model}' does not exist`, "invalid_request_error");
  }
  const prompt = promptOf(body, chat);
  if (prompt === null) {
    return error(res, 400, chat ? "messages must be a list" : "prompt must be a string", "invalid_request_error");
  }
  const maxTokens = Number.isInteger(body.max_tokens) && body.max_tokens > 0 ? body.max_tokens : 16;
  const ignoreEos = body.ignore_eos === true;
  const usageWanted = body.stream_options?.include_usage === true;
  const stream = body.stream === true;
  let promptTokens = model.tokenize(prompt);
  if (promptTokens.length === 0) {
    promptTokens = [model.tokens.bos];
  }
  if (promptTokens.length + maxTokens > contextPerSequence) {
    return error(res, 400, `prompt (${promptTokens.length}) + max_tokens (${maxTokens}) exceeds ${contextPerSequence}`,
      "invalid_request_error");
  }
  const id = (chat ? "chatcmpl-" : "cmpl-") + Math.random().toString(36).slice(2);
  const created = Math.floor(Date.now() / 1000);
  const object = chat ? "chat.completion.chunk" : "text_completion";
  const choice = (text, finish, first) => (chat
    ? { index: 0, delta: first ? { role: "assistant", content: text } : { content: text }, finish_reason: finish }
    : { index: 0, text, finish_reason: finish });
  const send = (payload) => res.write(`data: ${JSON.stringify(payload)}\n\n`);
  const number = ++started;
  const sequence = await acquire();
  let closed = false;
  res.on("close", () => { closed = true; });
  const generated = [];
  let text = "";
  let finish = "length";
  try {
    if (stream) {
      res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache", Server: "unitcost-llama-cpp-check" });
    }
    for await (const token of sequence.evaluate(promptTokens, { temperature: 0 })) {
      if (closed) {
        break;
      }
      if (!ignoreEos && token === model.tokens.eos) {
        finish = "stop";
        break;
      }
      const piece = model.detokenize([token], false, generated.slice(-8));
      generated.push(token);
      text += piece;
      if (stream) {
        send({ id, object, created, model: name, choices: [choice(piece, null, generated.length === 1)] });
        if (number === dieAfter && generated.length === 2) {
          process.exit(3);
        }
      }
      if (generated.length >= maxTokens) {
        break;
      }
    }
  } finally {
    await release(sequence);
  }
  const usage = { prompt_tokens: promptTokens.length, completion_tokens: generated.length,
    total_tokens: promptTokens.length + generated.length };
  if (closed) {
    return;
  }
  if (!stream) {
    res.writeHead(200, { "Content-Type": "application/json", Server: "unitcost-llama-cpp-check" });
    const message = chat ? { index: 0, message: { role: "assistant", content: text }, finish_reason: finish }
      : { index: 0, text, finish_reason: finish };
    return res.end(JSON.stringify({ id, object: chat ? "chat.completion" : "text_completion", created, model: name,
      choices: [message], usage }));
  }
  send({ id, object, created, model: name, choices: [choice("", finish, false)] });
  if (usageWanted) {
    send({ id, object, created, model: name, choices: [], usage });
  }
  res.end("data: [DONE]\n\n");
}

const server = http.createServer((req, res) => {
  const path = new URL(req.url, "http://localhost").pathname;
  if (req.method === "GET" && path === "/v1/models") {
    res.writeHead(200, { "Content-Type": "application/json", Server: "unitcost-llama-cpp-check" });
    return res.end(JSON.stringify({ object: "list", data: [{ id: name, object: "model", created: 0, owned_by: "node-llama-cpp" }] }));
  }
  if (req.method === "POST" && (path === "/v1/chat/completions" || path === "/v1/completions")) {
    return complete(req, res, path === "/v1/chat/completions").catch((e) => {
      if (!res.headersSent) {
        error(res, 500, String(e), "server_error");
      } else {
        res.destroy();
      }
    });
  }
  error(res, 404, `no route ${req.method} ${path}`, "not_found");
});
server.keepAliveTimeout = 60000;
server.listen(Number(portArg), "127.0.0.1", () => {
  process.stdout.write(JSON.stringify({ port: server.address().port, llamaCpp: llama.llamaCppRelease, sequences }) + "\n");
});
