package dev.unitcost.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.unitcost.metrics.Spread;
import dev.unitcost.result.ResultStore.HistoryEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The results history: one row per stored run in {@code DIR/history.db} (SQLite), indexed by its
 * {@link Fingerprint}, with the run's headline figures. The JSON reports stay the source of truth;
 * this is an index over them that answers "what did the same setup measure before" without opening
 * every report.
 *
 * <p>Durability: the database runs in WAL mode with full sync, and every insert is one
 * {@code BEGIN IMMEDIATE} transaction, so a process killed mid-write leaves every committed run
 * intact and the one in flight absent. Several processes may write at once: a writer waits up to
 * {@link #BUSY_TIMEOUT_MILLIS} for another's transaction to end.
 *
 * <p>On open, lines of an older {@code DIR/index.jsonl} not yet imported are imported (the reports
 * they name are read where they still exist), and the database records how many lines it has taken,
 * so no line is imported twice. The index file is left as it is.
 *
 * <p>Lifecycle: {@link #open} holds one connection until {@link #close}; not for use by several
 * threads at once (open one per thread).
 */
public final class History implements AutoCloseable {

    /** The database's file name in the results directory. */
    public static final String FILE = "history.db";
    /** How long a writer waits for another process's transaction. */
    public static final int BUSY_TIMEOUT_MILLIS = 30_000;
    static final String INDEX = "index.jsonl";
    private static final String INDEX_LINES_IMPORTED = "index.jsonl lines imported";
    private static final String COLUMNS = "run_id, started_at, started_epoch_ms, task, model, engine, hardware_profile, file, "
            + "best_tokens_per_second, workload, usd_per_million_3to1, joules_per_token, fingerprint, model_sha256, runtime_version, "
            + "cpu_model, logical_cpus, gpu_names, fingerprint_hardware_profile";

    private final Path dir;
    private final Connection db;

    private History(Path dir, Connection db) {
        this.dir = dir;
        this.db = db;
    }

    /**
     * Opens (creating when absent) the history of the reports in {@code resultsDir}, and imports
     * what {@code resultsDir/index.jsonl} holds that it has not imported yet.
     *
     * @throws UncheckedIOException when the database cannot be opened or written
     */
    public static History open(Path resultsDir) {
        try {
            Files.createDirectories(resultsDir);
            Properties settings = new Properties();
            settings.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MILLIS));
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + resultsDir.resolve(FILE).toAbsolutePath(), settings);
            History h = new History(resultsDir, c);
            try {
                h.prepare();
                IndexMigration.importNewLines(h, resultsDir.resolve(INDEX));
            } catch (SQLException | RuntimeException e) {
                h.close();
                throw e;
            }
            return h;
        } catch (SQLException e) {
            throw failure("cannot open the results history in " + resultsDir, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the results history in " + resultsDir, e);
        }
    }

    /**
     * Opens the history of {@code resultsDir} when it has one ({@value #FILE} exists); empty, and
     * nothing created, when it has none.
     *
     * @throws UncheckedIOException when the database exists but cannot be opened
     */
    public static Optional<History> openExisting(Path resultsDir) {
        return Files.isRegularFile(resultsDir.resolve(FILE)) ? Optional.of(open(resultsDir)) : Optional.empty();
    }

    private void prepare() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = FULL");
        }
        inTransaction(() -> {
            try (Statement s = db.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS runs (run_id TEXT PRIMARY KEY, started_at TEXT NOT NULL, "
                        + "started_epoch_ms INTEGER NOT NULL, task TEXT, model TEXT, engine TEXT, hardware_profile TEXT, file TEXT NOT NULL, "
                        + "best_tokens_per_second REAL, workload TEXT, usd_per_million_3to1 TEXT, joules_per_token REAL, fingerprint TEXT, "
                        + "model_sha256 TEXT, runtime_version TEXT, cpu_model TEXT, logical_cpus INTEGER, gpu_names TEXT, "
                        + "fingerprint_hardware_profile TEXT)");
                s.execute("CREATE INDEX IF NOT EXISTS runs_by_fingerprint ON runs (fingerprint, started_epoch_ms)");
                s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS gates (id INTEGER PRIMARY KEY AUTOINCREMENT, candidate_run_id TEXT NOT NULL, "
                        + "baseline TEXT NOT NULL, verdict TEXT NOT NULL, exit_code INTEGER NOT NULL, regressed_figures TEXT NOT NULL, "
                        + "history_runs INTEGER, decided_at TEXT NOT NULL, decided_epoch_ms INTEGER NOT NULL)");
                s.execute("CREATE INDEX IF NOT EXISTS gates_by_candidate ON gates (candidate_run_id, decided_epoch_ms)");
            }
            return null;
        });
    }

    /**
     * Records a stored report, in one transaction; a run already recorded is replaced (a report saved
     * again under its run id).
     *
     * @param file where the report is; kept relative to the results directory when it lies inside it
     */
    public void add(RunReport report, Path file) {
        HistoryEntry e = entryOf(report, relative(file));
        try {
            inTransaction(() -> {
                insert(e, "INSERT OR REPLACE");
                return null;
            });
        } catch (SQLException ex) {
            throw failure("cannot record run " + report.runId() + " in " + dir.resolve(FILE), ex);
        }
    }

    /** Every recorded run, oldest first (by start time, then run id). */
    public List<HistoryEntry> entries() {
        return query("SELECT " + COLUMNS + " FROM runs ORDER BY started_epoch_ms, run_id", null);
    }

    /** The report file of the newest run with this fingerprint whose file still exists; empty when none. */
    public Optional<Path> last(Fingerprint fingerprint) {
        return lastN(fingerprint, 1).stream().findFirst();
    }

    /**
     * The report files of the newest {@code n} runs with this fingerprint whose files still exist,
     * newest first; fewer when the history has fewer.
     *
     * @throws IllegalArgumentException when {@code n} is below 1
     */
    public List<Path> lastN(Fingerprint fingerprint, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        List<Path> files = new ArrayList<>();
        for (HistoryEntry e : query("SELECT " + COLUMNS + " FROM runs WHERE fingerprint = ? ORDER BY started_epoch_ms DESC, run_id DESC",
                fingerprint.key())) {
            Path file = dir.resolve(e.file());
            if (Files.isRegularFile(file)) {
                files.add(file);
                if (files.size() == n) {
                    break;
                }
            }
        }
        return files;
    }

    /**
     * Records what the gate decided about a recorded run, in one transaction, beside any earlier
     * outcome for it (compare may judge a run more than once). A run the history does not hold is
     * not recorded.
     *
     * @return whether it was recorded: false when no run {@code candidateRunId} is in the history
     */
    public boolean recordGate(String candidateRunId, GateOutcome outcome) {
        try {
            return inTransaction(() -> {
                try (PreparedStatement known = db.prepareStatement("SELECT 1 FROM runs WHERE run_id = ?")) {
                    known.setString(1, candidateRunId);
                    try (ResultSet r = known.executeQuery()) {
                        if (!r.next()) {
                            return false;
                        }
                    }
                }
                try (PreparedStatement p = db.prepareStatement("INSERT INTO gates (candidate_run_id, baseline, verdict, exit_code, "
                        + "regressed_figures, history_runs, decided_at, decided_epoch_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    p.setString(1, candidateRunId);
                    p.setString(2, outcome.baseline());
                    p.setString(3, outcome.verdict().name());
                    p.setInt(4, outcome.exitCode());
                    p.setString(5, ReportJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(outcome.regressedFigures()));
                    if (outcome.historyRuns() == null) {
                        p.setNull(6, Types.INTEGER);
                    } else {
                        p.setInt(6, outcome.historyRuns());
                    }
                    p.setString(7, outcome.decidedAt().toString());
                    p.setLong(8, outcome.decidedAt().toEpochMilli());
                    p.executeUpdate();
                } catch (JsonProcessingException ex) {
                    throw new IllegalStateException("a list of lines always writes as JSON", ex);
                }
                return true;
            });
        } catch (SQLException e) {
            throw failure("cannot record the gate outcome of run " + candidateRunId + " in " + dir.resolve(FILE), e);
        }
    }

    /** Every recorded gate outcome, oldest first (by when it was decided, then by when it was recorded). */
    public List<GateOutcome.Recorded> gates() {
        try (PreparedStatement p = db.prepareStatement("SELECT candidate_run_id, baseline, verdict, exit_code, regressed_figures, "
                + "history_runs, decided_at FROM gates ORDER BY decided_epoch_ms, id");
                ResultSet r = p.executeQuery()) {
            List<GateOutcome.Recorded> out = new ArrayList<>();
            while (r.next()) {
                List<String> figures;
                try {
                    figures = ReportJson.mapper().readValue(r.getString("regressed_figures"), new TypeReference<List<String>>() {});
                } catch (IOException e) {
                    throw new SQLException("regressed_figures of a gate on run " + r.getString("candidate_run_id") + " is not a JSON list", e);
                }
                int historyRuns = r.getInt("history_runs");
                Integer history = r.wasNull() ? null : historyRuns;
                out.add(new GateOutcome.Recorded(r.getString("candidate_run_id"), new GateOutcome(r.getString("baseline"),
                        GateOutcome.Verdict.valueOf(r.getString("verdict")), r.getInt("exit_code"), figures, history,
                        Instant.parse(r.getString("decided_at")))));
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot read the gate outcomes in " + dir.resolve(FILE), e);
        }
    }

    /** The history line of a report stored as {@code file} (relative to the results directory). */
    static HistoryEntry entryOf(RunReport report, String file) {
        RunHeader h = report.header();
        Fingerprint f = Fingerprint.of(report);
        var points = report.result().pricePoints(report.runId());
        Double best = null;
        if (!points.isEmpty()) {
            var throughput = report.bestThroughput();
            var out = throughput.outputTokensPerSecond();
            Double priced = out.isPresent() ? out.getAsDouble() : throughput.inputTokensPerSecond();
            best = report.result().match(new TaskResult.Cases<Double>() {
                @Override
                public Double embedding(EmbeddingResult r) {
                    return priced;
                }

                @Override
                public Double generation(GenerationResult r) {
                    return priced;
                }

                /** The highest measured output rate: an endpoint's priced rates are busy-time shares, not what was seen. */
                @Override
                public Double endpoint(EndpointResult r) {
                    return r.points().stream().filter(EndpointPoint::ok).map(EndpointPoint::outputTokensPerSecond)
                            .filter(java.util.Objects::nonNull).mapToDouble(Spread::median).max().stream().boxed().findFirst()
                            .orElse(priced);
                }
            });
        }
        BigDecimal usd = report.cost() == null ? null : report.cost().best().usdPerMillionBlended3to1();
        Double joules = h.energy() != null && h.energy().joulesPerToken().isPresent() ? h.energy().joulesPerToken().getAsDouble() : null;
        String hardware = report.cost() != null ? report.cost().hardware().name() : h.config() == null ? null : h.config().hardwareProfile();
        return new HistoryEntry(report.runId(), h.startedAt().toString(), report.result().kind(), h.model() == null ? null : h.model().name(),
                f.engine(), hardware, file, best, f.workload(), usd, joules, f);
    }

    /** Runs {@code body} in one {@code BEGIN IMMEDIATE} transaction: committed whole or not at all. */
    <T> T inTransaction(SqlBody<T> body) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
        boolean committed = false;
        try {
            T value = body.run();
            try (Statement s = db.createStatement()) {
                s.execute("COMMIT");
            }
            committed = true;
            return value;
        } finally {
            if (!committed) {
                try (Statement s = db.createStatement()) {
                    s.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // the transaction was already rolled back by SQLite; the original failure propagates
                }
            }
        }
    }

    /** Something done inside a transaction. */
    @FunctionalInterface
    interface SqlBody<T> {
        T run() throws SQLException;
    }

    /** Inserts one line ({@code verb} is {@code INSERT OR REPLACE} or {@code INSERT OR IGNORE}); the caller holds the transaction. */
    void insert(HistoryEntry e, String verb) throws SQLException {
        String values = "?" + ", ?".repeat(COLUMNS.split(",").length - 1);
        try (PreparedStatement p = db.prepareStatement(verb + " INTO runs (" + COLUMNS + ") VALUES (" + values + ")")) {
            Fingerprint f = e.fingerprint();
            p.setString(1, e.runId());
            p.setString(2, e.startedAt());
            p.setLong(3, Instant.parse(e.startedAt()).toEpochMilli());
            p.setString(4, e.task());
            p.setString(5, e.model());
            p.setString(6, e.engine());
            p.setString(7, e.hardwareProfile());
            p.setString(8, e.file());
            setDouble(p, 9, e.bestTokensPerSecond());
            p.setString(10, e.workload());
            p.setString(11, e.usdPerMillion3to1() == null ? null : e.usdPerMillion3to1().toPlainString());
            setDouble(p, 12, e.joulesPerToken());
            p.setString(13, f == null ? null : f.key());
            p.setString(14, f == null ? null : f.modelSha256());
            p.setString(15, f == null ? null : f.runtimeVersion());
            p.setString(16, f == null ? null : f.cpuModel());
            if (f == null) {
                p.setNull(17, Types.INTEGER);
            } else {
                p.setInt(17, f.logicalCpus());
            }
            p.setString(18, f == null ? null
                    : ReportJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(f.gpuNames()));
            p.setString(19, f == null ? null : f.hardwareProfile());
            p.executeUpdate();
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a list of names always writes as JSON", ex);
        }
    }

    String meta(String key) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            p.setString(1, key);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    void setMeta(String key, String value) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)")) {
            p.setString(1, key);
            p.setString(2, value);
            p.executeUpdate();
        }
    }

    /** How many lines of {@code index.jsonl} have been imported (0 before the first import). */
    int indexLinesImported() throws SQLException {
        String v = meta(INDEX_LINES_IMPORTED);
        return v == null ? 0 : Integer.parseInt(v);
    }

    void setIndexLinesImported(int lines) throws SQLException {
        setMeta(INDEX_LINES_IMPORTED, Integer.toString(lines));
    }

    Path dir() {
        return dir;
    }

    /** {@code PRAGMA integrity_check}: {@code ok} when the file is sound. */
    public String integrityCheck() {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            List<String> lines = new ArrayList<>();
            while (r.next()) {
                lines.add(r.getString(1));
            }
            return String.join("\n", lines);
        } catch (SQLException e) {
            throw failure("cannot check " + dir.resolve(FILE), e);
        }
    }

    private List<HistoryEntry> query(String sql, String parameter) {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            if (parameter != null) {
                p.setString(1, parameter);
            }
            List<HistoryEntry> out = new ArrayList<>();
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(row(r));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot read " + dir.resolve(FILE), e);
        }
    }

    private static HistoryEntry row(ResultSet r) throws SQLException {
        String key = r.getString("fingerprint");
        Fingerprint f = null;
        if (key != null) {
            List<String> gpus;
            try {
                gpus = ReportJson.mapper().readValue(r.getString("gpu_names"), new TypeReference<List<String>>() {});
            } catch (IOException e) {
                throw new SQLException("gpu_names of run " + r.getString("run_id") + " is not a JSON list", e);
            }
            f = new Fingerprint(r.getString("model_sha256"), r.getString("engine"), r.getString("runtime_version"), r.getString("cpu_model"),
                    r.getInt("logical_cpus"), gpus, r.getString("workload"), r.getString("fingerprint_hardware_profile"));
        }
        String usd = r.getString("usd_per_million_3to1");
        return new HistoryEntry(r.getString("run_id"), r.getString("started_at"), r.getString("task"), r.getString("model"),
                r.getString("engine"), r.getString("hardware_profile"), r.getString("file"), getDouble(r, "best_tokens_per_second"),
                r.getString("workload"), usd == null ? null : new BigDecimal(usd), getDouble(r, "joules_per_token"), f);
    }

    private String relative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = dir.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
    }

    private static void setDouble(PreparedStatement p, int index, Double value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.REAL);
        } else {
            p.setDouble(index, value);
        }
    }

    private static Double getDouble(ResultSet r, String column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? null : v;
    }

    static UncheckedIOException failure(String message, SQLException e) {
        return new UncheckedIOException(message + ": " + e.getMessage(), new IOException(e));
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw failure("cannot close " + dir.resolve(FILE), e);
        }
    }
}
