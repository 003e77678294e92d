package dev.unitcost.model;

/**
 * A sparse mixture-of-experts MLP (Mixtral): every layer holds {@code experts} SwiGLU MLPs of the
 * architecture's intermediate size and a router; each token runs through {@code expertsPerToken} of them.
 *
 * @param experts {@code num_local_experts}
 * @param expertsPerToken {@code num_experts_per_tok}
 */
public record MixtureOfExperts(int experts, int expertsPerToken) {

    public MixtureOfExperts {
        if (experts < 2 || expertsPerToken < 1 || expertsPerToken > experts) {
            throw new IllegalArgumentException("a mixture of experts needs 2 or more experts and 1 to experts per token, got "
                    + experts + " and " + expertsPerToken);
        }
    }

    /**
     * Experts one layer reads in a decode step of {@code batch} sequences, expected over uniform routing:
     * {@code experts × (1 − (1 − perToken/experts)^batch)}; exactly {@code expertsPerToken} at batch 1.
     */
    public double expectedExpertsRead(int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        return experts * (1 - Math.pow(1 - expertsPerToken / (double) experts, batch));
    }
}
