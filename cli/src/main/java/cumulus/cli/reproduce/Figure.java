package cumulus.cli.reproduce;

import java.nio.file.Path;

/**
 * One of the paper's figures: computes its data in the given mode and plots it. Implementations
 * are small and stateless; {@link ReproduceCommand} handles files, markers and the summary.
 */
public interface Figure {
    /** The figure's name on the command line and in file names: fig1, fig2a, ... */
    String name();

    /** One line saying what the figure shows (the paper's caption, shortened). */
    String caption();

    /** Computes every curve and the key numbers. */
    FigureData compute(Mode mode, Context ctx);

    /** Writes the PNG (atomically). */
    default void plot(FigureData data, Path png) { Plots.writePng(data, png); }
}
