package dev.unitcost.run;

import dev.unitcost.engine.endpoint.StreamRequest;
import dev.unitcost.workload.EndpointPrompts;
import dev.unitcost.workload.EndpointWorkload;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.random.Well19937c;

/**
 * The requests of an endpoint run, drawn in a fixed order from the workload's seed: lengths from
 * its distributions, prompts from its corpus behind the shared prefix. Remembers what each request
 * asked for, so the tally can read planned lengths and whether a length was forced.
 */
final class EndpointRequests {

    private final EndpointWorkload workload;
    private final EndpointPrompts prompts;
    private final Well19937c random;
    private final Map<String, StreamRequest> asked = new ConcurrentHashMap<>();
    private final Map<String, Integer> planned = new ConcurrentHashMap<>();

    EndpointRequests(EndpointWorkload workload, EndpointPrompts prompts) {
        this.workload = workload;
        this.prompts = prompts;
        this.random = new Well19937c(workload.seed());
    }

    /** The next request, named {@code id}. Not thread safe: requests are drawn before a repetition sends them. */
    StreamRequest next(String id) {
        int in = workload.inputLength().draw(random);
        int out = workload.outputLength().draw(random);
        int prefixTokens = (int) Math.floor(workload.sharedPrefix() * in);
        EndpointPrompts.Prompt prompt = prompts.next(prompts.prefix(prefixTokens), in);
        StreamRequest r = new StreamRequest(id, prompt.text(), prompt.tokens(), out, !workload.stopAtEos());
        asked.put(id, r);
        planned.put(id, in);
        return r;
    }

    Map<String, StreamRequest> asked() {
        return asked;
    }

    int planned(String id) {
        return planned.getOrDefault(id, 0);
    }
}
