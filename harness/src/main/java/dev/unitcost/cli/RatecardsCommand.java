package dev.unitcost.cli;

import dev.unitcost.InputException;
import dev.unitcost.config.LiteLlmImporter;
import dev.unitcost.config.Profiles;
import dev.unitcost.config.ProjectLayout;
import dev.unitcost.config.RateCardFiles;
import dev.unitcost.cost.RateCard;
import dev.unitcost.cost.RateCards;
import dev.unitcost.report.Table;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code unitcost ratecards}: import and list API rate cards. */
@Command(
        name = "ratecards",
        mixinStandardHelpOptions = true,
        description = "Import API prices from machine-readable sources, and list the rate cards.",
        subcommands = {RatecardsCommand.Import.class, RatecardsCommand.ListCards.class})
public final class RatecardsCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code unitcost ratecards import litellm FILE}. */
    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Convert LiteLLM's model_prices_and_context_window.json (USD per token) into rate cards (USD per 1M",
                "tokens), one file per provider. Chat and embedding entries only. Entries without a usable input price",
                "(or, for chat, output price) are skipped; implausible prices (over 10x the median of the provider's",
                "other models of the same mode, or a chat model priced zero) are written with a 'flag' and listed.",
                "Files are written only when the whole import succeeds."
            })
    static final class Import implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SOURCE", description = "the format: litellm")
        String source;

        @Parameters(index = "1", paramLabel = "FILE", description = "the JSON file")
        Path file;

        @Option(names = "--out", paramLabel = "DIR",
                description = "where the cards go (default: profiles/ratecards/litellm/, kept apart from the hand-written cards)")
        Path out;

        @Option(names = "--as-of", paramLabel = "DATE",
                description = "the date the prices were true (default: the file's last_updated, else today)")
        LocalDate asOf;

        @Option(names = "--project-dir", paramLabel = "DIR", hidden = true)
        Path projectDir;

        @Override
        public Integer call() {
            if (!"litellm".equals(source)) {
                throw InputException.option("SOURCE", "expected litellm, got '" + source + "'");
            }
            ProjectLayout layout = CliChecks.layout(projectDir);
            Path dir = out != null ? out : layout.ratecards().resolve("litellm");
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            LiteLlmImporter.Outcome o = LiteLlmImporter.convert(file, asOf, today);
            String header = "Imported by 'unitcost ratecards import litellm' from " + file.getFileName() + " on " + today
                    + ".\nUSD per 1M tokens; null = not given by the source. Entries with a 'flag' looked implausible: check them.";
            List<Path> written = RateCardFiles.write(o.cards(), dir, header);
            PrintWriter w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "imported %d entries into %d provider files under %s (asOf %s, imported %s)%n",
                    o.imported(), written.size(), dir, o.cards().isEmpty() ? "-" : o.cards().get(0).asOf(), today);
            w.printf(Locale.ROOT, "flagged %d (written with a flag; check before relying on them)%n", o.flagged().size());
            for (LiteLlmImporter.Flagged f : o.flagged()) {
                w.printf(Locale.ROOT, "  flagged %s/%s: %s%n", f.provider(), f.model(), f.flag());
            }
            w.printf(Locale.ROOT, "skipped %d (cannot be priced)%n", o.skipped().size());
            for (LiteLlmImporter.Skipped s : o.skipped()) {
                w.printf(Locale.ROOT, "  skipped %s: %s%n", s.key(), s.reason());
            }
            w.printf(Locale.ROOT, "left out %d entries of other modes: %s%n", o.otherModesTotal(), o.otherModes());
            w.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code unitcost ratecards list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List API prices (USD per 1M tokens) from the rate cards.")
    static final class ListCards implements Callable<Integer> {

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--provider", paramLabel = "P", description = "only this provider")
        String provider;

        @Option(names = "--mode", paramLabel = "chat|embedding", description = "only this mode")
        String mode;

        @Option(names = "--ratecards", paramLabel = "DIR", description = "rate card directory (default: profiles/ratecards/)")
        Path ratecards;

        @Option(names = "--project-dir", paramLabel = "DIR", hidden = true)
        Path projectDir;

        @Override
        public Integer call() {
            if (mode != null && !List.of("chat", "embedding").contains(mode)) {
                throw InputException.option("--mode", "expected chat or embedding, got '" + mode + "'");
            }
            RateCards cards = new Profiles(CliChecks.layout(projectDir)).rateCatalog(ratecards);
            if (provider != null && cards.cards().stream().noneMatch(c -> c.provider().equals(provider))) {
                throw InputException.option("--provider", "no rate card for '" + provider + "'; known: "
                        + String.join(", ", cards.cards().stream().map(RateCard::provider).distinct().toList()));
            }
            Table table = new Table(List.of("provider", "model", "mode", "input", "output", "cached in", "batch in", "batch out",
                "context", "asOf", "flag"), List.of(false, false, false, true, true, true, true, true, true, false, false));
            int listed = 0;
            for (RateCards.Entry e : cards.entries()) {
                if ((provider == null || provider.equals(e.card().provider())) && (mode == null || mode.equals(e.price().mode()))) {
                    RateCard.ApiPrice p = e.price();
                    listed++;
                    table.row(e.card().provider(), p.model(), p.mode(), usd(p.input()), usd(p.output()),
                        usd(p.cachedInput()), usd(p.batchInput()), usd(p.batchOutput()),
                        p.contextWindow() == null ? "-" : String.format(Locale.ROOT, "%,d", p.contextWindow()),
                        e.card().asOf().toString(), p.flag() == null ? "" : "FLAGGED: " + p.flag());
                }
            }
            PrintWriter w = spec.commandLine().getOut();
            w.print(table.text());
            w.printf(Locale.ROOT, "%d models; USD per 1M tokens; '-' = not offered or not known%n", listed);
            w.flush();
            return ExitCodes.OK;
        }

        private static String usd(BigDecimal v) {
            return v == null ? "-" : v.toPlainString();
        }
    }
}
