package dev.unitcost.engine.endpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.metrics.RequestTimings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conversions from what the client saw to the project's metrics, against hand-computed values. */
class EndpointTimingsTest {

    static StreamOutcome outcome(String id, long start, long[] chunks, int[] tokens, int usage, EndpointError error,
            long clientNanos) {
        long end = chunks.length == 0 ? start : chunks[chunks.length - 1];
        return new StreamOutcome(id, start, chunks, tokens, end, 5, usage, ForcedLength.NOT_ASKED, error, clientNanos);
    }

    @Test
    void aMultiTokenChunkStampsEveryTokenAtItsArrival() {
        // chunks at 100, 130, 190, 200 carrying 1, 3, 0, 2 tokens: 6 tokens
        StreamOutcome o = outcome("a", 0, new long[] {100, 130, 190, 200}, new int[] {1, 3, 0, 2}, 6, null, 0);
        RequestTimings t = EndpointTimings.requestTimings(o).orElseThrow();
        assertArrayEquals(new long[] {100, 130, 130, 130, 200, 200}, t.tokenNanos());
        assertEquals(100, t.ttftNanos());
        assertEquals(200, t.e2eNanos());
        assertEquals(20.0, t.tpotNanos().getAsDouble(), 0); // (200 − 100) / 5
        assertArrayEquals(new long[] {30, 0, 0, 70, 0}, t.itlNanos());
        // the zero-token chunk at 190 is not a chunk arrival of a token
        assertArrayEquals(new long[] {30, 70}, EndpointTimings.chunkItlNanos(o));
    }

    @Test
    void theServersUsageIsTheCountSpreadOverTheChunks() {
        // a tokenizer that counts two tokens in each of three one-token chunks (text that does not round-trip):
        // usage 3 gives one per chunk, so TPOT divides by the 3 tokens the server generated
        StreamOutcome o = outcome("a", 0, new long[] {100, 110, 130}, new int[] {2, 2, 2}, 3, null, 0);
        assertArrayEquals(new int[] {1, 1, 1}, EndpointTimings.tokensPerChunk(o));
        RequestTimings t = EndpointTimings.requestTimings(o).orElseThrow();
        assertEquals(3, t.outputTokens());
        assertEquals(15.0, t.tpotNanos().orElseThrow(), 1e-12);
        assertArrayEquals(new long[] {10, 20}, EndpointTimings.chunkItlNanos(o));
        // uneven: counted 0, 3, 1, 2 (6) against usage 3, by cumulative rounding of 3 × (0, 3, 4, 6) / 6 = 0, 2, 2, 3
        StreamOutcome uneven = outcome("b", 0, new long[] {5, 100, 130, 200}, new int[] {0, 3, 1, 2}, 3, null, 0);
        assertArrayEquals(new int[] {0, 2, 0, 1}, EndpointTimings.tokensPerChunk(uneven));
        assertEquals(6, uneven.countedOutputTokens(), "the client's own count stays for the reconciliation");
        // no usage, or usage that agrees: the client's count
        assertArrayEquals(new int[] {2, 2, 2}, EndpointTimings.tokensPerChunk(outcome("c", 0, new long[] {1, 2, 3}, new int[] {2, 2, 2}, -1, null, 0)));
        assertArrayEquals(new int[] {1, 3}, EndpointTimings.tokensPerChunk(outcome("d", 0, new long[] {1, 2}, new int[] {1, 3}, 4, null, 0)));
    }

    @Test
    void noTokensNoTimings() {
        StreamOutcome o = outcome("a", 0, new long[] {10}, new int[] {0}, 0, null, 0);
        assertTrue(EndpointTimings.requestTimings(o).isEmpty());
        assertArrayEquals(new long[0], EndpointTimings.chunkItlNanos(o));
    }

    @Test
    void reconciliationComparesOnlyCompletedRequestsWithUsage() {
        EndpointError lost = new EndpointError(ErrorKind.CONNECTION_LOST, 0, "closed");
        List<StreamOutcome> outcomes = List.of(
                outcome("a", 0, new long[] {1, 2}, new int[] {1, 1}, 2, null, 0),
                outcome("b", 0, new long[] {1, 2, 3}, new int[] {1, 1, 1}, 3, null, 0),
                outcome("c", 0, new long[] {1}, new int[] {1}, -1, null, 0),
                outcome("d", 0, new long[] {1}, new int[] {1}, 9, lost, 0));
        TokenReconciliation r = TokenReconciliation.of(outcomes);
        assertEquals(new TokenReconciliation(2, 1, 5, 5), r);
        assertEquals(0.0, r.relativeMismatch().getAsDouble());
        assertFalse(r.flagged());
    }

    @Test
    void oneInAHundredIsNotFlaggedAndMoreIs() {
        int[] hundred = new int[100];
        java.util.Arrays.fill(hundred, 1);
        long[] times = new long[100];
        StreamOutcome exact1 = outcome("a", 0, times, hundred, 101, null, 0);
        assertEquals(1.0 / 101, TokenReconciliation.of(List.of(exact1)).relativeMismatch().getAsDouble(), 1e-15);
        assertFalse(TokenReconciliation.of(List.of(exact1)).flagged(), "0.99% is within 1%");
        StreamOutcome over = outcome("b", 0, times, hundred, 98, null, 0);
        assertTrue(TokenReconciliation.of(List.of(over)).flagged(), "2/98 = 2.04%");
        assertTrue(TokenReconciliation.of(List.of()).relativeMismatch().isEmpty());
    }

    @Test
    void overheadIsTheMedianPerTokenAgainstTheMedianTpot() {
        // TPOTs: (40 − 10)/3 = 10, (110 − 10)/4 = 25, (70 − 20)/1 = 50; per token 300/4, 1000/5, 40/2
        List<StreamOutcome> outcomes = List.of(
                outcome("a", 0, new long[] {10, 20, 30, 40}, new int[] {1, 1, 1, 1}, 4, null, 300),
                outcome("b", 0, new long[] {10, 60, 110}, new int[] {1, 2, 2}, 5, null, 1000),
                outcome("c", 0, new long[] {20, 70}, new int[] {1, 1}, 2, null, 40),
                outcome("d", 0, new long[] {20}, new int[] {1}, 1, null, 999));
        ClientOverhead o = ClientOverhead.of(outcomes).orElseThrow();
        assertEquals(3, o.requests());
        assertEquals(75.0, o.medianNanosPerToken());
        assertEquals(25.0, o.medianTpotNanos());
        assertEquals(3.0, o.shareOfTpot());
    }

    @Test
    void forcedLengthByUsageElseByCount() {
        StreamRequest forced = new StreamRequest("r", "p", -1, 4, true);
        assertEquals(ForcedLength.HONOURED, OpenAiStreamingClient.forcedLength(forced, null, 4, new int[] {1}));
        assertEquals(ForcedLength.NOT_HONOURED, OpenAiStreamingClient.forcedLength(forced, null, 3, new int[] {4}));
        assertEquals(ForcedLength.HONOURED, OpenAiStreamingClient.forcedLength(forced, null, -1, new int[] {2, 2}));
        assertEquals(ForcedLength.NOT_HONOURED, OpenAiStreamingClient.forcedLength(forced, null, -1, new int[] {2, 1}));
        assertEquals(ForcedLength.UNKNOWN, OpenAiStreamingClient.forcedLength(forced,
                new EndpointError(ErrorKind.TIMEOUT, 0, "t"), 4, new int[] {4}));
        assertEquals(ForcedLength.NOT_ASKED, OpenAiStreamingClient.forcedLength(
                new StreamRequest("r", "p", -1, 4, false), null, 4, new int[] {4}));
    }
}
