/**
 * Measuring a running OpenAI-compatible server (vLLM, TGI, SGLang, llama.cpp's server, Ollama's
 * {@code /v1}) over streamed HTTP, as the in-process engines measure a loaded model.
 *
 * <p>The seam is {@link dev.unitcost.engine.endpoint.StreamingClient}: one blocking, thread-safe
 * call per request that returns a {@link dev.unitcost.engine.endpoint.StreamOutcome} with the
 * request's start, each streamed chunk's arrival and the server's own token counts. Failures the
 * server causes (a status, a timeout, a dropped connection, a malformed stream) are outcomes, never
 * exceptions, so a load run counts them by type and never drops one. Load generation (closed loop,
 * open loop) sits above this package and sees only the seam.
 */
package dev.unitcost.engine.endpoint;
