package cumulus.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code evolve --format csv} is RFC 4180: Apache Commons CSV reads it back with one header field per
 * data field, and the cumulant columns keep their names (K(m1x,m1y) is quoted).
 */
class EvolveCsvReadsBackTest {

    record Table(List<String> header, List<CSVRecord> rows) {
        double value(int row, String column) { return Double.parseDouble(rows.get(row).get(column)); }
    }

    static Table evolve(String... args) throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        String[] all = new String[args.length + 3];
        all[0] = "evolve";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--format";
        all[args.length + 2] = "csv";
        int code = Main.run(all, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(out.toString()))) {
            List<CSVRecord> rows = p.getRecords();
            List<String> header = p.getHeaderNames();
            for (CSVRecord r : rows) assertEquals(header.size(), r.size(), "fields in row " + r.getRecordNumber());
            return new Table(header, rows);
        }
    }

    @Test
    void cumulantColumnsReadBackWithAStandardCsvReader() throws Exception {
        Table t = evolve("btc", "--set", "N=8", "--method", "cumulant2", "--t-end", "1", "--dt", "0.5");
        assertEquals(3, t.rows().size());
        assertTrue(t.header().containsAll(List.of("t", "m1x", "m1y", "m1z", "C_diag", "C_all", "K(m1x,m1y)", "K(m1z,m1z)")), t.header().toString());
        // the product state 'up': <(S^x)^2> = S/2, so K(m1x,m1x) = 1/(2S) = 1/N
        assertEquals(1.0 / 8, t.value(0, "K(m1x,m1x)"), 1e-14);
        assertEquals(0, t.value(0, "K(m1x,m1y)"), 1e-14);
    }

    /**
     * H = ω_x S^x with the Hermitian jump sqrt(γ/S) S^z keeps the degree of every moment, so the first
     * moments close exactly and the order-2 hierarchy is exact at finite N: cumulant2 prints its K and C
     * columns, and they equal the exact engine's ⟨m²⟩ − ⟨m⟩².
     */
    @Test
    void exactlyClosingFirstMomentsStillGetTheirSecondCumulants() throws Exception {
        Table c = evolve("dephasing", "--set", "N=6", "--method", "cumulant2", "--t-end", "2", "--dt", "0.5");
        Table e = evolve("dephasing", "--set", "N=6", "--method", "exact", "--t-end", "2", "--dt", "0.5");
        assertTrue(c.header().containsAll(List.of("C_diag", "C_all", "K(m1x,m1x)", "K(m1y,m1y)", "K(m1z,m1z)")), c.header().toString());
        assertEquals(e.rows().size(), c.rows().size());
        for (int i = 0; i < c.rows().size(); i++) {
            double cDiag = 0;
            for (String a : new String[]{"m1x", "m1y", "m1z"}) {
                double k = e.value(i, a + "_sq") - e.value(i, a) * e.value(i, a);
                assertEquals(k, c.value(i, "K(" + a + "," + a + ")"), 1e-9, "K(" + a + "," + a + ") at row " + i);
                cDiag += k;
            }
            assertEquals(e.value(i, "C_diag"), c.value(i, "C_diag"), 1e-9, "C_diag at row " + i);
            assertEquals(cDiag, c.value(i, "C_diag"), 1e-9);
        }
    }
}
