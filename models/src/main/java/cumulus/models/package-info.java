/**
 * The paper's systems as {@code cumulus.api.ModelPlugin}s (SPEC.md's names and defaults), one small
 * class each, found by {@link java.util.ServiceLoader}; the counter-models {@code btc-pair-unscaled}
 * and {@code dicke-unscaled} drop a scaling on purpose for {@code verify-mf}.
 *
 * <p>May import: {@code cumulus.api} only.
 */
package cumulus.models;
