package dev.unitcost.engine.endpoint;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which server answered, from what its answers say about it: the {@code owned_by} of its
 * {@code /v1/models} entries ({@code vllm}, {@code sglang}, {@code llamacpp}; Ollama's models are
 * owned by their namespace, {@code library} for official ones), the {@code system_fingerprint}
 * of its chunks ({@code fp_ollama}; TGI writes its version, {@code 2.4.0-native} or
 * {@code 2.4.1-sha-d2ed52f}; llama.cpp its build, {@code b4567-1a2b3c4}), and its {@code Server}
 * header when it sends one.
 */
final class ServerIdentity {

    private static final Pattern TGI_FINGERPRINT = Pattern.compile("\\d+\\.\\d+\\.\\d+-(native|sha-.*)");

    private ServerIdentity() {}

    /** The dialect's name (vllm, tgi, sglang, llama.cpp, ollama) with its version where it says one, or unknown. */
    static String of(List<String> ownedBy, Optional<String> fingerprint, Optional<String> serverHeader) {
        String fp = fingerprint.orElse("");
        String dialect;
        if (ownedBy.contains("vllm")) {
            dialect = "vllm";
        } else if (ownedBy.contains("sglang")) {
            dialect = "sglang";
        } else if (ownedBy.contains("llamacpp")) {
            dialect = fp.isEmpty() ? "llama.cpp" : "llama.cpp " + fp;
        } else if (fp.equals("fp_ollama")) {
            dialect = "ollama";
        } else if (TGI_FINGERPRINT.matcher(fp).matches()) {
            dialect = "tgi " + fp;
        } else {
            dialect = "unknown";
        }
        return serverHeader.filter(s -> !s.isBlank()).map(s -> dialect + " (Server: " + ErrorBodies.oneLine(s) + ")")
                .orElse(dialect);
    }
}
