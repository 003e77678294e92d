package dev.unitcost.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.TestModels;
import dev.unitcost.engine.djl.HfTokenizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** Endpoint prompts (exact lengths in a real tokenizer's tokens, shared prefixes) and length distributions. */
class EndpointPromptsTest {

    static final Corpus CORPUS = Corpus.load("bundled:default", null);

    @Test
    void withATokenizerEveryPromptHasExactlyTheAskedLength() {
        try (HfTokenizer tokenizer = HfTokenizer.load(TestModels.miniLm().tokenizerFile())) {
            EndpointPrompts prompts = new EndpointPrompts(CORPUS, tokenizer, 42);
            for (int length : List.of(1, 17, 40, 96)) {
                EndpointPrompts.Prompt p = prompts.next(prompts.prefix(0), length);
                assertEquals(length, p.tokens(), p.text());
                assertEquals(length, tokenizer.encode(p.text()).length, "the count is the tokenizer's own");
            }
        }
    }

    @Test
    void aSharedPrefixStartsEveryPromptAndTheRestDiffers() {
        try (HfTokenizer tokenizer = HfTokenizer.load(TestModels.miniLm().tokenizerFile())) {
            EndpointPrompts prompts = new EndpointPrompts(CORPUS, tokenizer, 42);
            EndpointPrompts.Prompt prefix = prompts.prefix(30);
            assertEquals(30, prefix.tokens());
            EndpointPrompts.Prompt a = prompts.next(prefix, 60);
            EndpointPrompts.Prompt b = prompts.next(prefix, 60);
            assertTrue(a.text().startsWith(prefix.text()) && b.text().startsWith(prefix.text()));
            assertNotEquals(a.text(), b.text());
            // the joint is tokenized as a whole: the count is what the tokenizer says, within a token of the ask
            assertTrue(Math.abs(a.tokens() - 60) <= 1, "tokens " + a.tokens());
        }
    }

    @Test
    void withoutATokenizerAPromptIsThatManyWordsAndItsCountUnknown() {
        EndpointPrompts prompts = new EndpointPrompts(CORPUS, null, 1);
        EndpointPrompts.Prompt p = prompts.next(prompts.prefix(0), 25);
        assertEquals(25, p.text().split(" ").length);
        assertEquals(-1, p.tokens());
    }

    @Test
    void lengthsDrawFromTheirDistributions() {
        Well19937c random = new Well19937c(5);
        assertEquals(128, new Lengths("128").draw(random));
        List<Integer> uniform = draws(new Lengths("uniform:10:20"), 2000);
        assertTrue(uniform.stream().allMatch(v -> v >= 10 && v <= 20));
        assertEquals(15, mean(uniform), 0.3);
        assertEquals(128, mean(draws(new Lengths("normal:128:16"), 4000)), 1.5);
        // lognormal: the median is the first figure
        List<Integer> logn = draws(new Lengths("lognormal:100:0.5"), 4001);
        logn.sort(null);
        assertEquals(100, logn.get(2000), 5);
        assertTrue(draws(new Lengths("normal:2:50"), 500).stream().allMatch(v -> v >= 1), "never below 1");
        assertEquals(15, new Lengths("uniform:10:20").nominal());
        assertEquals(20, new Lengths("uniform:10:20").upperBound());
    }

    @Test
    void badLengthsAreRefusedWithWhatIsExpected() {
        for (String bad : List.of("0", "abc", "uniform:20:10", "normal:128", "poisson:3:4", "lognormal:0:1")) {
            assertThrows(IllegalArgumentException.class, () -> new Lengths(bad), bad);
        }
    }

    private static List<Integer> draws(Lengths l, int n) {
        Well19937c random = new Well19937c(11);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(l.draw(random));
        }
        return out;
    }

    private static double mean(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).average().orElseThrow();
    }
}
