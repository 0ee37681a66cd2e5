/**
 * {@code cumulus reproduce}: every figure of the paper (Figs. 1–4, S1, S2) as one {@link
 * cumulus.cli.reproduce.Figure} computing {@link cumulus.cli.reproduce.FigureData} (long CSV) and a
 * PNG (XChart), resumable through per-figure markers, and the summary with the Eq. 11 diagnosis.
 *
 * <p>May import: {@code cumulus.api}, the facade {@code cumulus.plugins}, {@code cumulus.cli}.
 */
package cumulus.cli.reproduce;
