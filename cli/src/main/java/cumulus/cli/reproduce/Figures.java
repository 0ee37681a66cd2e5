package cumulus.cli.reproduce;

import java.util.ArrayList;
import java.util.List;

/** The figures {@code cumulus reproduce} knows, in the paper's order, plus the diagnosis table. */
public final class Figures {
    private Figures() { }

    /** The paper's figures (command-line names). */
    public static List<Figure> paper() {
        return List.of(new Fig1(), new Fig2a(), new Fig2b(), new Fig3a(), new Fig3b(), new Fig3c(), new FigS1(), new Fig4a(), new Fig4b(), new FigS2(), new FigAttractors(), new FigC1());
    }

    /** Every name accepted on the command line: the figures and "diagnosis". */
    public static List<Figure> all() {
        List<Figure> l = new ArrayList<>(paper());
        l.add(new Diagnosis());
        return l;
    }

    public static Figure byName(String name) {
        for (Figure f : all()) if (f.name().equals(name)) return f;
        return null;
    }

    public static List<String> names() { return all().stream().map(Figure::name).toList(); }
}
