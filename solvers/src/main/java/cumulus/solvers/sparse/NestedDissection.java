package cumulus.solvers.sparse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fill-reducing nested-dissection ordering computed from the sparsity graph alone
 * (the pattern of A + A<sup>T</sup>).
 *
 * <p>Algorithm: George, "Nested dissection of a regular finite element mesh", SIAM J. Numer. Anal. 10 (1973),
 * generalised to arbitrary graphs as in George &amp; Liu, "Computer Solution of Large Sparse Positive Definite
 * Systems" (1981), ch. 8: each connected part is bisected by a middle level of a rooted level structure (BFS)
 * grown from a pseudo-peripheral node (Gibbs–Poole–Stockmeyer search); the separator is then thinned by moving
 * separator vertices that touch only one side into that side. Parts are ordered recursively, separators last.
 * Small parts become leaves (ordered naturally). Before dissection, indistinguishable vertices (identical closed
 * adjacency) and, more generally, pairs of vertices sharing at least 3/4 of their closed neighbourhoods can first
 * be merged into weighted super-vertices (graph compression in the spirit of Ashcraft, and the matching-based
 * coarsening of Karypis &amp; Kumar); this is optional ({@code -Dcumulus.sparse.compress=true}).
 *
 * <p>The result is a permutation plus the separator tree in postorder, which {@link SparseLU} uses as its
 * assembly tree: every tree node owns a contiguous range of the new ordering.
 */
final class NestedDissection {

    private static final boolean DEBUG = Boolean.getBoolean("cumulus.sparse.debug");
    /**
     * Pair coarsening before dissection. Off by default: Hermitian-basis Liouvillians of collective spins have no
     * such pairs (their symmetric and antisymmetric parts live on the two decoupled parity sublattices).
     */
    /** Separator level choice: each side must hold at least BAL of the weight; score = size * (1 + IMB * imbalance). */
    static final double BAL = Double.parseDouble(System.getProperty("cumulus.sparse.bal", "0.3"));
    static final double IMB = Double.parseDouble(System.getProperty("cumulus.sparse.imb", "0.5"));
    static final boolean COMPRESS = Boolean.parseBoolean(System.getProperty("cumulus.sparse.compress", "false"));

    /** perm[newPos] = old index. */
    final int[] perm;
    /** Tree nodes in postorder: range [start, end) of the new ordering, parent (-1 for a root). */
    final int[] start, end, parent;
    final int nodes;

    private NestedDissection(int[] perm, int[] start, int[] end, int[] parent, int nodes) {
        this.perm = perm; this.start = start; this.end = end; this.parent = parent; this.nodes = nodes;
    }

    /** Symmetric adjacency (no self loops) in CSR form. */
    static final class Graph {
        final int n; final int[] xadj, adj; final int[] weight;
        Graph(int n, int[] xadj, int[] adj, int[] weight) { this.n = n; this.xadj = xadj; this.adj = adj; this.weight = weight; }
    }

    /** Pattern of A + A^T without the diagonal, from CSC arrays. */
    static Graph symmetricPattern(int n, int[] colPtr, int[] rowIdx) {
        int[] deg = new int[n];
        for (int j = 0; j < n; j++)
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                int i = rowIdx[p];
                if (i != j) { deg[i]++; deg[j]++; }
            }
        int[] xadj = new int[n + 1];
        for (int i = 0; i < n; i++) xadj[i + 1] = xadj[i] + deg[i];
        int[] adj = new int[xadj[n]];
        int[] fill = Arrays.copyOf(xadj, n);
        for (int j = 0; j < n; j++)
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                int i = rowIdx[p];
                if (i != j) { adj[fill[i]++] = j; adj[fill[j]++] = i; }
            }
        // sort and dedupe each list
        int[] nx = new int[n + 1];
        int w = 0;
        for (int i = 0; i < n; i++) {
            int a = xadj[i], b = xadj[i + 1];
            Arrays.sort(adj, a, b);
            nx[i] = w;
            int last = -1;
            for (int p = a; p < b; p++) if (adj[p] != last) { last = adj[p]; adj[w++] = last; }
        }
        nx[n] = w;
        int[] weight = new int[n];
        Arrays.fill(weight, 1);
        return new Graph(n, nx, Arrays.copyOf(adj, w), weight);
    }

    static NestedDissection order(int n, int[] colPtr, int[] rowIdx, int leafSize) {
        return order(n, colPtr, rowIdx, leafSize, COMPRESS);
    }

    static NestedDissection order(int n, int[] colPtr, int[] rowIdx, int leafSize, boolean compress) {
        long t0 = System.nanoTime();
        Graph g = symmetricPattern(n, colPtr, rowIdx);
        long t1 = System.nanoTime();
        // --- compression of indistinguishable vertices ---
        int[] rep = new int[n];           // vertex -> super-vertex id
        int ns = compress ? compress(g, rep) : n;
        int[][] members;
        Graph cg;
        if (ns < n) {
            int[] cnt = new int[ns];
            for (int v = 0; v < n; v++) cnt[rep[v]]++;
            members = new int[ns][];
            for (int s = 0; s < ns; s++) members[s] = new int[cnt[s]];
            Arrays.fill(cnt, 0);
            for (int v = 0; v < n; v++) members[rep[v]][cnt[rep[v]]++] = v;
            cg = quotient(g, rep, ns, members);
        } else {
            members = null;
            cg = g;
        }
        long t2 = System.nanoTime();
        NestedDissection nd = new Builder(cg, leafSize).run();
        if (DEBUG) System.err.printf("ordering: pattern %.2fs, compress %d -> %d %.2fs, dissection %.2fs%n",
                (t1 - t0) * 1e-9, n, ns, (t2 - t1) * 1e-9, (System.nanoTime() - t2) * 1e-9);
        if (members == null) return nd;
        // expand super-vertices
        int[] perm = new int[n];
        int[] posOfSuper = new int[ns + 1];
        int w = 0;
        int[] newStartOfOld = new int[ns + 1];
        for (int p = 0; p < ns; p++) {
            newStartOfOld[p] = w;
            for (int v : members[nd.perm[p]]) perm[w++] = v;
        }
        newStartOfOld[ns] = w;
        int[] st = new int[nd.nodes], en = new int[nd.nodes];
        for (int t = 0; t < nd.nodes; t++) { st[t] = newStartOfOld[nd.start[t]]; en[t] = newStartOfOld[nd.end[t]]; }
        return new NestedDissection(perm, st, en, Arrays.copyOf(nd.parent, nd.nodes), nd.nodes);
    }

    /**
     * Coarsening by pairing: every vertex is matched with the unmatched vertex (adjacent or at distance two) that
     * shares the largest part of its closed neighbourhood, if that share is at least 3/4. Indistinguishable
     * pairs are thus always merged. Any grouping is admissible for dissection: a separator of the quotient graph
     * expands to a separator of the original graph. Returns the number of groups; rep[v] = group of v.
     */
    private static int compress(Graph g, int[] rep) {
        int n = g.n;
        Arrays.fill(rep, -1);
        int[] count = new int[n];
        int[] touched = new int[64];
        int ns = 0;
        for (int v = 0; v < n; v++) {
            if (rep[v] >= 0) continue;
            int dv = g.xadj[v + 1] - g.xadj[v] + 1;
            int nt = 0;
            // count, for each candidate w, |N[v] ∩ N[w]| by walking u ∈ N[v], w ∈ N[u]
            for (int pu = g.xadj[v] - 1; pu < g.xadj[v + 1]; pu++) {
                int u = pu < g.xadj[v] ? v : g.adj[pu];
                for (int pw = g.xadj[u] - 1; pw < g.xadj[u + 1]; pw++) {
                    int w = pw < g.xadj[u] ? u : g.adj[pw];
                    if (w == v || rep[w] >= 0) continue;
                    if (count[w]++ == 0) {
                        if (nt == touched.length) touched = Arrays.copyOf(touched, 2 * nt);
                        touched[nt++] = w;
                    }
                }
            }
            int best = -1; double bs = 0.75;
            for (int k = 0; k < nt; k++) {
                int w = touched[k];
                int dw = g.xadj[w + 1] - g.xadj[w] + 1;
                double sc = count[w] / (double) Math.max(dv, dw);
                if (sc >= bs && (best < 0 || sc > bs || w < best)) { if (sc > bs || best < 0) { bs = sc; best = w; } }
                count[w] = 0;
            }
            rep[v] = ns;
            if (best >= 0) rep[best] = ns;
            ns++;
        }
        return ns;
    }

    private static Graph quotient(Graph g, int[] rep, int ns, int[][] members) {
        int[] xadj = new int[ns + 1];
        int[] mark = new int[ns];
        Arrays.fill(mark, -1);
        int[] tmp = new int[16];
        List<int[]> lists = new ArrayList<>(ns);
        int total = 0;
        for (int s = 0; s < ns; s++) {
            int c = 0;
            mark[s] = s;
            for (int v : members[s])
                for (int p = g.xadj[v]; p < g.xadj[v + 1]; p++) {
                    int t = rep[g.adj[p]];
                    if (mark[t] != s) {
                        mark[t] = s;
                        if (c == tmp.length) tmp = Arrays.copyOf(tmp, 2 * c);
                        tmp[c++] = t;
                    }
                }
            int[] l = Arrays.copyOf(tmp, c);
            Arrays.sort(l);
            lists.add(l);
            total += c;
        }
        int[] adj = new int[total];
        int w = 0;
        for (int s = 0; s < ns; s++) {
            xadj[s] = w;
            int[] l = lists.get(s);
            System.arraycopy(l, 0, adj, w, l.length);
            w += l.length;
        }
        xadj[ns] = w;
        int[] weight = new int[ns];
        for (int s = 0; s < ns; s++) weight[s] = members[s].length;
        return new Graph(ns, xadj, adj, weight);
    }

    /** Recursive dissection on a (possibly weighted) graph. */
    private static final class Builder {
        final Graph g;
        final int leafSize;
        final int[] perm;
        int pos = 0;
        int[] start = new int[64], end = new int[64], parent = new int[64];
        int nodes = 0;
        final int[] part;      // part label of each vertex; -1 once ordered
        final java.util.concurrent.atomic.AtomicInteger labels;
        /** Whether one split may still be handed to a second thread (only once, at the top of the tree). */
        boolean allowParallel;
        int[] level;           // BFS level scratch (all -1 outside a BFS in progress)
        int[] queue;
        /** A second level structure, for {@link #betterEnd}: swapped with level/queue, never copied. */
        int[] level2, queue2;

        Builder(Graph g, int leafSize) {
            this(g, leafSize, new int[g.n], new java.util.concurrent.atomic.AtomicInteger(1));
            allowParallel = DenseKernels.splitsForGood();
        }

        Builder(Graph g, int leafSize, int[] part, java.util.concurrent.atomic.AtomicInteger labels) {
            this.g = g; this.leafSize = Math.max(1, leafSize);
            this.labels = labels;
            perm = new int[g.n];
            this.part = part;
            level = new int[g.n];
            queue = new int[g.n];
            Arrays.fill(level, -1);
            level2 = new int[g.n];
            queue2 = new int[g.n];
            Arrays.fill(level2, -1);
        }

        NestedDissection run() {
            // dense vertices (e.g. a trace row) would short-cut every level structure: order them last
            long sumDeg = g.xadj[g.n];
            double avg = g.n == 0 ? 0 : (double) sumDeg / g.n;
            int denseLimit = (int) Math.max(32, 10 * avg);
            int nDense = 0;
            for (int v = 0; v < g.n; v++) if (g.xadj[v + 1] - g.xadj[v] > denseLimit) nDense++;
            if (nDense * 4 > g.n) nDense = 0;   // not a few hubs: treat normally
            int[] all = new int[g.n - nDense], dense = new int[nDense];
            int na = 0, nd = 0;
            Arrays.fill(part, 0);
            for (int v = 0; v < g.n; v++) {
                if (nDense > 0 && g.xadj[v + 1] - g.xadj[v] > denseLimit) { dense[nd++] = v; part[v] = -1; }
                else all[na++] = v;
            }
            int root = na > 0 ? dissect(all, 0) : -1;
            if (nDense > 0) {
                int s = pos;
                for (int v : dense) perm[pos++] = v;
                int top = newNode(s, pos);
                if (root >= 0) parent[root] = top;
                root = top;
            }
            parentOf(root, -1);
            return new NestedDissection(perm, Arrays.copyOf(start, nodes), Arrays.copyOf(end, nodes),
                    Arrays.copyOf(parent, nodes), nodes);
        }

        private void parentOf(int child, int par) { parent[child] = par; }

        private int newNode(int s, int e) {
            if (nodes == start.length) {
                start = Arrays.copyOf(start, 2 * nodes); end = Arrays.copyOf(end, 2 * nodes);
                parent = Arrays.copyOf(parent, 2 * nodes);
            }
            start[nodes] = s; end[nodes] = e; parent[nodes] = -1;
            return nodes++;
        }

        private long weightOf(int[] vs) { long w = 0; for (int v : vs) w += g.weight[v]; return w; }

        // dissect is cut into small methods: as one 90-line method it was C2-compiled twice over (on-stack replacement
        // and again), ~0.3 s of compile time in a cold process on two cores

        /** Orders the vertices vs (all carrying label lab); returns the tree node of this part. */
        private int dissect(int[] vs, int lab) {
            if (weightOf(vs) <= leafSize || vs.length <= 2) return leaf(vs);
            // BFS from a minimum-degree vertex: connectivity check and first pseudo-peripheral candidate
            int v0 = minDegree(vs);
            int cnt = bfs(v0, lab);
            if (cnt < vs.length) {
                clearLevels(cnt);
                return splitComponents(vs, lab);
            }
            int c = peripheralBfs(v0, cnt, lab);
            int maxLev = level[queue[c - 1]];
            if (maxLev < 2) { clearLevels(c); return leaf(vs); }
            int bestL = separatorLevel(c, maxLev);
            int[] better = betterEnd(c, bestL, lab);
            c = better[0];
            bestL = better[1];
            int[] pa = new int[c], pb = new int[c], ps = new int[c];
            int na = 0, nb = 0, nsep = 0;
            for (int q = 0; q < c; q++) {
                int v = queue[q], l = level[v];
                if (l < bestL) pa[na++] = v; else if (l > bestL) pb[nb++] = v; else ps[nsep++] = v;
            }
            // thin the separator: label sides
            int la = labels.getAndIncrement(), lb2 = labels.getAndIncrement();
            label(pa, na, la);
            label(pb, nb, lb2);
            label(ps, nsep, labels.getAndIncrement());
            clearLevels(c);
            int[] count = {na};
            nsep = thin(ps, nsep, lb2, la, pa, count);
            na = count[0];
            count[0] = nb;
            nsep = thin(ps, nsep, la, lb2, pb, count);
            nb = count[0];
            return split(Arrays.copyOf(pa, na), Arrays.copyOf(pb, nb), Arrays.copyOf(ps, nsep));
        }

        private int minDegree(int[] vs) {
            int v0 = vs[0];
            for (int v : vs) if (g.xadj[v + 1] - g.xadj[v] < g.xadj[v0 + 1] - g.xadj[v0]) v0 = v;
            return v0;
        }

        /** A disconnected set: its components in two groups of balanced weight, empty separator. */
        private int splitComponents(int[] vs, int lab) {
            List<int[]> comps = components(vs, lab);
            comps.sort((x, y) -> Long.compare(weightOf(y), weightOf(x)));
            int[] la = new int[vs.length], lb = new int[vs.length];
            int na = 0, nb = 0; long wa = 0, wb = 0;
            for (int[] cc : comps) {
                if (wa <= wb) { System.arraycopy(cc, 0, la, na, cc.length); na += cc.length; wa += weightOf(cc); }
                else { System.arraycopy(cc, 0, lb, nb, cc.length); nb += cc.length; wb += weightOf(cc); }
            }
            return split(Arrays.copyOf(la, na), Arrays.copyOf(lb, nb), new int[0]);
        }

        /**
         * The level structure from a pseudo-peripheral node (Gibbs-Poole-Stockmeyer style, at most a few sweeps),
         * starting from the BFS of v0 (cnt vertices) already in queue/level; returns the count of the final BFS.
         */
        private int peripheralBfs(int v0, int cnt, int lab) {
            int r = v0;
            int ecc = level[queue[cnt - 1]];
            int c = cnt;
            for (int it = 0; it < 3; it++) {
                int last = queue[c - 1];
                int e = level[last];
                int best = last, bd = Integer.MAX_VALUE;
                for (int qq = c - 1; qq >= 0 && level[queue[qq]] == e; qq--) {
                    int v = queue[qq], d = g.xadj[v + 1] - g.xadj[v];
                    if (d < bd) { bd = d; best = v; }
                }
                clearLevels(c);
                c = bfs(best, lab);
                int e2 = level[queue[c - 1]];
                if (e2 <= ecc) {
                    if (e2 < ecc) { clearLevels(c); c = bfs(r, lab); }
                    break;
                }
                ecc = e2;
                r = best;
            }
            return c;
        }

        /**
         * The separator level: among levels with balanced sides (the lighter side at least BAL of the weight) the
         * lightest, ties to the most balanced; else the median level.
         */
        private int separatorLevel(int c, int maxLev) {
            long[] lw = new long[maxLev + 1];
            for (int q = 0; q < c; q++) lw[level[queue[q]]] += g.weight[queue[q]];
            long total = 0; for (long x : lw) total += x;
            int bestL = -1; double bestScore = Double.MAX_VALUE;
            long[] cum = new long[maxLev + 2];
            for (int l = 0; l <= maxLev; l++) cum[l + 1] = cum[l] + lw[l];
            for (int l = 1; l < maxLev; l++) {
                long a = cum[l], b = total - cum[l + 1];
                double bal = (double) Math.min(a, b) / Math.max(1, total);
                if (bal < BAL) continue;
                double score = lw[l] * (1.0 + IMB * Math.abs(a - b) / (double) total);
                if (score < bestScore) { bestScore = score; bestL = l; }
            }
            if (bestL < 0) { // fall back: median level
                for (int l = 1; l < maxLev; l++) if (cum[l + 1] * 2 >= total) { bestL = l; break; }
                if (bestL < 0) bestL = maxLev / 2;
            }
            return bestL;
        }

        /**
         * The level structure from the far end of the pseudo-diameter too, keeping the one whose separator level is
         * lighter; returns its BFS count and separator level, its levels left in place. On the 4-D lattices (two
         * ensembles, spin and boson) the two ends' level sets differ, and the better one cut btc-pair N = 12's
         * steady-state LU from 2.60e11 to 1.66e11 flops (dicke N = 16, cutoff 24: 8.5e11 -> 7.9e11; btc N = 512:
         * 1.83e9 -> 1.78e9) for one more BFS per part, into a second level array (btc N = 512: dissection 0.13 -> 0.15 s).
         */
        private int[] betterEnd(int c, int bestL, int lab) {
            long w1 = levelWeight(c, bestL);
            int far = queue[c - 1];
            swapLevels();
            int c2 = bfs(far, lab);
            int maxLev2 = level[queue[c2 - 1]];
            int bestL2 = maxLev2 < 2 ? -1 : separatorLevel(c2, maxLev2);
            if (bestL2 >= 0 && levelWeight(c2, bestL2) < w1) {
                for (int q = 0; q < c; q++) level2[queue2[q]] = -1;   // the first structure, now the spare
                return new int[]{c2, bestL2};
            }
            clearLevels(c2);
            swapLevels();
            return new int[]{c, bestL};
        }

        private void swapLevels() {
            int[] l = level, q = queue;
            level = level2; queue = queue2;
            level2 = l; queue2 = q;
        }

        private long levelWeight(int c, int l) {
            long w = 0;
            for (int q = 0; q < c; q++) if (level[queue[q]] == l) w += g.weight[queue[q]];
            return w;
        }

        private void label(int[] vs, int n, int lab) { for (int i = 0; i < n; i++) part[vs[i]] = lab; }

        /**
         * Moves the separator vertices with no neighbour labelled {@code other} to the side {@code to} (appended to
         * side[count[0]...]); returns how many stay in the separator (compacted at the front of sep).
         */
        private int thin(int[] sep, int nsep, int other, int to, int[] side, int[] count) {
            int keep = 0;
            for (int i = 0; i < nsep; i++) {
                int v = sep[i];
                if (!touches(v, other)) { part[v] = to; side[count[0]++] = v; } else sep[keep++] = v;
            }
            return keep;
        }

        private boolean touches(int v, int lab) {
            for (int p = g.xadj[v]; p < g.xadj[v + 1]; p++) if (part[g.adj[p]] == lab) return true;
            return false;
        }

        private int split(int[] a, int[] b, int[] sep) {
            int la = labels.getAndIncrement(), lb = labels.getAndIncrement();
            for (int v : a) part[v] = la;
            for (int v : b) part[v] = lb;
            for (int v : sep) part[v] = -1;
            int ca, cb;
            if (allowParallel && Math.min(a.length, b.length) > 20000) {
                // dissect the two halves concurrently; the second half in its own builder, merged afterwards
                allowParallel = false;
                Builder other = new Builder(g, leafSize, part, labels);
                int[] res = new int[2];
                DenseKernels.parallel(() -> res[0] = dissect(a, la), () -> res[1] = other.dissect(b, lb));
                ca = res[0];
                int offPos = pos, offNode = nodes;
                System.arraycopy(other.perm, 0, perm, pos, other.pos);
                pos += other.pos;
                for (int t = 0; t < other.nodes; t++) {
                    int nt = newNode(other.start[t] + offPos, other.end[t] + offPos);
                    parent[nt] = other.parent[t] >= 0 ? other.parent[t] + offNode : -1;
                }
                cb = res[1] + offNode;
            } else {
                ca = a.length > 0 ? dissect(a, la) : -1;
                cb = b.length > 0 ? dissect(b, lb) : -1;
            }
            int s = pos;
            Arrays.sort(sep);
            for (int v : sep) perm[pos++] = v;
            int t = newNode(s, pos);
            if (ca >= 0) parent[ca] = t;
            if (cb >= 0) parent[cb] = t;
            return t;
        }

        private int leaf(int[] vs) {
            int s = pos;
            int[] sorted = vs.clone();
            Arrays.sort(sorted);
            for (int v : sorted) { perm[pos++] = v; part[v] = -1; }
            return newNode(s, pos);
        }

        /** BFS from r inside label lab; fills queue and level; returns count. Levels must be cleared after. */
        private int bfs(int r, int lab) {
            int h = 0, t = 0;
            queue[t++] = r; level[r] = 0;
            while (h < t) {
                int v = queue[h++];
                int lv = level[v] + 1;
                for (int p = g.xadj[v]; p < g.xadj[v + 1]; p++) {
                    int w = g.adj[p];
                    if (part[w] == lab && level[w] < 0) { level[w] = lv; queue[t++] = w; }
                }
            }
            return t;
        }

        private void clearLevels(int c) { for (int q = 0; q < c; q++) level[queue[q]] = -1; }

        private List<int[]> components(int[] vs, int lab) {
            List<int[]> out = new ArrayList<>();
            // use level as visited marker: BFS leaves levels set; clear at the end
            for (int v : vs) {
                if (level[v] >= 0) continue;
                int c = bfs(v, lab);
                int[] comp = Arrays.copyOf(queue, c);
                for (int u : comp) level[u] = 0; // keep marked
                out.add(comp);
            }
            for (int v : vs) level[v] = -1;
            return out;
        }
    }
}
