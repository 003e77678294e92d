package dev.unitcost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitcost.TestModels;
import dev.unitcost.TestProject;
import dev.unitcost.model.EncoderLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an encoder cannot take is refused before anything runs, in our words, not the runtime's. */
class ModelLimitsTest {

    @TempDir
    Path dir;

    @Test
    void theRealMiniLmHas512PositionsAndABertVocabulary() {
        EncoderLimits limits = EncoderLimits.of(TestModels.miniLm().onnxFile());
        assertEquals(512, limits.maxPositions().getAsInt());
        assertEquals(30522, limits.vocabSize().getAsInt());
    }

    CliRunner.Outcome run(Path project, String... extra) {
        String[] base = {"run", "--project-dir", project.toString(), "--results-dir", dir.resolve("results").toString(), "--quiet",
            "--hardware", "test-cpu"};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRunner.run(args);
    }

    @Test
    void aSequenceLongerThanThePositionEmbeddingsIsRefused() throws IOException {
        Path project = TestProject.create(dir.resolve("project"));
        CliRunner.Outcome o = run(project, "--workload", "tiny", "--sequence-length", "600");
        assertEquals(2, o.exitCode(), o.err());
        assertEquals("unitcost: --sequence-length: 600 tokens per sequence is beyond the 512 positions all-minilm-l6-v2-q.onnx has "
                + "embeddings for", o.err().strip());
        assertEquals(0, TestProject.fileCount(dir.resolve("results")), "nothing measured, nothing written");
    }

    @Test
    void aWorkloadFileAskingTooMuchIsNamed() throws IOException {
        Path project = TestProject.create(dir.resolve("project"));
        Path workload = project.resolve("profiles/workloads/long.yaml");
        Files.writeString(workload, Files.readString(project.resolve("profiles/workloads/tiny.yaml"))
                .replace("name: tiny", "name: long").replace("sequenceLength: 32", "sequenceLength: 1024"));
        CliRunner.Outcome o = run(project, "--workload", "long");
        assertEquals(2, o.exitCode(), o.err());
        assertTrue(o.err().strip().startsWith("unitcost: " + workload + ": sequenceLength: 1024 tokens per sequence is beyond the 512"),
                o.err());
    }
}
