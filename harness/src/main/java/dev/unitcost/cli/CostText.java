package dev.unitcost.cli;

import dev.unitcost.cost.BillComparison;
import dev.unitcost.cost.TextPrices;
import dev.unitcost.cost.TokenCosts;
import dev.unitcost.cost.Workload;
import dev.unitcost.model.OpenAiTokenizers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code cost --text FILE}: counts the text in each side's tokenizer (or the stated stand-in) for {@link TextPrices}. */
final class CostText {

    private CostText() {}

    static TextPrices prices(String text, String file, String apiModel, BillComparison.ApiPrices api, BillComparison bill, Workload w) {
        long characters = TextPrices.characters(text);
        long words = TextPrices.words(text);
        double ratio = w.inputPerOutput().orElse(TokenCosts.CONVENTIONAL_INPUT_PER_OUTPUT);
        List<TextPrices.Line> lines = new ArrayList<>();
        Optional<String> own = apiModel == null ? Optional.empty() : OpenAiTokenizers.encodingFor(apiModel);
        String apiEncoding = own.orElse(OpenAiTokenizers.STAND_IN);
        BigDecimal apiBlend = TokenCosts.blend(api.usdPerMillionInput(), Optional.ofNullable(api.usdPerMillionOutput()), ratio);
        lines.add(TextPrices.line("API", apiModel != null ? apiModel : "given on the command line", apiEncoding, own.isPresent(),
                OpenAiTokenizers.count(apiEncoding, text), apiBlend, characters, words));
        bill.self().ifPresent(self -> lines.add(TextPrices.line("self-hosted", self.throughput().label(), OpenAiTokenizers.STAND_IN, false,
                OpenAiTokenizers.count(OpenAiTokenizers.STAND_IN, text), self.prices().usdPerMillionBlended(), characters, words)));
        return new TextPrices(file, characters, words, TextPrices.unspacedLetterShare(text), lines);
    }
}
